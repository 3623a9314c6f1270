import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Guide } from '../../src/guides/schema';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const CHOP_FILE = 'childrens-hospital-of-philadelphia-software-engineer.txt';
export const HMS_FILE = 'harvard-medical-school-software-engineer.txt';

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** The top-level headings of the saved pages, as they appear on their own line. */
export const TOP_HEADINGS = [
  'Common Interview Questions',
  'Getting Ready for Your Interviews',
  'Interview Process Overview',
  'Deep Dive into Evaluation Areas',
  'Key Responsibilities',
  'Role Requirements & Qualifications',
  'Frequently Asked Questions',
  'Other General Tips',
  'Summary & Next Steps',
];

/** Splits a page into its title block and its top-level sections, by heading. */
export function splitSections(page: string): { head: string[]; sections: Map<string, string[]> } {
  const head: string[] = [];
  const sections = new Map<string, string[]>();
  let current: string[] = head;
  for (const line of page.split('\n')) {
    if (TOP_HEADINGS.includes(line)) {
      current = [line];
      sections.set(line, current);
    } else current.push(line);
  }
  return { head, sections };
}

export function joinSections(head: string[], sections: [string, string[]][]): string {
  return [...head, ...sections.flatMap(([, lines]) => lines)].join('\n');
}

/** Every string anywhere inside a guide, for checks that nothing leaked into any field. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** A guide's content without what depends on the file it came from. */
export function content(guide: Guide) {
  const { source: _source, ...rest } = guide;
  return rest;
}
