// A page in no known layout, read as lines for the general front: markdown headings, list
// items (with their indent, so an item's details are told from the next item), bold lines
// standing as headings, numbered titles ("### 1️⃣ Product Suggestions"), HTML headings and line
// breaks written in the markdown, with markdown marks, reference links ("[Source](...)", "→ LeetCode
// #62") and site chrome ("Read answer") left out; a block quote's lines are text, never headings.

import { FENCE, proseFences } from './fences';
import { Tables } from './page-tables';
import { isResourceLink } from './resource-links';

export interface Line {
  text: string;
  /** a markdown heading, a bold line standing alone, or a short line shaped like a heading */
  heading: boolean;
  /** a markdown heading or a bold line standing alone: the page's own structure */
  marked: boolean;
  item: boolean;
  /** "1.", "1️⃣" or "Q1" before it: an entry in a numbered list of problems */
  numbered: boolean;
  indent: number;
  /** 1-6 for a markdown heading, 7 for a bold line, 8 for anything else */
  level: number;
  /** a cell of a table's question column, or a line numbered "Q1.": the page itself says it is a question */
  asked?: boolean;
  /** one of the problem names a line lists side by side ("Two Sum  Group Anagrams  LRU Cache"): a question on its own */
  grid?: boolean;
  /** the "Questions:" a table's header announces, and the last row of that table, where its questions end */
  table?: 'header' | 'last';
}

const MD_HEADING = /^#{1,6}\s+(.*?)\s*#*$/;
// "<b name="quiz">Telephonic Round Questions</b>", "<h3>Step 1</h3>" standing alone: HTML written in markdown
const HTML_HEADING = /^<(b|strong|h[1-6])\b[^>]*>([^<]{1,120})<\/\1>$/i;
const NUMBER = /^(?:\(?\d{1,3}[.)]|\d\uFE0F?\u20E3|Q ?\d{1,3}[.:)]?)\s*(.*)$/iu;
// "3.The difference between ..." is a numbered line whose space after the number was lost
// ("1\. Define SOLID": a numbered line whose full stop a converter escaped)
const ITEM =
  /^(?:(?:[-*•▪◦‣–—]|\(?\d{1,3}(?:[.)]|\\\.)|\d\uFE0F?\u20E3|Q ?\d{1,3}[.:)]?)\s+|\d{1,3}\.(?=\p{Lu}))(.*)$/iu;
// leading emoji and symbols: "# 💼 Interview Experience" is "Interview Experience"
const LEAD_SYMBOLS = /^[^\p{L}\p{N}"“(]+/u;
const EMOJI_LEAD = /^\p{Extended_Pictographic}/u;
const CHROME =
  /^(?:read (?:the )?answer|practice(?: question)?(?: \(free\))?|see answer|show answer|view (?:answer|solution)|sign ?up|log ?in|upgrade|premium|solution|answer|hint|share|next|previous|back to top)\b/i;

/** Markdown marks, reference links and arrows to references taken out of a line's text. */
function stripMarks(s: string): string {
  let t = s;
  // each pattern only where its marks are: most lines of a page have none
  if (t.includes('](')) {
    t = t
      .replace(/\s*\[(?:source|ref|reference|link)\b[^\]]*\]\([^)]*\)(?:\s+and\b)?/gi, '')
      .replace(/\s+(?:→|->)\s+\[.*$/, '');
  }
  if (/[*_`]/.test(t)) t = t.replace(/\*\*|__|`/g, '');
  if (t.includes('](')) t = t.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (/[*_]/.test(t)) t = t.replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=$|[\s.,:;!?)])/g, '$1$2');
  // "→ Unique Paths | LeetCode #62" points to a reference; "List, String -> true" is the question's own
  if (t.includes('→') || t.includes('->'))
    t = t.replace(/\s+(?:→|->)\s+(?=[^>]*(?:leetcode|geeksforgeeks|gfg|#\d|\|)).*$/i, '');
  // a stray emphasis mark inside a word ("G*iven 2 numbers*") is a typo, not text
  // ("n*k" between one-letter names is a product, kept)
  if (t.includes('*'))
    t = t
      .replace(/(\p{L}+)\*(?=(\p{L}+))/gu, (m, a: string, b: string) => (a.length === 1 && b.length === 1 ? m : a))
      .replace(/\*(?=[.,;:!?]*$)/, '');
  if (t.endsWith(')')) t = t.replace(/\s*\((?:paid|free)\)$/i, '');
  // "What book did you read most recently? 👀": an emoji after the text is a reaction, not its words
  if (t.charCodeAt(t.length - 1) > 127) t = t.replace(TRAILING_EMOJI, '');
  return t.trim();
}

const TRAILING_EMOJI = /(?:\s*(?:\p{Extended_Pictographic}|\uFE0F|\u200D))+$/u;

/** A markdown page's front matter ("title: ..."), read as its title; comments dropped. */
function withoutFrontMatter(text: string): string {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  const body = fm ? text.slice(fm[0].length) : text;
  // a long title folded onto indented lines ("title: Acme Interview" then "  Experience for SWE") is one title
  const folded = fm ? /^title:[ \t]*(.+(?:\r?\n[ \t]+\S.*)*)/m.exec(fm[1] ?? '')?.[1] : undefined;
  const title = folded
    ?.replace(/\s*\r?\n\s*/g, ' ')
    .trim()
    .replace(/^["'](.*)["']$/, '$1');
  return `${title ? `# ${title}\n` : ''}${body.replace(/<!--[\s\S]*?-->/g, '')}`;
}

// "Afterwards, he moved on to networking:" leads into what follows, in a sentence; it heads nothing
const LEAD_IN = /:$/;
const SPEAKER = /\b(?:I|he|she|we|they|interviewers?)\b/i;

export function isHeadingLike(t: string): boolean {
  if (t.length > 70 || /[.?!,;]$/.test(t) || t.split(/\s+/).length > 9 || !/^[A-Z0-9]/.test(t)) return false;
  return !(LEAD_IN.test(t) && SPEAKER.test(t));
}

function headingLine(inner: string, indent: number, level: number): Line {
  const lead = stripMarks(inner).replace(LEAD_SYMBOLS, '');
  const n = NUMBER.exec(lead);
  const numbered = Boolean(n && /\p{L}/u.test(n[1] ?? ''));
  const text = (numbered ? (n?.[1] ?? '') : lead).replace(LEAD_SYMBOLS, '');
  return { text, heading: true, marked: true, item: false, numbered, indent, level };
}

// a list item's example ("eg: {1,2} -> {2,1}") is its detail, not more of its text
const EXAMPLE = /^(?:e\.?g\.?|(?:for )?example|(?:sample )?(?:input|output)|return)s?\b/i;
const EXAMPLE_LEAD = /^(?:e\.?g\.?|(?:for )?example|(?:sample )?(?:input|output))s?\b/i;

/** A line wrapped inside a list item (markdown's lazy continuation): more of that item's text. */
function continues(prev: Line | undefined, line: string, afterBlank: boolean, indent: number): prev is Line {
  if (!prev?.item || afterBlank || ITEM.test(line) || MD_HEADING.test(line)) return false;
  // a line indented under the item's text ("- Given two arrays.<br>" then "  There are N stations"): more of it
  // (not a note or link under it: "*(Determine ...)*", "→ [GfG]")
  if (indent >= prev.indent + 2 && /^\p{L}/u.test(line) && !EXAMPLE_LEAD.test(line)) return true;
  if (EXAMPLE.test(line)) return false;

  // a sentence going on ("... sum to" / "the target."), not a note or link under it ("(Determine ...)", "→ [GfG]")
  return /^[\p{Ll}\d]/u.test(line) || (!/[.?!:)]$/.test(prev.text) && /^\p{L}/u.test(line));
}

/**
 * A line of a block quote wrapped inside the quoted paragraph above it ("> Design an algorithm to
 * serialize ... There is no" then "> restriction on how ..."): more of that paragraph's text; once
 * a paragraph is seen wrapped mid-sentence, its next lines are more of it too, as markdown reads them.
 */
function quoteGoesOn(prev: Line, line: string, wrapped: boolean): boolean {
  if (ITEM.test(line) || EXAMPLE.test(line) || prev.heading || !/^\p{L}|^\d/u.test(line)) return false;
  return wrapped || /^[\p{Ll}\d]/u.test(line) || !/[.?!:)]$/.test(prev.text);
}

const COMMENT = /^\/\/+\s*(\S.*)$/;

// "Reference: https://...", "Source: https://...", a bare address: where a line came from, not text
const REFERENCE =
  /^(?:(?:references?|refs?|sources?|links?|see(?: also)?)\s*:\s*)?https?:\/\/\S+$|^(?:references?|refs?)\s*:$/i;

// "![Image](https://.../logo.jpg "Acme")" alone on its line, or linked: a picture, no text of the page's
const IMAGE = /^\[?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?$/;

// "Top FB System Design Questions" over a line of "----" or "====" is a heading (markdown's setext form)
const UNDERLINE = /^\s{0,3}(?:-{3,}|={3,})\s*$/;

// "<details><summary>Tell me about a time ...</summary>": a fold whose summary is its question, the
// answer folded under it; the fold's own tags, and a lone "<summary>" or "</details>", are no text
const SUMMARY = /^(?:<details\b[^>]*>\s*)?<summary\b[^>]*>(.*?)<\/summary>/i;
const FOLD_TAG = /^<\/?(?:details|summary)\b[^>]*>$/i;

/** A fold's summary as a list item's text ("<strong>" and other tags inside it dropped). */
function summaryOf(line: string): string | undefined {
  const inner = SUMMARY.exec(line)?.[1];
  return inner === undefined ? undefined : stripMarks(inner.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' '));
}

/** A fold's own tags, or its summary as a list item (none for chrome such as "View Answer"); false for other lines. */
function readFold(line: string, indent: number, out: Line[]): boolean {
  if (FOLD_TAG.test(line)) return true;
  const summary = summaryOf(line);
  if (summary === undefined) return false;
  if (summary && !CHROME.test(summary))
    out.push({ text: summary, heading: false, marked: false, item: true, numbered: false, indent, level: 8 });
  return true;
}

const item0 = (line: string) => ITEM.test(line);

// "Two Sum  Group Anagrams  Text Justification": names set side by side, two spaces or more apart
const GRID_GAP = /\s{2,}|\t+/;
const GRID_NAME = /^[\p{Lu}\d][^.!?;:,]*$/u;

/** A line listing problem names side by side (a grid of links saved as text) as one item per name; false for other lines. */
function readGrid(line: string, indent: number, out: Line[]): boolean {
  if (!GRID_GAP.test(line)) return false;
  const names = line.split(GRID_GAP).map((n) => stripMarks(n));
  const long = names.filter((n) => n.split(/\s+/).length >= 2).length;
  if (names.length < 2 || long * 2 < names.length) return false;
  if (!names.every((n) => GRID_NAME.test(n) && n.split(/\s+/).length <= 10)) return false;
  for (const text of names)
    out.push({ text, heading: false, marked: false, item: true, numbered: false, indent, level: 8, grid: true });
  return true;
}

/**
 * A code comment as a list item, the code under it no more of its text; "// return the count." after
 * another comment is that task's detail, not a task of its own.
 */
function readComment(text: string, indent: number, out: Line[], afterComment: boolean): void {
  const t = stripMarks(text);
  if (!t || (afterComment && EXAMPLE.test(t))) return;
  out.push({ text: t, heading: false, marked: false, item: true, numbered: false, indent, level: 8 });
}

export function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let afterBlank = true;
  let inCode = false;
  let afterComment = false;
  const raws = withoutFrontMatter(text).split(/\r?\n/);
  const prose = proseFences(raws);
  const tables = new Tables(stripMarks);
  // the last line read was a quoted one, read as text (wrapped: with lines joined to it): a quoted line next may go on with it
  let quote: 'none' | 'open' | 'wrapped' = 'none';
  for (const [i, raw] of raws.entries()) {
    const inQuote = quote;
    quote = 'none';
    // a fenced block of sentences is the page's text: its fences are no more than marks
    if (prose.has(i)) continue;
    // a fenced code block is an answer's code: none of its lines is a question or a heading
    const fence = FENCE.test(raw);
    if (fence) inCode = !inCode;
    if (inCode || fence) continue;
    // "> Write a program to ..." quotes the question: the quote mark is not its text
    // "<br/>" in markdown breaks a line inside the paragraph or item it is in
    const line = raw
      .replace(/<br\s*\/?>/gi, ' ')
      .trim()
      .replace(/^(?:>\s?)+/, '')
      .trim();
    // a block quote holds quoted text (an answer, a tip): its bold labels ("**Action**:") are no headings
    const quoted = /^\s*>/.test(raw);
    const blank = !line;
    const prevBlank = afterBlank;
    afterBlank = blank;
    if (!line || /^[-=*_]{3,}$/.test(line) || /^\{%.*%\}$/.test(line) || /^:::/.test(line)) continue;
    if (REFERENCE.test(line) || IMAGE.test(line)) continue;
    const indent = raw.length - raw.trimStart().length;
    if (tables.read(line, raws[i + 1] ?? '', indent, out)) continue;
    if (!quoted && readFold(line, indent, out)) {
      // the answer folded under a summary is no more of its text
      afterBlank = true;
      continue;
    }
    if (!quoted && UNDERLINE.test(raws[i + 1] ?? '') && !/^[-*•>]\s/.test(line)) {
      out.push(headingLine(line, indent, /^\s*=/.test(raws[i + 1] ?? '') ? 1 : 2));
      continue;
    }
    const prev = out[out.length - 1];
    if (quoted && inQuote !== 'none' && prev && quoteGoesOn(prev, line, inQuote === 'wrapped')) {
      prev.text = `${prev.text} ${stripMarks(line)}`.trim();
      quote = 'wrapped';
      continue;
    }
    // a quote under an item ("  > I believe they meant ...") is a note on it, not more of its text
    if (!quoted && continues(prev, line, prevBlank, indent)) {
      prev.text = `${prev.text} ${stripMarks(line)}`.trim();
      continue;
    }
    const html = quoted ? null : HTML_HEADING.exec(line);
    if (html?.[2]) {
      out.push(headingLine(html[2], indent, /^h/i.test(html[1] ?? '') ? Number(html[1]?.slice(1)) : 7));
      continue;
    }
    const md = quoted ? null : MD_HEADING.exec(line);
    // "**1️⃣ Minimum Window Substring**" on its own line stands as a heading
    const bold = quoted ? null : /^\*\*([^*]+)\*\*:?$/.exec(line);
    // "**Reference:**" above the links under a question is no heading of the page's
    if (
      (md || bold) &&
      /^(?:\*\*)?(?:references?|refs?|sources?)\s*:?(?:\*\*)?\s*:?$/i.test(line.replace(/^#+\s*/, ''))
    )
      continue;
    if (md || bold) {
      out.push(headingLine((md ? md[1] : bold?.[1]) ?? '', indent, md ? (/^#+/.exec(line)?.[0].length ?? 1) : 7));
      continue;
    }
    // "// delete the node with the given value." over a snippet: a code comment states the task, a line of its own
    const comment = COMMENT.exec(line);
    if (comment) {
      readComment(comment[1] ?? '', indent, out, afterComment);
      afterBlank = true;
      afterComment = true;
      continue;
    }
    afterComment = false;
    if (!item0(line) && readGrid(line, indent, out)) {
      // the next line is no more of the last name
      afterBlank = true;
      continue;
    }
    const item = ITEM.exec(line);
    // "1. ##### Make a counter": a numbered list of problems written as headings
    const inner = item && MD_HEADING.exec(item[1] ?? '');
    if (item && inner) {
      const marker = line.slice(0, line.length - (item[1] ?? '').length).trim();
      out.push(headingLine(`${/\d/.test(marker) ? `${marker} ` : ''}${inner[1] ?? ''}`, indent, 7));
      continue;
    }
    const marked = stripMarks(item ? (item[1] ?? '') : line);
    // "💻 Onsite Round 1 (Coding):" in a post without markdown: the emoji marks a heading, not text
    const t = !item && EMOJI_LEAD.test(marked) ? marked.replace(LEAD_SYMBOLS, '') : marked;
    // "- [Problem Link](https://...)" under a problem points to it; it is no question
    if (item && (REFERENCE.test(t) || /^\[(?:problem |solution |question )?link\]\(/i.test(item[1] ?? ''))) continue;
    // "- Why your resume gets auto-rejected: https://www.youtube.com/..." is a resource to read or watch
    if (item && isResourceLink(item[1] ?? '')) continue;
    // "**Duration:** 60 minutes" is a detail with its value, not a heading
    const labelled = /^\*\*[^*]{1,40}(?::\*\*|\*\*:)\s*\S/.test(line);
    // site chrome between questions ("Read answer") is neither a question nor a heading
    if (!t || (CHROME.test(t) && t.split(/\s+/).length <= 4)) continue;
    // a short line indented under an item ("    Sample Output: 0") is the item's example, not a heading;
    // so is a short line after a sentence leading into a list ("Started with my projects, followed by:")
    const last = out[out.length - 1];
    const listed = last && !last.heading && !last.item && /:$/.test(last.text) && last.text.split(/\s+/).length >= 4;
    const heading = !item && !labelled && !quoted && !listed && indent <= 1 && isHeadingLike(t);
    // "Q1. Disk Space Analysis": numbered as a question, the page says it is one
    const asked = Boolean(item) && /^q ?\d/i.test(line);
    out.push({ text: t, heading, marked: false, item: Boolean(item), numbered: false, indent, level: 8, asked });
    if (quoted) quote = 'open';
  }
  return out;
}
