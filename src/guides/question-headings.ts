// What a heading says about the lines under it, in a page of no known layout: advice or the
// candidate's own words (no questions under it), one problem it names, a question it asks.
import { asks } from './asking';
import { ANSWER_HEADING } from './question-sections';

// ("## My real preparation": how the author prepared, with "### Technical questions" of advice under it)
export const ADVICE_HEADING =
  /\b(?:tips?|advice|resources|^suggestions$|mistakes to avoid|takeaways|guidelines|timeline|recommendations|lessons learn(?:ed|t)|preparation|preparing|how i prepared)\b/i;
// a job description's parts: what the job is and offers, asked of no one
// ("Key Responsibilities", "Required Qualifications", "What We Offer", "How to Apply")
export const JOB_HEADING =
  /^(?:(?:key|main|primary|secondary|your|job|role)\s+)?(?:responsibilit(?:y|ies)|duties|requirements|(?:required|preferred|minimum|basic)?\s*qualifications|benefits|perks|compensation|what (?:we|you'll|you will) (?:offer|do|get|bring)|how to apply|about the (?:role|team|company|position)|position (?:overview|summary)|job (?:summary|overview|description)|technical stack|tech stack)\b/i;
// the candidate's own words: "Self-Introduction", "Questions from My Side", "Questions to ask the interviewer"
export const OWN_HEADING =
  /\b(?:self[- ]introduction|introduction|about me|questions? (?:from my side|to ask|for (?:the |your )?interviewers?|i asked))\b/i;

/** A heading that is itself a question: "What is a closure?", "Tell me about a time you failed." */
export function headingAsks(text: string): boolean {
  if (/^how (?:to|i|we)\b|\b(?:i|my|we|our)\b/i.test(text) || ANSWER_HEADING.test(text)) return false;
  return /\?$/.test(text) || (asks(text) && text.split(/\s+/).length >= 4);
}

// "Coding Question – Longest String Chain", "Problem 1: Merge Intervals" name their one question
// ("Problem-solving" names none)
const NAMED =
  /^(?:[\w ]{0,30}\s)?(?:question(?: #?\d{1,3})?\s*[–—:-]|problem(?: #?\d{1,3})?(?:\s*:|\s+[–—-]))\s*(.+)$/i;

/** The one problem a heading names: "Problem 1: Merge Intervals" gives "Merge Intervals". */
export function namedProblem(text: string): string | undefined {
  return NAMED.exec(text)?.[1]?.trim() || undefined;
}

/** "Question:", "Problem statement", "Question (as asked):" on its own line: the next line is the question. */
export function announcesOne(text: string): boolean {
  return /^(?:question|problem(?: statement)?)(?: \([^)]{1,30}\))?:?$/i.test(text);
}
