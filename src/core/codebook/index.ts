/** Public API of the codebook module: parse, merge, keep the last good codebook, query, look back in history. */
export { parseCodebook } from './parseCodebook';
export type { ParsedCodebook } from './parseCodebook';
export { mergeCodebooks } from './mergeCodebooks';
export type { CodebookResult, CodebookText, MergeOptions } from './mergeCodebooks';
export { compileCodebook } from './compileCodebook';
export { emptyCodebook } from './emptyCodebook';
export { CodebookState } from './codebookState';
export type { CodebookInUse } from './codebookState';
export { ancestorsOf, codesInGroup, descendantsOf, groupOf, resolveCodeId } from './queryCodes';
export { nearestCodeIds } from './nearestCodeIds';
export { codebookAsOf, codebookSteps } from './codebookAsOf';
export { CODE_ID_PATTERN, HISTORY_ACTIONS, PRESET_NAME_PATTERN } from './codebookFile';
export type { CodeEntry, CodebookFile, Reference } from './codebookFile';
export { stepLineage } from './stepLineage';
export { describeStepView, MERGED_SEPARATOR, stepView } from './stepView';
export type { MergedLater, StepView } from './stepView';
export { codesSeenFrom } from './codesSeenFrom';
export type { CodePlace, SeenCode } from './codesSeenFrom';
