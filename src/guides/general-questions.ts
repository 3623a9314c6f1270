// The questions on a page in no known layout. A heading (or a line ending in ":", or a sentence
// such as "I was asked two coding questions") opens a questions section, categorised by its
// words; inside one, list items asking something are questions, and so are short problem names
// ("LRU Cache") when the heading says questions ("Top 10 Coding Questions") rather than topics
// ("Data Structures & Algorithms"). A question's indented items are its details, not questions.

import { asks, asksOneself } from './asking';
import { FAQ_HEADING } from './general-faqs';
import { ListRuns } from './list-runs';
import type { Line } from './page-lines';
import { isHeadingLike } from './page-lines';
import { ADVICE_HEADING, announcesOne, headingAsks, JOB_HEADING, namedProblem, OWN_HEADING } from './question-headings';
import { announced, type Section, sectionAfter } from './question-sections';
import { cleaned, isName, isStage, isStatement, labelledProblem } from './question-text';
import type { FoundQuestion } from './questions';
import { reportedQuestions } from './reported';
import { toldQuestions } from './told-questions';

function isQuestion(t: string, item: boolean, section: Section | undefined): boolean {
  const words = t.split(/\s+/).length;
  if (words > 150 || asksOneself(t)) return false;
  if (section === undefined) return item && /\?$/.test(t) && /\byou(?:r|'re|'ve)?\b/i.test(t);
  // "How I would react" under "Discussion Areas" tells what was talked about; after "asked:" it is a question
  if (!section.explicit && /^\w+ (?:I|my)\b/.test(t) && !/\?$/.test(t)) return false;
  if (asks(t) && (words >= 3 || /\?$/.test(t))) return item || /\?$/.test(t);
  // after "asked questions from core CS subjects:" the short names are the questions asked, of any kind
  return (
    item &&
    section.explicit &&
    (section.cats.length > 0 || section.asked === true) &&
    !behaviouralOnly(section) &&
    isName(t)
  );
}

/** Behavioural questions are asked as questions: "Conflict resolution" under one is a topic. */
function behaviouralOnly(section: Section): boolean {
  return section.cats.length === 1 && section.cats[0] === 'behavioral';
}

// a sentence announcing questions ("I was asked two coding questions", "questions, including:")
const ANNOUNCING = /\b(?:questions?|problems|asked)\b/i;
const SUBJECTS = /\b(?:questions?|asked)\s+(?:on|about)\s*:?$/i;
const ADVICE = /\b(?:tips?|advice|resources)\b/i;
const ANNOUNCING_WORDS = 30;
// at least this many items asking outright make a page's questions, outside any questions section too
const FEW_ASKED = 5;

/** "You'll be asked to design ...": the questions a sentence reports; true when it held any. */
function reported(s: State, text: string, item = false): boolean {
  const found = reportedQuestions(text, !item);
  for (const q of found) s.out.push({ text: q, context: s.section?.cats ?? [] });
  if (s.section) s.sectioned += found.length;
  return found.length > 0;
}

interface State {
  section: Section | undefined;
  /** the level of a tips or advice heading: the headings under it are advice too */
  advice: number | undefined;
  /** the indent of the question whose details are being skipped */
  owner: number | undefined;
  /** the indent of an item naming a stage ("- HR Interview"): the items under it tell that stage */
  stage: number | undefined;
  /** a numbered problem heading is being read: its lines are details */
  inProblem: boolean;
  /** where in `out` the numbered heading being read was put, while it may yet prove a group of questions */
  grouping: number | undefined;
  /** the section a table announcing its questions was read in: it goes on after the table */
  beforeTable: Section | undefined;
  /** how many entries were taken back out of `out` (a numbered name that proved a group) */
  removed: number;
  /** "Question:" on its own line: the next line is the question */
  single: boolean;
  out: FoundQuestion[];
  /** prompts listed outside any questions section, kept for a page that has no such section */
  loose: FoundQuestion[];
  /** questions found inside a questions section */
  sectioned: number;
  /** list items read outside any questions section: the prompts kept in `loose` must be most of them */
  outside: number;
  /** after "Here are the questions:": plain lines that ask are questions, up to one that does not */
  plain: boolean;
  /** the level of the page's last heading: a line announcing questions speaks for the rest of its part */
  headingLevel: number;
  /** a "#" heading has been read: the next one is not the page's title */
  titled: boolean;
  /** under "### Interview 1": the paragraph read so far, whose first sentence may be the question */
  para: string | undefined;
}

// past this a line is running text, however it starts
const LONGEST_QUESTION = 800;

function take(s: State, text: string, item: boolean, indent: number, single = false): boolean {
  if (text.length > LONGEST_QUESTION) return false;
  const labelled = s.section ? labelledProblem(text) : undefined;
  const t = labelled ?? cleaned(text);
  if (s.section === undefined && item && asks(t) && t.split(/\s+/).length >= 4) s.loose.push({ text: t, context: [] });
  // "- 2nd Technical Interview" over the items telling that round: a label, its items what the round held
  if (item && isStage(t)) {
    s.stage = indent;
    return false;
  }
  if (!labelled && !isQuestion(t, item || single, s.section)) return false;
  s.out.push({ text: t, context: s.section?.cats ?? [] });
  if (s.section) s.sectioned++;
  if (item) s.owner = indent;
  return true;
}

function readHeading(s: State, l: Line): void {
  s.owner = undefined;
  s.stage = undefined;
  // "### Interview 1", "### Round 2" naming nothing more: the sentence under it may state the question
  s.para = l.marked && /^(?:interview|round|question|problem)\s*#?\d{1,2}:?$/i.test(l.text) ? '' : undefined;
  s.plain = false;
  if (l.marked) s.headingLevel = l.level;
  if (s.advice !== undefined && l.level > s.advice) return;
  if (adviceHeading(s, l)) return;
  if (s.inProblem && /:$/.test(l.text)) return;
  // a bold "Key Requirements:" is part of the problem; the next heading ends it
  if (l.marked && !/:$/.test(l.text)) s.inProblem = false;
  s.grouping = undefined;
  if (problemHeading(s, l)) return;
  const next = sectionAfter(l.text, s.section, l.level);
  if (next === 'none') {
    // "Based on the team's interview patterns:" leads into the list under it; it heads no part of its own
    const leadIn = !l.marked && /:$/.test(l.text) && l.text.split(/\s+/).length >= 5;
    if (isHeadingLike(l.text) && !/\?$/.test(l.text) && !leadIn) s.section = undefined;
  } else {
    const line = !l.marked && /:$/.test(l.text) && ANNOUNCING.test(l.text);
    s.section = line ? announcedBy(next, l.text, s.headingLevel) : next;
    // "Here are the questions:" (a line, not the page's own heading): plain lines that ask follow
    s.plain = line;
  }
}

/** "## Interview Tips", "## Frequently Asked Questions": no questions asked in the interview under it; true when it is one. */
function adviceHeading(s: State, l: Line): boolean {
  // "## Interview Tips" (not the page's title): its sub-headings ("### Technical Rounds") are tips too
  // ("#### "Tell me about a time you solved a problem with limited resources."" asks; it gives no advice)
  const advice = ADVICE_HEADING.test(l.text) && !/question/i.test(l.text) && !headingAsks(cleaned(l.text));
  // a "# Tips" below the page's title (notes run together under "#" headings) is advice too
  const belowTitle = l.level > 1 || (l.level === 1 && s.titled);
  if (l.level === 1) s.titled = true;
  // "## Frequently Asked Questions" asks about the interview, not in it: its questions are FAQs (general-faqs.ts)
  const faq = FAQ_HEADING.test(l.text);
  const own = OWN_HEADING.test(l.text) || JOB_HEADING.test(l.text);
  s.advice = (belowTitle && l.level < 7 && (advice || own)) || faq ? l.level : undefined;
  if (s.advice === undefined) return false;
  s.section = undefined;
  s.inProblem = false;
  s.grouping = undefined;
  return true;
}

/** A heading that is a problem, names one, announces one, or asks one; true when it was read as such. */
function problemHeading(s: State, l: Line): boolean {
  // "### 2️⃣ Horizontal Pod Autoscaler" in a questions section is a problem: its lines are details
  // ("### 1. Leadership & Initiative" under "## Behavioral Questions" groups the questions asked under it)
  if (l.numbered && s.section?.explicit && !behaviouralOnly(s.section) && isName(l.text)) {
    s.grouping = s.out.length;
    s.out.push({ text: l.text, context: s.section.cats });
    s.inProblem = true;
    return true;
  }
  const named = l.marked ? namedProblem(l.text) : undefined;
  if (named) {
    s.section = { cats: announced(l.text) ?? [], explicit: true, level: l.level };
    s.out.push({ text: named, context: s.section.cats });
    s.inProblem = true;
    return true;
  }
  if (announcesOne(l.text)) {
    s.single = true;
    s.section ??= { cats: [], explicit: true, level: l.level };
    return true;
  }
  // "### What is a closure?", "**Why Initech?**" under a questions heading: a question, the lines under it its answer
  // ("## Why Initech?" beside "## Technical Questions" is a section of its own)
  const under = s.section && (l.level > s.section.level || l.level === 7);
  // ("**Q: "Tell me about a time ..."**": the question without its label and quotes)
  const asked = cleaned(l.text);
  if (!l.marked || !s.section || !under || !(s.section.explicit || s.section.cats.length > 0) || !headingAsks(asked))
    return false;
  s.out.push({ text: asked, context: s.section.cats });
  s.sectioned++;
  s.inProblem = true;
  return true;
}

/** The section a line announcing questions opens: "Asked about:", "Questions on:" list subjects. */
function announcedBy(next: Section, text: string, headingLevel: number): Section {
  const subjects = SUBJECTS.test(text);
  const asked = ANNOUNCING.test(text) && !subjects;
  const level = Math.min(next.level, headingLevel);
  return { ...next, explicit: (next.explicit && !subjects) || asked, asked, level };
}

const TOPICS_LINE = /\b(?:topics|areas|concepts|subjects|skills|technologies)\b/i;

// "- Follow-up: How would you shard it?" under a question is a question of its own
const FOLLOW_UP = /^follow[- ]?ups?(?: questions?)?\s*:\s*(.+)$/i;

function readLine(s: State, l: Line): void {
  if (s.owner !== undefined && l.item && l.indent > s.owner) {
    const rest = FOLLOW_UP.exec(l.text)?.[1];
    if (rest && asks(rest) && rest.split(/\s+/).length >= 3)
      s.out.push({ text: cleaned(rest), context: s.section?.cats ?? [] });
    return;
  }
  if (s.owner !== undefined && (l.item || l.indent <= s.owner)) s.owner = undefined;
  if (s.stage !== undefined && l.item && l.indent <= s.stage) s.stage = undefined;
  // the items telling a stage are sentences about it: only the questions they report count
  if (s.stage !== undefined && l.item && s.advice === undefined) {
    reported(s, l.text, true);
    return;
  }
  if (s.advice !== undefined) return;
  if (s.para !== undefined) firstSentence(s, l);
  const single = s.single;
  s.single = false;
  // "### 1. Object-Oriented Design" then "Question: Design a Parking Lot": the stated one is the question
  const stated = s.inProblem ? /^question\s*:\s*(.+)$/i.exec(l.text)?.[1] : undefined;
  if (stated) {
    const last = s.out[s.out.length - 1];
    if (last) last.text = cleaned(stated);
    s.owner = l.item ? l.indent : undefined;
    return;
  }
  if (s.inProblem && !single && !regrouped(s, l)) return;
  // "Some of the topics you might encounter include:": the items under it are topics to revise
  if (/:$/.test(l.text) && TOPICS_LINE.test(l.text) && !/question|asked/i.test(l.text)) {
    if (l.item) s.owner = l.indent;
    else s.section = undefined;
    return;
  }
  // "One of the coding questions was:" opens a list of questions like a heading
  if (
    /:$/.test(l.text) &&
    l.text.split(/\s+/).length <= 20 &&
    (l.text.split(/\s+/).length <= 6 || ANNOUNCING.test(l.text))
  ) {
    const next = sectionAfter(l.text, s.section, 9);
    if (next !== 'none') {
      s.section = announcedBy(next, l.text, s.headingLevel);
      s.plain = ANNOUNCING.test(l.text);
      return;
    }
  }
  s.plain = false;
  // a cell of a table's question column is a question whatever its length or form
  // so is a name of a grid of problem names, which no heading need announce
  if ((l.asked && s.section) || l.grid) {
    s.out.push({ text: cleaned(l.text), context: s.section?.cats ?? [] });
    s.sectioned++;
    return;
  }
  if (take(s, l.text, l.item, l.indent, single) || reported(s, l.text, l.item) || askedLine(s, l) || l.item) return;
  const told = toldQuestions(l.text);
  for (const q of told) s.out.push({ text: q, context: s.section?.cats ?? [] });
  if (told.length > 0) return;
  if (ADVICE.test(l.text)) s.section = undefined;
  // (a long paragraph naming "interview questions" in passing tells a story; it announces none)
  else if (ANNOUNCING.test(l.text) && l.text.split(/\s+/).length <= ANNOUNCING_WORDS) {
    const cats = announced(l.text) ?? [];
    s.section = { cats: cats.length ? cats : (s.section?.cats ?? []), explicit: true, level: s.section?.level ?? 9 };
  }
}

/**
 * '- "How do you stay connected with a remote team?"' under "### 1. Remote Work": quoted questions
 * listed under a numbered name make it a group of questions, not a problem; true when it was one.
 */
function regrouped(s: State, l: Line): boolean {
  if (s.grouping === undefined || !l.item || !/^["“].+["”]$/.test(l.text) || !asks(cleaned(l.text))) return false;
  s.out.splice(s.grouping, 1);
  s.removed++;
  s.grouping = undefined;
  s.inProblem = false;
  return true;
}

/**
 * The first sentence of the paragraph under "### Interview 1", its wrapped lines joined: the
 * question when it asks ("Find the longest path of increasing integers in a matrix.").
 */
function firstSentence(s: State, l: Line): void {
  if (l.item || l.marked) {
    s.para = undefined;
    return;
  }
  const para = `${s.para ?? ''} ${l.text}`.trim();
  const sentence = /^(.+?[.?!])(?=\s|$)/.exec(para)?.[1];
  s.para = sentence || para.length > LONGEST_QUESTION ? undefined : para;
  if (sentence && asks(sentence) && sentence.split(/\s+/).length >= 4 && !/^(?:i|we|my|the)\b/i.test(sentence)) {
    s.out.push({ text: sentence, context: s.section?.cats ?? [] });
    s.sectioned++;
  }
}

// "Asked me to explain the 4 pillars of OOPs.": a line of its own reporting what the interviewer asked
const ASKED_LINE = /^asked\s+(?:me\s+)?(?:to|for|about|if|whether|how|what|why)\b/i;

/**
 * "Asked me to explain the 4 pillars of OOPs." on a line of its own says what the interviewer asked,
 * whatever opened it ("he shifted to core concepts:" leads into topics, yet this line reports a question).
 */
function askedLine(s: State, l: Line): boolean {
  if (s.section !== undefined || s.advice !== undefined || l.item || l.marked || !ASKED_LINE.test(l.text)) return false;
  const words = l.text.split(/\s+/).length;
  if (words < 4 || words > 60) return false;
  s.out.push({ text: cleaned(l.text), context: [] });
  return true;
}

/** "Briefly walk me through your resume" on a line of its own after "Here are the questions:". */
function plainQuestion(s: State, text: string): boolean {
  // ("Design problem: Logs arrive ...": the problem without its label)
  const t = labelledProblem(text) ?? cleaned(text);
  const words = t.split(/\s+/).length;
  // "Briefly describe ...": an adverb before the asking verb
  const asking = asks(t) || asks(t.replace(/^\p{L}+ly\s+/iu, '')) || ASKED_LINE.test(t);
  if (words < 3 || words > 60 || !asking) return false;
  s.out.push({ text: t, context: s.section?.cats ?? [] });
  s.sectioned++;
  return true;
}

/**
 * "Following that, she tested my knowledge in Computer Networks:" in a round: a sentence leading
 * into lines written one under another without list marks, which are questions when they ask.
 */
function leadsIn(s: State, l: Line): boolean {
  return !l.item && !l.marked && /:$/.test(l.text) && s.section !== undefined && s.advice === undefined;
}

/** An item of a questions section that could be a question if its list asks: "Types of Cache". */
function nameIn(s: State, l: Line): FoundQuestion | undefined {
  if (!l.item || !s.section || s.advice !== undefined || s.inProblem || l.text.length > LONGEST_QUESTION)
    return undefined;
  const t = cleaned(l.text);
  if (s.section.explicit && isStatement(t)) return { text: t, context: s.section.cats };
  if (t.length > 120) return undefined;
  // "Service oriented architectures, map-reduce, ...", "Cisco products and how a router works": topics
  if (/,/.test(t) || /\b(?:and|or) (?:how|what|why|when|where|which)\b/i.test(t)) return undefined;
  return isName(t) ? { text: t, context: s.section.cats } : undefined;
}

/** Questions from the items and question lines under headings that announce questions. */
export function questionsIn(lines: Line[]): FoundQuestion[] {
  const s: State = {
    section: undefined,
    advice: undefined,
    owner: undefined,
    stage: undefined,
    inProblem: false,
    grouping: undefined,
    beforeTable: undefined,
    removed: 0,
    single: false,
    out: [],
    loose: [],
    sectioned: 0,
    outside: 0,
    plain: false,
    headingLevel: 9,
    titled: false,
    para: undefined,
  };
  const runs = new ListRuns();
  // what was read so far, counting what was taken back out, so a line's own question counts as taken
  const read = () => s.out.length + s.removed;
  for (const l of lines) {
    const before = read();
    if (l.item && s.section === undefined) s.outside++;
    // "Briefly walk me through your resume" is shaped like a heading, but follows "questions:"
    if (s.plain && !l.marked && !l.item && plainQuestion(s, l.text)) continue;
    // a short line of the paragraph under "### Interview 1" is shaped like a heading but goes on with it
    if (l.table === 'header') s.beforeTable = s.section;
    if (l.heading && !l.item && (l.marked || s.para === undefined)) readHeading(s, l);
    else readLine(s, l);
    // the questions a table's header announced end with the table
    if (l.table === 'last') s.section = s.beforeTable;
    if (leadsIn(s, l)) s.plain = true;
    runs.see(l, read() > before, s.out.length, nameIn(s, l));
  }
  s.sectioned += runs.into(s.out);
  // a page that is nothing but a numbered list of prompts ("1. Design a URL shortener"), not a post
  // of advice where a few of many items start like one ("Find the company you want on LinkedIn.")
  if (s.sectioned === 0 && s.loose.length >= 3 && s.loose.length * 2 >= s.outside) return s.loose;
  // no questions section, and one asking item in many of advice ("Research the person interviewing you.
  // What's their role?"): the page lists no questions
  // (eight story questions asked outright, "Describe a time when you ...?", are a list of them however many other items)
  return s.sectioned === 0 && s.out.length * 4 < s.outside && s.out.length < FEW_ASKED ? [] : s.out;
}
