// Questions a sentence reports instead of listing: "You'll be asked to design a basic data
// structure, such as a HashMap.", "asked some basic questions like why you applied to Revolut and
// why you chose that particular role". "You will be asked to write code" names no question.
import { asks } from './asking';

const ASKED_TO = /\b(?:be|been|was|were|am|are|is|get|got|gets)\s+(?:also\s+)?asked\s+to\s+(.+?)(?:\.\s|[.;!]?$)/i;
const WH = String.raw`(?:why|how|what|where|when|which|who)\b`;
const QUESTIONS_LIKE = new RegExp(String.raw`\bquestions?\s+(?:like|such as)\s+(${WH}.+?)(?:\.\s|[.;!]?$)`, 'i');
const WH_JOIN = new RegExp(String.raw`,?\s+and\s+(?=${WH})|,\s+(?=${WH})`, 'i');
// "asked to solve two problems", "asked to write code on a whiteboard": the kind of task, not a question
const GENERIC_TASK =
  /^\w+\s+(?:(?:a|an|the|some|few|a few|\d+|two|three|four|several|more|my|our)\s+)*(?:code|problems?|questions?|coding|exercises?|tasks?|solutions?|myself)\b/i;
// "asked to solve a product-focused algorithmic problem": a kind of problem, named by its adjectives only
const KIND_OF_TASK =
  /^\w+\s+(?:a|an|the|some|one|two|three|another)\s+(?:[\w-]+\s+){0,3}(?:problems?|questions?|exercises?|tasks?|challenges?)\s*$/i;

const words = (t: string) => t.split(/\s+/).length;

/** The questions a line reports ("asked to ...", "questions like why ..."); none when it reports none. */
export function reportedQuestions(text: string): string[] {
  // most lines say neither word
  if (!/asked|questions?\s+(?:like|such)/i.test(text)) return [];
  // a blog's long paragraph ("... In this round, I was asked to write ...") reports in one of its sentences
  if (text.length > 800) {
    if (text.length > LONGEST_PARAGRAPH) return [];
    for (const sentence of text.split(/(?<=[.!?])\s+/)) {
      const found = sentence.length <= 800 ? reportedIn(sentence) : [];
      if (found.length > 0) return found;
    }
    return [];
  }
  return reportedIn(text);
}

// past this a line is no paragraph a person wrote (a hostile page's one long line)
const LONGEST_PARAGRAPH = 6000;

function reportedIn(text: string): string[] {
  if (!/asked|questions?\s+(?:like|such)/i.test(text)) return [];
  const to = ASKED_TO.exec(text)?.[1]?.trim();
  if (to && words(to) >= 4 && asks(to) && !GENERIC_TASK.test(to) && !KIND_OF_TASK.test(to)) return [to];
  const like = QUESTIONS_LIKE.exec(text)?.[1];
  if (!like) return [];
  // "..., how would you write unit tests, some good coding practices etc.": the "etc." names none
  return like
    .replace(/,\s+[^,]*\betc\.?$/i, '')
    .split(WH_JOIN)
    .map((p) => p.trim())
    .filter((p) => words(p) >= 3);
}
