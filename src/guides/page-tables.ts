// Markdown tables on a page in no known layout, read as list items: the cell each row asks (the
// question column its header names, or else its longest telling cell), with the "Questions:" a
// header naming a question column announces and the row where that table's questions end.
import type { Line } from './page-lines';

/** How a cell's markdown marks and links are taken out (page-lines.ts). */
type Strip = (cell: string) => string;
/** The question column's index, "none" for a table of advice or subjects, undefined when the header says neither. */
type Column = number | 'none' | undefined;

const TABLE_RULE = /^\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-{0,}:?\s*\|?$/;
// cells that say how hard, where or whether, not what is asked: "Easy", "12", "Link", "✅"
const NOT_A_CELL = /^(?:easy|medium|hard|yes|no|link|solution|video|code|notes?|done|todo|#?\d+[.)]?|[^\p{L}]*)$/iu;

/** The cells of a table row, "| 1 | [Two Sum](...) | Easy |", without their marks. */
function cellsOf(line: string, strip: Strip): string[] {
  // ("| FizzBuzz | Easy" without the closing bar is a row too)
  return line
    .slice(1, line.endsWith('|') ? -1 : undefined)
    .split('|')
    .map((c) => strip(c.trim()));
}

// a header naming the column that asks: "| # | Question | Round |", "| Problem | Difficulty |"
const QUESTION_COLUMN =
  /^(?:(?:interview |sample |example )?questions?(?: asked)?|problems?(?: name| statement)?|prompts?|tasks?)$/i;

const NAME_COLUMN = /^(?:name|title)$/i;
const DIFFICULTY_COLUMN = /\bdifficulty\b/i;

// a header whose first column is advice or subjects: "| Tip | Why it matters |", "| Topic | Weight |"
const NOT_QUESTIONS_COLUMN =
  /^(?:tips?|advice|dos?|don'?ts?|mistakes?|red flags?|resources?|links?|books?|topics?|areas?|skills?|metrics?|focus(?: areas?)?|stages?|steps?|timeline)$/i;

/**
 * The index of a table's question column, from its header row; "none" when the header says its rows
 * are advice or subjects, undefined when it says neither.
 */
function questionColumn(header: string, strip: Strip): Column {
  const cells = cellsOf(header, strip);
  const at = cells.findIndex((c) => QUESTION_COLUMN.test(c));
  if (at >= 0) return at;
  // "| Name | Difficulty | Expected time |": what has a difficulty is a problem, named in the name column
  const named = cells.findIndex((c) => NAME_COLUMN.test(c));
  if (named >= 0 && cells.some((c) => DIFFICULTY_COLUMN.test(c))) return named;
  return NOT_QUESTIONS_COLUMN.test(cells[0] ?? '') ? 'none' : undefined;
}

/**
 * The cell a table row asks, as a list item: the one in the question column its header names, or else
 * its longest cell that says more than how hard, where or whether; none for its header or rule, nor
 * for the rows of a table of advice or subjects.
 */
function tableRow(line: string, next: string, column: Column, strip: Strip): string | undefined {
  if (column === 'none' || TABLE_RULE.test(line) || TABLE_RULE.test(next.trim())) return undefined;
  const cells = cellsOf(line, strip);
  if (column !== undefined) {
    const cell = cells[column] ?? '';
    return NOT_A_CELL.test(cell) ? undefined : cell;
  }
  return cells.filter((c) => !NOT_A_CELL.test(c)).sort((a, b) => b.length - a.length)[0];
}

// (a row may leave out its closing bar: "| FizzBuzz | Easy")
const ROW = /^\|.*\|/;

/** The tables of one page, read line by line. */
export class Tables {
  /** the question column of the table being read, from its header row */
  private column: Column;

  constructor(private readonly strip: Strip) {}

  /** Reads a table's line into `out`; false for a line outside any table (which ends the one before). */
  read(line: string, next: string, indent: number, out: Line[]): boolean {
    if (!ROW.test(line)) {
      this.end(out);
      return false;
    }
    if (TABLE_RULE.test(next.trim())) {
      this.column = questionColumn(line, this.strip);
      // a header naming its question column announces the questions in the rows below, as "Questions:" does
      if (typeof this.column === 'number') out.push(item('Questions:', indent, { item: false, table: 'header' }));
    }
    const row = tableRow(line, next, this.column, this.strip);
    if (row) out.push(item(row, indent, { asked: typeof this.column === 'number' }));
    return true;
  }

  /** The last row of a table that announced its questions is where they end. */
  private end(out: Line[]): void {
    const last = out[out.length - 1];
    if (typeof this.column === 'number' && last?.asked) last.table = 'last';
    this.column = undefined;
  }
}

function item(text: string, indent: number, more: Partial<Line>): Line {
  return { text, heading: false, marked: false, item: true, numbered: false, indent, level: 8, ...more };
}
