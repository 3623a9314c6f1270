// The labelled guide pages of test/guides/pages/ (SOURCES.md there): their labels, the fixed
// dev/test split by a hash of each page's source, and the question key both the evaluation and
// the line-model experiment score by.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { questionKey } from '../../src/guides/schema';

export const PAGES_DIR = join(import.meta.dirname, 'pages');

export interface Label {
  file: string;
  source: string;
  /** the site the page is from: pages of one site share a layout */
  site?: string;
  /** null for a page about no one employer (a tips post, a job description of an unnamed company) */
  employer: string | null;
  /** "dev" for a test page whose text or output was seen by accident: it is tuned on from then on */
  split?: 'dev';
  questions: string[];
}

export const LABEL_FILES = ['open/labels.jsonl', 'labels.jsonl'];

export function loadLabels(file: string): Label[] {
  return readFileSync(join(PAGES_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Label);
}

export const splitOf = (l: Label): 'dev' | 'test' =>
  l.split ??
  (createHash('sha256').update(`starling-guides-v1:${l.source}`).digest().readUInt32BE(0) % 100 < 40 ? 'test' : 'dev');

/** Two questions are the same when their keys are, bold and code marks aside. */
export const norm = (s: string) => questionKey(s.replace(/\*\*|__|`/g, ''));
