export type { Diagnostic, Severity } from './diagnostic';
export type { Code, Codebook, Citation, HistoryEntry, Origin } from './codebook';
export type { Source, Turn, Heading } from './source';
export type { Excerpt, Fragment, FileRange } from './excerpt';
