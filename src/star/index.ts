// The STAR analyser: pure functions, no I/O. See docs/star.md.
export type { Analysis } from './analyze';
export { analyzeAnswer } from './analyze';
export { markerOf, renderFeedback } from './feedback';
export type { Label, Part } from './label';
export type { AnswerFlags, Summary, SummaryEntry } from './summary';
export { compareAttempts, flagsOf, hasAllParts, renderSummaryChart, summarize } from './summary';
