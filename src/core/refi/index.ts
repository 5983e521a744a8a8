/** Public API of the REFI-QDA module: export and import of `.qdpx` projects and `.qdc` codebooks, CSV of excerpts. */
export { exportProject, PROJECT_NAMESPACE } from './exportProject';
export type { ExportOptions, ExportedProject } from './exportProject';
export { exportQdpx } from './exportQdpx';
export { exportCodebook, CODEBOOK_NAMESPACE } from './exportCodebook';
export { renderExcerptCsv } from './renderExcerptCsv';
export { importProject } from './importProject';
export type { ImportOptions, ImportResult, ImportedFile } from './importProject';
export { importCodebookFile, CODEBOOK_NAMESPACES } from './importCodebookFile';
export { renderImportReport } from './renderImportReport';
export type { ImportReport, ImportedSource } from './importReport';
export type { SkippedItem } from './readProject';
export { chooseReading, describeReading, positionConverter, CANDIDATE_READINGS } from './chooseReading';
export type { PositionReading, ReadingSample, ReadingScore } from './chooseReading';
export { readZip } from './readZip';
export type { ZipLimits } from './readZip';
export { readXml } from './readXml';
export { guidFor } from './guidFor';
