/** Transcripts in (SPEC §7): Word, WebVTT, SubRip and plain-text transcripts to Markdown transcripts. */
export { importTranscript, type ImportTranscriptOptions, type ImportedTranscript } from './importTranscript';
export { readTranscript, transcriptFormatOf, type TranscriptFormat, type TranscriptReadResult } from './readTranscript';
export { renderTranscriptMarkdown, type RenderTranscriptOptions } from './renderTranscriptMarkdown';
export { parseSpeakerMap, renameSpeakers, type SpeakerMap } from './speakerMap';
export { countWords, summariseTranscript, WORD, type TranscriptSummary } from './summariseTranscript';
export { chooseTranscriptNames, idFromFileName, type ExistingTranscript, type TranscriptName } from './transcriptNames';
export { escapeTranscriptText, normaliseSpace } from './escapeTranscriptText';
export { pseudonymiseTranscript, pseudonymMapProblem, type PseudonymMap, type PseudonymiseResult } from './pseudonymiseTranscript';
export type { IngestedTranscript, TranscriptBlock, TranscriptTurn, TranscriptHeading, TurnParagraph, Inline } from './transcriptModel';
