// The tips and the interview process a page in no known layout lists under their own headings
// ("## Preparation Tips", "## Interview Process"): the list items under such a heading and its
// sub-headings, up to the next heading as high, for /prep tips and the guide's process.
import type { Line } from './page-lines';

const TIPS_HEADING =
  /\b(?:tips?|advice|recommendations?|suggestions|do'?s and don'?ts|lessons learn(?:ed|t)|takeaways|preparation strategy|how to prepare|how i prepared|mistakes to avoid|pitfalls)\b/i;
const PROCESS_HEADING =
  /\b(?:(?:interview|hiring|selection|recruiting|recruitment|application) process|interview (?:rounds|stages|loop|structure|format)|process overview|overview of the (?:selection|interview|hiring) process)\b/i;

// a page lists a handful; more than this is a page of something else under a loose heading
const MOST_ITEMS = 40;
const LONGEST_ITEM = 500;

/** The list items under the headings `heading` matches (not a heading that speaks of questions). */
function itemsUnder(lines: Line[], heading: RegExp): string[] {
  const out: string[] = [];
  let level: number | undefined;
  for (const l of lines) {
    if (l.marked && level !== undefined && l.level <= level) level = undefined;
    if (l.marked && level === undefined && heading.test(l.text) && !/question/i.test(l.text)) {
      level = l.level;
      continue;
    }
    if (level === undefined || !l.item || l.text.length > LONGEST_ITEM || out.includes(l.text)) continue;
    out.push(l.text);
    if (out.length === MOST_ITEMS) break;
  }
  return out;
}

export const tipsIn = (lines: Line[]): string[] => itemsUnder(lines, TIPS_HEADING);
export const processIn = (lines: Line[]): string[] => itemsUnder(lines, PROCESS_HEADING);
