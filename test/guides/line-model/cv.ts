// `npm run experiment:guide-lines`: the learned line classifier against the importer's rules on
// the dev pages, by leave-site-out cross-validation: for each dev site, a model trained on the
// other sites' pages scores that site's pages; the figures pool every page's questions (the
// metric of `npm run eval:guides`). The rules are scored on the same pages; they were written
// while reading these pages, so theirs are in-sample figures. `-- --write` also writes the
// model fitted on every dev page to weights.json. Test pages are never read.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURE_NAMES } from './features';
import { fitLogistic } from './logistic';
import { addedKeys, classifierKeys, lineScores, rejectedKeys, rulesKeys } from './methods';
import { type DevPage, devPages } from './pages';

interface Tally {
  tp: number;
  predicted: number;
  gold: number;
}

function add(t: Tally, keys: string[], gold: Set<string>): void {
  t.tp += keys.filter((k) => gold.has(k)).length;
  t.predicted += keys.length;
  t.gold += gold.size;
}

const fmt = (t: Tally) =>
  `${(t.predicted ? t.tp / t.predicted : 0).toFixed(2)}  ${(t.gold ? t.tp / t.gold : 0).toFixed(2)}  (${t.tp} right of ${t.predicted} read, ${t.gold} labelled)`;

function trainOn(pages: DevPage[]): number[] {
  const rows = pages.flatMap((p) => p.lines);
  return fitLogistic(
    rows.map((r) => r.x),
    rows.map((r) => r.y),
  );
}

type Method = [name: string, pick: (p: DevPage, scores: Map<string, number>) => string[]];

const METHODS: Method[] = [
  ['rules, as imported', (p) => rulesKeys(p, false)],
  ['rules, --employer', (p) => rulesKeys(p, true)],
  ...[0.3, 0.5, 0.7].map((t): Method => [`classifier alone, p >= ${t}`, (_, s) => classifierKeys(s, t)]),
  ...[0.05, 0.1, 0.2].map(
    (t): Method => [`rules, classifier rejects p < ${t}`, (p, s) => rejectedKeys(rulesKeys(p, true), s, t)],
  ),
  ...[0.7, 0.9].map(
    (t): Method => [`rules + classifier adds p >= ${t}`, (p, s) => addedKeys(rulesKeys(p, true), s, t)],
  ),
];

function crossValidate(pages: DevPage[]): Tally[] {
  const tallies = METHODS.map(() => ({ tp: 0, predicted: 0, gold: 0 }));
  for (const site of [...new Set(pages.map((p) => p.site))].sort()) {
    const w = trainOn(pages.filter((p) => p.site !== site));
    for (const p of pages.filter((q) => q.site === site)) {
      const scores = lineScores(p, w);
      for (const [i, [, pick]] of METHODS.entries()) add(tallies[i] as Tally, pick(p, scores), p.gold);
    }
  }
  return tallies;
}

/** The share of labelled questions that are some line's whole text: the most a line classifier can find. */
function ceiling(pages: DevPage[]): string {
  const gold = pages.reduce((a, p) => a + p.gold.size, 0);
  const reachable = pages.reduce((a, p) => a + [...p.gold].filter((k) => p.lines.some((l) => l.key === k)).length, 0);
  return `${reachable} of ${gold} (${(reachable / gold).toFixed(2)})`;
}

function main(): void {
  const pages = devPages();
  const sites = new Set(pages.map((p) => p.site)).size;
  const lines = pages.reduce((a, p) => a + p.lines.length, 0);
  console.log(`dev: ${pages.length} pages from ${sites} sites, ${lines} lines`);
  console.log(`labelled questions that are a line's whole text: ${ceiling(pages)}`);
  console.log('\nleave-site-out on dev (the rules: in-sample)      Q precision  Q recall');
  const tallies = crossValidate(pages);
  for (const [i, [name]] of METHODS.entries()) console.log(`  ${name.padEnd(40)} ${fmt(tallies[i] as Tally)}`);
  const w = trainOn(pages);
  // beside the rules' in-sample figures: the model scored on the pages it was fitted on
  const inSample = { tp: 0, predicted: 0, gold: 0 };
  for (const p of pages) add(inSample, classifierKeys(lineScores(p, w), 0.5), p.gold);
  console.log(`  ${'classifier p >= 0.5, in-sample'.padEnd(40)} ${fmt(inSample)}`);
  if (process.argv.includes('--write')) {
    const weights = Object.fromEntries(FEATURE_NAMES.map((n, k) => [n, w[k]]));
    writeFileSync(join(import.meta.dirname, 'weights.json'), `${JSON.stringify(weights, null, 2)}\n`);
    console.log('\nwrote weights.json (fitted on every dev page)');
  }
}

main();
