// The ways of picking a page's questions the experiment compares: the importer's rules, the line
// classifier alone, and two hybrids (the rules propose and the classifier rejects; the rules and
// the classifier's confident extra lines). Each gives the page's question keys.
import { GuideParseError } from '../../../src/guides/errors';
import { readGuide } from '../../../src/guides/read';
import { norm } from '../labelled-pages';
import { probability } from './logistic';
import type { DevPage } from './pages';

/** The keys of the questions the importer's rules read; none when it refuses the page. */
export function rulesKeys(p: DevPage, employerGiven: boolean): string[] {
  const given = employerGiven && p.label.employer ? { employer: p.label.employer } : {};
  try {
    return [...new Set(readGuide(p.text, p.label.file, given).questions.map((q) => norm(q.text)))];
  } catch (err) {
    if (err instanceof GuideParseError) return [];
    throw err;
  }
}

/** Each line's key with the classifier's probability that it is a question (a key's best line). */
export function lineScores(p: DevPage, w: number[]): Map<string, number> {
  const best = new Map<string, number>();
  for (const l of p.lines) {
    if (!l.key) continue;
    const pr = probability(w, l.x);
    best.set(l.key, Math.max(best.get(l.key) ?? 0, pr));
  }
  return best;
}

export function classifierKeys(scores: Map<string, number>, at: number): string[] {
  return [...scores].filter(([, pr]) => pr >= at).map(([k]) => k);
}

/** The rules' questions less those whose line the classifier thinks unlikely (a question from no one line stays). */
export function rejectedKeys(rules: string[], scores: Map<string, number>, below: number): string[] {
  return rules.filter((k) => (scores.get(k) ?? 1) >= below);
}

/** The rules' questions and the lines the classifier is confident of. */
export function addedKeys(rules: string[], scores: Map<string, number>, at: number): string[] {
  return [...new Set([...rules, ...classifierKeys(scores, at)])];
}
