/** Public API of analysis step 3: the workshop resource pack and the workshop tally. */
export { buildPack, defaultPackStep, CURRENT_CODEBOOK, DEFAULT_PACK_GROUP, DEFAULT_PACK_QUOTES, DEFAULT_PACK_QUOTE_LENGTH } from './buildPack';
export type { PackOptions } from './buildPack';
export type { PackCard, PackCount, PackRelated, PackResult, PackSubCode, ResourcePack } from './resourcePack';
export { stepLineage } from '../../codebook/stepLineage';
export { renderPackMarkdown } from './renderPackMarkdown';
export { renderPackHtml } from './renderPackHtml';
export { renderPackJson, PACK_JSON_VERSION } from './renderPackJson';
export { parseWorkshop } from './parseWorkshop';
export type { IdRef, ParsedWorkshop, Workshop, WorkshopParticipant } from './workshop';
export { tallyWorkshop } from './tallyWorkshop';
export type { CandidateTally, ParticipantTally, WorkshopTally, WorkshopTallyResult } from './tallyWorkshop';
export { workshopChanges } from './workshopChanges';
export type { CodebookChange } from './workshopChanges';
export { renderWorkshopMarkdown } from './renderWorkshopMarkdown';
export { renderWorkshopCsv } from './renderWorkshopCsv';
export { renderWorkshopJson, WORKSHOP_JSON_VERSION } from './renderWorkshopJson';
