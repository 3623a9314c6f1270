// Sentence splitting for interview answers typed into chat. General-purpose splitters
// break "Node.js" and "v2.0" apart and return one sentence for unpunctuated speech-to-text,
// so this one is written for the shapes answers actually take: prose, line-per-point,
// bullet lists, "Situation: ..." scaffolds, code blocks and transcript-style run-ons.

import { fillerAt } from './fillers';
import { headingPart, isSubtitle, matchHeading } from './headings';
import { IRREGULAR_PAST } from './lexicon';
import {
  ABBREVIATIONS,
  IRREGULAR_PARTICIPLES,
  MARKERS,
  NO_BREAK_BEFORE_SUBJECT,
  NOT_A_PARTICIPLE,
  NOT_A_STEP_AFTER,
  NOUN_PHRASE_OPENERS,
  SENTENCE_STARTERS,
} from './split-lexicon';

export interface Segment {
  /** The sentence exactly as it appears in the answer (a substring of it). */
  text: string;
  start: number;
  end: number;
  /** A part the author named themselves ("Result: ..."), or code. */
  heading?: 'situation' | 'task' | 'action' | 'result';
  code?: boolean;
}

const BULLET = /^\s*(?:[-*•·–—>]|\d{1,2}[.)]|[a-z][.)])\s+/i;

const SUBJECTS = new Set(['i', 'we', 'he', 'she', 'they', 'my', 'our', 'it']);
const MIN_CLAUSE_WORDS = 4;

export function splitSentences(input: string): Segment[] {
  const out: Segment[] = [];
  for (const block of blocks(input)) {
    if (block.code) {
      out.push(block);
      continue;
    }
    for (const seg of splitBlock(input, block.start, block.end)) {
      const words = countWords(seg.text);
      if (!/[.!?]["')\]]*$/.test(seg.text) && words >= 16) out.push(...splitRunOn(input, seg));
      else if (words >= 70) out.push(...splitRunOn(input, seg));
      else out.push(seg);
    }
    // a heading applies to every sentence under it on the same line
    if (block.heading) {
      for (let i = out.length - 1; i >= 0 && (out[i] as Segment).start >= block.start; i--) {
        (out[i] as Segment).heading = block.heading;
      }
    }
  }
  return out;
}

interface Block {
  text: string;
  start: number;
  end: number;
  heading?: Segment['heading'];
  code?: boolean;
}

/** Lines, with bullets and headings stripped, wrapped prose rejoined, code fenced off. */
function blocks(input: string): Block[] {
  const result: Block[] = [];
  const lineRe = /[^\n]*(\n|$)/g;
  let inCode: Block | undefined;
  let prev: Block | undefined;
  let prevBullet = false;
  let carried: Segment['heading'];
  for (let m = lineRe.exec(input); m && m[0].length > 0; m = lineRe.exec(input)) {
    const lineStart = m.index;
    const raw = m[0].replace(/\r?\n$/, '');
    const lineEnd = lineStart + raw.length;
    if (/^\s*(```|~~~)/.test(raw)) {
      if (inCode) {
        inCode.end = lineEnd;
        inCode.text = input.slice(inCode.start, inCode.end);
        result.push(inCode);
        inCode = undefined;
      } else {
        inCode = { text: '', start: lineStart, end: lineEnd, code: true };
      }
      prev = undefined;
      continue;
    }
    if (inCode) continue;
    let start = lineStart;
    let line = raw;
    const bullet = BULLET.exec(line);
    if (bullet) {
      start += bullet[0].length;
      line = line.slice(bullet[0].length);
    }
    let heading: Segment['heading'];
    const h = matchHeading(line);
    const part = h && headingPart(h);
    if (h && part) {
      heading = part;
      start += h[0].length;
      line = line.slice(h[0].length);
      // "Action (A) - My approach:" names the lines under it, as a heading alone would
      if (isSubtitle(line)) line = '';
    }
    const lead = line.length - line.trimStart().length;
    start += lead;
    const text = line.trim();
    if (!text) {
      // a heading alone on its line ("**Situation**") names the lines under it
      if (heading) carried = heading;
      prev = undefined;
      continue;
    }
    if (h) carried = undefined;
    heading ??= carried;
    const end = start + text.length;
    // A hard-wrapped paragraph: the previous line did not end a sentence and this one
    // continues in lower case, so they are one block.
    if (prev && !bullet && !heading && !prevBullet && !/[.!?:;]["')\]]*$/.test(prev.text) && /^[a-z]/.test(text)) {
      prev.end = end;
      prev.text = input.slice(prev.start, end);
      continue;
    }
    const block: Block = { text, start, end };
    if (heading) block.heading = heading;
    result.push(block);
    prev = block;
    prevBullet = Boolean(bullet);
  }
  if (inCode) {
    inCode.end = input.length;
    inCode.text = input.slice(inCode.start, inCode.end);
    result.push(inCode);
  }
  return result;
}

function splitBlock(input: string, from: number, to: number): Segment[] {
  const segs: Segment[] = [];
  const text = input.slice(from, to);
  let segStart = 0;
  // emoji often stand in for the full stop in chat
  const re =
    /(?:[.!?…]+["')\]]*|\p{Extended_Pictographic}(?:\p{Extended_Pictographic}|\u{FE0F}|\u{200D})*)(?=\s+)|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])/gu;
  const lowerStyle = !/[A-Z]/.test(text.replace(/\bI\b/g, ''));
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '') {
      // "...consistent.The project": a full stop with no space before a capitalised word
      if (!NO_SPACE_EXCEPTIONS.test(text.slice(Math.max(0, m.index - 12), m.index + 12))) {
        pushTrimmed(segs, input, from + segStart, from + m.index);
        segStart = m.index;
      }
      re.lastIndex++;
      continue;
    }
    const endPunct = m.index + m[0].length;
    // bounded windows keep splitting linear on very long answers
    const after = /^\s+(\S+)/.exec(text.slice(endPunct, endPunct + 80));
    if (!after) continue;
    const nextWord = after[1] as string;
    if (!isBoundary(text, m.index, m[0], nextWord) && !lowerStart(text, m.index, m[0], nextWord, lowerStyle)) continue;
    // a lone emoji or stray punctuation is not a sentence: it stays with what follows
    if (!/[\p{L}\p{N}]/u.test(text.slice(segStart, m.index))) continue;
    pushTrimmed(segs, input, from + segStart, from + endPunct);
    segStart = endPunct;
  }
  pushTrimmed(segs, input, from + segStart, to);
  return segs;
}

function isBoundary(text: string, punctAt: number, punct: string, nextWord: string): boolean {
  const first = nextWord.replace(/^["'([]+/, '');
  if (!first) return false;
  const startsUpper = /^[A-Z0-9£$€]/.test(first) || !/^[a-z]/.test(first);
  if (punct.includes('!') || punct.includes('?')) return true;
  if (/^\p{Extended_Pictographic}/u.test(punct)) return startsUpper;
  if (!startsUpper) return false;
  if (punct !== '.' && !punct.startsWith(".'") && /^[.…]{2,}|…/.test(punct)) return true;
  // the word the period is attached to
  const word = wordBefore(text, punctAt);
  const lower = word.toLowerCase();
  const nextLower = first.toLowerCase().replace(/[^a-z']/g, '');
  if (/^[A-Z]$/.test(word)) return false; // an initial: "J. Smith"
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return SENTENCE_STARTERS.has(nextLower); // "U.S", "e.g"
  if (ABBREVIATIONS.has(lower)) return lower === 'etc' && SENTENCE_STARTERS.has(nextLower);
  return true;
}

// a full stop inside a name or address: "Node.Js", "St.Louis", "Mr.Smith", "www.Example"
const NO_SPACE_EXCEPTIONS = /(?:\b(?:mr|mrs|ms|dr|st|www|vs)\.[A-Z]|\.(?:Js|Net|NET|Io|Com|Org)\b)/i;

/**
 * Chat written in lower case starts its sentences in lower case too ("it failed. i fixed
 * it"): a full stop before a pronoun or a common sentence opener ends the sentence there.
 */
function lowerStart(text: string, punctAt: number, punct: string, nextWord: string, lowerStyle: boolean): boolean {
  if (punct !== '.' || !/^[a-z]/.test(nextWord)) return false;
  const word = wordBefore(text, punctAt).toLowerCase();
  if (!word || ABBREVIATIONS.has(word) || /\./.test(word) || /^[a-z]$/.test(word)) return false;
  const next = nextWord.replace(/[^a-z']/g, '');
  return next === 'i' || next === "i'm" || next === "i've" || (lowerStyle && SENTENCE_STARTERS.has(next));
}

function pushTrimmed(segs: Segment[], input: string, start: number, end: number): void {
  const raw = input.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (!text) return;
  segs.push({ text, start: start + lead, end: start + lead + text.length });
}

function splitRunOn(input: string, seg: Segment): Segment[] {
  const tokens: { word: string; start: number }[] = [];
  const re = /[A-Za-z0-9'’]+/g;
  for (let m = re.exec(seg.text); m; m = re.exec(seg.text)) {
    tokens.push({ word: m[0].toLowerCase().replace('’', "'"), start: m.index });
  }
  const cuts: number[] = [];
  let last = 0;
  for (let i = MIN_CLAUSE_WORDS; i < tokens.length - 2; i++) {
    if (i - last < MIN_CLAUSE_WORDS) continue;
    const w = (tokens[i] as { word: string }).word;
    const prevWord = (tokens[i - 1] as { word: string }).word;
    let cut = false;
    for (const marker of MARKERS) {
      const parts = marker.split(' ');
      if (parts.every((p, k) => tokens[i + k]?.word === p)) {
        const following = tokens[i + parts.length]?.word ?? '';
        // "and" alone only opens a clause when a subject follows: "and I wrote" but not "and saw"
        if (marker === 'next' || marker === 'first') {
          // "next to the printer", "first time", "next week" are not a new step
          cut = !NOT_A_STEP_AFTER.has(following);
        } else if (marker === 'and' || marker === 'but' || marker === 'so' || marker === 'also') {
          // "and um I wrote", "and er the three of us were": a spoken filler does not hide the clause
          const at = pastFillers(tokens, i + parts.length);
          const next = tokens[at]?.word ?? '';
          cut =
            SUBJECTS.has(next) ||
            next === 'then' ||
            next === 'after' ||
            existentialAt(tokens, at) ||
            passiveClauseAt(tokens, at);
        } else cut = true;
        break;
      }
    }
    if (!cut && SUBJECTS.has(w) && !NO_BREAK_BEFORE_SUBJECT.has(prevWord)) {
      // "... month end my manager asked me": a possessive subject takes its verb a word or two later
      const possessive = w === 'my' || w === 'our';
      for (let k = possessive ? 2 : 1; k <= (possessive ? 3 : 1) && !cut; k++) {
        const verb = tokens[i + k]?.word ?? '';
        cut =
          (/ed$/.test(verb) && verb.length > 3) ||
          PAST_AFTER_SUBJECT.has(verb) ||
          (IRREGULAR_PAST.has(verb) && verb !== 'could');
      }
    }
    // "... the wrong address the labels were checked every morning": a passive step
    if (!cut && !NO_BREAK_BEFORE_SUBJECT.has(prevWord))
      cut = passiveClauseAt(tokens, i) || bareNounPassiveAt(tokens, i);
    if (cut) {
      cuts.push(i);
      last = i;
    }
  }
  if (cuts.length === 0) return [seg];
  const out: Segment[] = [];
  let from = 0;
  for (const c of cuts) {
    const at = (tokens[c] as { start: number }).start;
    pushTrimmed(out, input, seg.start + from, seg.start + at);
    from = at;
  }
  pushTrimmed(out, input, seg.start + from, seg.end);
  if (seg.heading) for (const s of out) s.heading = seg.heading;
  // trailing fragments shorter than a clause join the one before
  const merged: Segment[] = [];
  for (const s of out) {
    const prev = merged[merged.length - 1];
    if (prev && countWords(s.text) < 3) {
      prev.end = s.end;
      prev.text = input.slice(prev.start, prev.end);
    } else merged.push(s);
  }
  return merged;
}

/** The first token at or after i that is not part of a spoken filler ("um", "uh", "you know"). */
function pastFillers(tokens: { word: string }[], i: number): number {
  const words = tokens.slice(i, i + 6).map((t) => t.word);
  let at = 0;
  for (let skipped = 0; skipped < 3; skipped++) {
    const len = fillerAt(words, at);
    if (!len) break;
    at += len;
  }
  return i + at;
}

/** "there was", "there wasn't", "there were": a clause about how things stood. */
function existentialAt(tokens: { word: string }[], i: number): boolean {
  return tokens[i]?.word === 'there' && THERE_VERBS.has(tokens[i + 1]?.word ?? '');
}

const THERE_VERBS = new Set(['was', 'were', "wasn't", "weren't", 'is', 'are']);

/** "the labels were checked", "the printer settings got fixed" starting at token i. */
function passiveClauseAt(tokens: { word: string }[], i: number): boolean {
  if (tokens[i]?.word !== 'the') return false;
  for (let k = 2; k <= 3; k++) {
    const aux = tokens[i + k]?.word ?? '';
    if (aux !== 'was' && aux !== 'were' && aux !== 'got') continue;
    const verb = tokens[i + k + 1]?.word ?? '';
    return /[a-z]{3}ed$/.test(verb);
  }
  return false;
}

/**
 * "... to plan sprints planning was moved to a tool": a bare noun and a passive starting at
 * token i, after a content word. Not after a determiner two back ("the sprint planning was
 * moved" is one noun phrase).
 */
function bareNounPassiveAt(tokens: { word: string }[], i: number): boolean {
  const noun = tokens[i]?.word ?? '';
  if (!/^[a-z]{4,}$/.test(noun) || NO_BREAK_BEFORE_SUBJECT.has(noun) || SUBJECTS.has(noun)) return false;
  if (NOUN_PHRASE_OPENERS.has(tokens[i - 1]?.word ?? '') || NOUN_PHRASE_OPENERS.has(tokens[i - 2]?.word ?? ''))
    return false;
  const aux = tokens[i + 1]?.word ?? '';
  if (aux !== 'was' && aux !== 'were') return false;
  const verb = tokens[i + 2]?.word ?? '';
  return (/[a-z]{3}ed$/.test(verb) && !NOT_A_PARTICIPLE.has(verb)) || IRREGULAR_PARTICIPLES.has(verb);
}

// Past forms that read the same as the present ("set", "put"): only a subject in
// front makes them past, so the clause cut after a subject accepts them too.
const PAST_AFTER_SUBJECT = new Set(['set', 'put', 'cut', 'shut']);

const WORD_CHAR = /[A-Za-z0-9.]/;

/** The run of letters, digits and full stops that ends at `at` (at most 60 characters back). */
function wordBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && at - from < 60 && WORD_CHAR.test(text[from - 1] as string)) from--;
  return text.slice(from, at);
}

// anything but printable ASCII and line breaks: the Unicode pattern handles it
const NON_ASCII = /[^\t\n\r\x20-\x7e]/;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Words: a letter or digit, then letters, digits, apostrophes, full stops and hyphens. */
export function countWords(text: string): number {
  if (NON_ASCII.test(text)) return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;
  // the same count for plain ASCII text, without building a match per word
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inWord && (isAlnum(c) || c === 39 || c === 46 || c === 45)) continue;
    inWord = isAlnum(c);
    if (inWord) n++;
  }
  return n;
}
