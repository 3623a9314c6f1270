// The dev pages read as lines for the line-model experiment: each line's features, the question
// it would give (its text as the importer cleans it), and whether the page's labels hold that
// question. Test pages are never read here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToText, looksLikeHtml } from '../../../src/guides/html';
import { checkInput } from '../../../src/guides/input';
import { linesOf } from '../../../src/guides/page-lines';
import { namedProblem } from '../../../src/guides/question-headings';
import { cleaned, labelledProblem } from '../../../src/guides/question-text';
import { LABEL_FILES, type Label, loadLabels, norm, PAGES_DIR, splitOf } from '../labelled-pages';
import { pageFeatures } from './features';

interface PageLine {
  x: number[];
  /** the question this line would give */
  text: string;
  key: string;
  /** 1 when the page's labels hold this line's question */
  y: number;
}

export interface DevPage {
  label: Label;
  site: string;
  text: string;
  lines: PageLine[];
  gold: Set<string>;
}

function questionOf(l: { text: string; marked: boolean }): string {
  return (l.marked && namedProblem(l.text)) || labelledProblem(l.text) || cleaned(l.text);
}

function readPage(label: Label): DevPage {
  const raw = readFileSync(join(PAGES_DIR, label.file), 'utf8');
  const text = looksLikeHtml(raw) ? htmlToText(raw) : raw;
  const lines = linesOf(checkInput(text, label.file));
  const gold = new Set(label.questions.map(norm));
  const xs = pageFeatures(lines);
  const out = lines.map((l, i) => {
    const q = questionOf(l);
    const key = norm(q);
    return { x: xs[i] ?? [], text: q, key, y: gold.has(key) ? 1 : 0 };
  });
  return { label, site: label.site ?? label.source, text: raw, lines: out, gold };
}

/** Every dev page whose text is saved here. */
export function devPages(): DevPage[] {
  return LABEL_FILES.flatMap(loadLabels)
    .filter((l) => splitOf(l) === 'dev' && existsSync(join(PAGES_DIR, l.file)))
    .map(readPage);
}
