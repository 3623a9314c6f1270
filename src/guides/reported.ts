// Questions a sentence reports instead of listing: "You'll be asked to design a basic data
// structure, such as a HashMap.", "asked some basic questions like why you applied to Revolut and
// why you chose that particular role". "You will be asked to write code" names no question.
import { asks } from './asking';

// ("The interviewer asked me to write ...", "The online round asked to implement ...": said of the interview, not the writer)
const ASKED_TO =
  /(?:\b(?:be|been|was|were|am|are|is|get|got|gets)\s+(?:also\s+)?asked|\b(?:interviewers?|he|she|they|interview|round|portion|panel|test)\s+(?:then\s+|also\s+)?asked(?:\s+(?:me|us))?)\s+to\s+(.+?)(?:\.\s|[.;!]?$)/i;
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
export function reportedQuestions(text: string, prose = true): string[] {
  // most lines say neither word
  if (!GATE.test(text)) return [];
  // a blog's long paragraph ("... In this round, I was asked to write ...") reports in one of its sentences
  if (text.length > 800) {
    if (text.length > LONGEST_PARAGRAPH) return [];
    for (const sentence of text.split(/(?<=[.!?])\s+/)) {
      const found = sentence.length <= 800 ? reportedIn(sentence, prose) : [];
      if (found.length > 0) return found;
    }
    return [];
  }
  return reportedIn(text, prose);
}

// past this a line is no paragraph a person wrote (a hostile page's one long line)
const LONGEST_PARAGRAPH = 6000;

// most lines say none of these words
const GATE = /asked|questions?\s+(?:like|such)|\b(?:question|problem|task)\s+(?:was|is)\b/i;

// 'Question was "Given a pattern ..."', "The question is about counting the visitors ...": the one question a sentence states
const THE_QUESTION =
  /(?:^|\.\s+|\bthe\s+)(?:coding\s+|first\s+|second\s+|next\s+|last\s+)?(?:question|problem|task)\s+(?:was|is)\s+(?:about\s+|to\s+|that\s+)?[:"“]?\s*(.+?)["”]?(?:\.\s|[.;!]?$)/i;
// '... follows the same pattern Eg: Pattern : [a b b a]': where its example begins, the question ends
const EXAMPLE_AFTER = /\s+(?:e\.?g\.?|for example|example)\s*:.*$/i;

// "I was asked how to find duplicate files", "was asked a variation of the coin change problem": what was asked, told
const ASKED_WHAT =
  /\b(?:was|were|got|been)\s+(?:also\s+)?asked\s+((?:how|what|why|which|whether)\b.+?|(?:a|an)\s+.+?)(?:[,.;!]\s|[.;!]?$)/i;

function askedWhat(text: string): string | undefined {
  const m = ASKED_WHAT.exec(text)?.[1]?.trim();
  if (!m || words(m) < 4 || /\b(?:my|I)\b/.test(m)) return undefined;
  return KIND_OF_TASK.test(`asked ${m}`) || GENERIC_TASK.test(`asked ${m}`) ? undefined : m;
}

function statedQuestion(text: string): string | undefined {
  const m = THE_QUESTION.exec(text)?.[1]?.replace(EXAMPLE_AFTER, '').trim();
  return m && words(m) >= 4 && asks(m) && !KIND_OF_TASK.test(`a ${m}`) ? m : undefined;
}

/** `prose`: a paragraph, not a list item (an item stating "The problem is to ..." is the question whole). */
function reportedIn(text: string, prose: boolean): string[] {
  if (!GATE.test(text)) return [];
  const stated = prose ? statedQuestion(text) : undefined;
  if (stated) return [stated];
  const to = ASKED_TO.exec(text)?.[1]?.trim();
  // ("asked me to explain my internship project": the writer's own work, told about, not a question set)
  const own = /\b(?:my|I)\b/.test(to ?? '');
  if (to && words(to) >= 4 && asks(to) && !own && !GENERIC_TASK.test(to) && !KIND_OF_TASK.test(to)) return [to];
  const what = prose ? askedWhat(text) : undefined;
  if (what) return [what];
  const like = QUESTIONS_LIKE.exec(text)?.[1];
  if (!like) return [];
  // "..., how would you write unit tests, some good coding practices etc.": the "etc." names none
  return like
    .replace(/,\s+[^,]*\betc\.?$/i, '')
    .split(WH_JOIN)
    .map((p) => p.trim())
    .filter((p) => words(p) >= 3);
}
