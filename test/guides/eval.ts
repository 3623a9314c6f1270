// `npm run eval:guides`: the importer on saved real guide pages from other sites. The pages
// and their labels live in test/guides/pages/ (SOURCES.md there gives each page's address,
// site, date and licence): pages under an open licence are committed in pages/open/ with
// open/labels.jsonl; the others' labels are committed in pages/labels.jsonl but their texts
// stay on the machine that saved them (gitignored). A labelled page whose text is missing is
// skipped, counted and named, with how to save it again. This is an evaluation to run, not a test. Split into dev and test by a hash of each page's source; the
// shipped-layout front alone is printed beside the whole importer, as the baseline; per-page (macro)
// precision and recall are printed beside the pooled ones.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GuideParseError } from '../../src/guides/errors';
import { parseGuidePage } from '../../src/guides/parse';
import { readGuide } from '../../src/guides/read';
import { PAGES_DIR as DIR, LABEL_FILES, type Label, loadLabels, norm, splitOf as split } from './labelled-pages';

type Read = (text: string, name: string, label: Label) => { employer: string; questions: { text: string }[] };

// `npm run eval:guides -- --show`: what the importer got wrong on each dev page (never test's)
const SHOW = process.argv.includes('--show');
// `-- --dev`: dev figures only, for tuning runs, so test is measured only when asked for
const DEV_ONLY = process.argv.includes('--dev');
// `-- --only a/,b.md`: score only the pages whose file starts with one of these (a round's new pages)
const onlyAt = process.argv.indexOf('--only');
const ONLY = onlyAt > 0 ? (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : [];
function showMisses(l: Label, g: { employer: string; questions: { text: string }[] }, goldKeys: Set<string>) {
  const got = new Set(g.questions.map((q) => norm(q.text)));
  console.log(`\n${l.file}: employer ${g.employer}`);
  for (const q of g.questions) if (!goldKeys.has(norm(q.text))) console.log(`  + ${q.text}`);
  for (const q of l.questions) if (!got.has(norm(q))) console.log(`  - ${q}`);
}

/**
 * Right only when the name read is the label's ("Marwan Zibaoui's Adblock" is not "Adblock", nor
 * "Optum TDP" "Optum"): a guide filed under a longer or shorter name is filed wrongly.
 */
const sameEmployer = (want: string | null, got: string) =>
  !!want && want.toLowerCase().replace(/\s+/g, ' ') === got.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The page's own path in its repository ("notes/companies/amazon.md" from the address), as a member
 * saving it would name it, not the name we saved it under ("shopify.md" for "ckziffm1e088yt.md"),
 * so that a file name the labeller chose never tells the importer the employer.
 */
const ownName = (l: Label) => /\/blob\/[0-9a-f]{7,40}\/(.+)$/.exec(l.source)?.[1] ?? l.file;

const importer: Read = (t, n) => readGuide(t, n);

/**
 * Per-page (macro) figures beside the pooled ones, so that two long pages do not decide them:
 * precision averaged over the pages that gave questions, recall over the pages labelled with
 * some (a refused page's recall is 0).
 */
class PerPage {
  private precisions: number[] = [];
  private recalls: number[] = [];

  add(right: number, predicted: number, gold: number): void {
    if (predicted > 0) this.precisions.push(right / predicted);
    if (gold > 0) this.recalls.push(right / gold);
  }

  macro(): { macroPrecision: string; macroRecall: string } {
    const mean = (xs: number[]) => (xs.length ? (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2) : '-');
    return { macroPrecision: mean(this.precisions), macroRecall: mean(this.recalls) };
  }
}

function score(labels: Label[], read: Read) {
  let accepted = 0;
  let employerRight = 0;
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  let refusedEmpty = 0;
  let refusedNoEmployer = 0;
  const pages = new PerPage();
  const empties = labels.filter((l) => l.questions.length === 0).length;
  const noEmployer = labels.filter((l) => !l.employer).length;
  for (const l of labels) {
    const text = readFileSync(join(DIR, l.file), 'utf8');
    gold += l.questions.length;
    try {
      const g = read(text, ownName(l), l);
      accepted++;
      if (sameEmployer(l.employer, g.employer)) employerRight++;
      const goldKeys = new Set(l.questions.map(norm));
      const right = g.questions.filter((q) => goldKeys.has(norm(q.text))).length;
      predicted += g.questions.length;
      tp += right;
      pages.add(right, g.questions.length, l.questions.length);
      if (SHOW && read === importer && split(l) === 'dev') showMisses(l, g, goldKeys);
    } catch (err) {
      if (!(err instanceof GuideParseError)) throw err;
      if (SHOW && read === importer && split(l) === 'dev') console.log(`\n${l.file}: refused: ${err.message}`);
      if (l.questions.length === 0) refusedEmpty++;
      if (!l.employer) refusedNoEmployer++;
      pages.add(0, 0, l.questions.length);
    }
  }
  const withQuestions = labels.length - empties;
  return {
    pages: labels.length,
    accepted: `${accepted} of ${withQuestions} with questions (${labels.length} pages)`,
    employer: `${employerRight} of ${accepted}`,
    precision: predicted ? (tp / predicted).toFixed(2) : '-',
    recall: gold ? (tp / gold).toFixed(2) : '-',
    ...pages.macro(),
    refusedEmpty: `${refusedEmpty} of ${empties}`,
    refusedNoEmployer: `${refusedNoEmployer} of ${noEmployer}`,
  };
}

/** The labels whose page text is on this machine; the others are named, with how to save them. */
function withText(set: Label[]): Label[] {
  const missing = set.filter((l) => !existsSync(join(DIR, l.file)));
  if (missing.length > 0) {
    console.log(`  skipped ${missing.length} labelled pages whose text is not saved here:`);
    for (const l of missing) console.log(`    ${l.file}  (${l.source})`);
    console.log(
      '  Save them again as test/guides/pages/SOURCES.md says (one version of each, text exactly as stored).',
    );
  }
  return set.filter((l) => !missing.includes(l));
}

const present = LABEL_FILES.filter((f) => existsSync(join(DIR, f)));
const labels = present.flatMap((f) => {
  const set = loadLabels(f);
  const kept = withText(set);
  console.log(`${f}: ${set.length} labelled pages, ${kept.length} with their text`);
  return kept;
});
if (labels.length === 0) {
  console.log(`No labelled pages with their text at ${DIR}: nothing to evaluate.`);
} else {
  const sites = new Set(labels.map((l) => (l as Label & { site?: string }).site ?? l.source));
  console.log(`${labels.length} pages from ${sites.size} sites`);
  const shippedOnly: Read = (t, n) => parseGuidePage(t, n);
  // what a member gets after following the refusal's hint: the employer given with --employer
  const employerGiven: Read = (t, n, l) => readGuide(t, n, l.employer ? { employer: l.employer } : {});
  for (const part of DEV_ONLY ? (['dev'] as const) : (['dev', 'test'] as const)) {
    const set = labels.filter(
      (l) => split(l) === part && (ONLY.length === 0 || ONLY.some((o) => l.file.startsWith(o))),
    );
    console.log(`\n${part}: ${set.length} pages`);
    console.log(
      '                      accepted                         employer   Q precision  Q recall  per page P / R  no-question pages refused, no-employer pages refused',
    );
    for (const [name, read] of [
      ['shipped layout only', shippedOnly],
      ['importer (both fronts)', importer],
      ['importer, --employer', employerGiven],
    ] as const) {
      const s = score(set, read);
      console.log(
        `  ${name.padEnd(22)} ${s.accepted.padEnd(32)} ${s.employer.padEnd(10)} ${s.precision.padEnd(12)} ${s.recall.padEnd(9)} ${`${s.macroPrecision} / ${s.macroRecall}`.padEnd(15)} ${s.refusedEmpty.padEnd(26)} ${s.refusedNoEmployer}`,
      );
    }
  }
}
