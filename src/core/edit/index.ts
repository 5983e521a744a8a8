/**
 * Public API of the edit engine: requests in, exact text edits out (UTF-16
 * offsets into the file text without byte order mark), never a re-serialised
 * tree. Every edit keeps the plain text (SPEC §3) and is checked by parsing.
 */
export { codeRange, CODE_ID } from './codeRange';
export type { CodeRangeRequest, CodeRangeResult } from './codeRange';
export { uncode } from './uncode';
export { setExcerptAttributes } from './setExcerptAttributes';
export type { ExcerptAttributeChange } from './setExcerptAttributes';
export { recodeTranscript } from './recodeTranscript';
export type { CodeMapping, RecodeTarget } from './recodeTranscript';
export { directivesOfSource } from './directivesOfSource';
export { editCodebookText } from './editCodebookText';
export type { CodebookChange, CodebookEditResult } from './editCodebookText';
export { excerptAt, excerptDirectives } from './excerptDirectives';
export { plainRangeOf } from './plainRangeOf';
export { applyTextEdits, sortTextEdits } from './textEdit';
export { invertEdits } from './invertEdits';
export type { EditResult, TextEdit } from './textEdit';
export { verifyEdits } from './verifyEdits';
export { insertCodings } from './insertCodings';
export type { CodingRequest, InsertResult } from './insertCodings';
