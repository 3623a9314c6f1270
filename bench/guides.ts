// Guide parsing speed: the two saved pages, a page near the 1 MB limit, and
// hostile single-line input. Run: npx tsx bench/guides.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_GUIDE_BYTES } from '../src/guides/input';
import { GuideLibrary } from '../src/guides/library';
import { parseGuidePage } from '../src/guides/parse';
import { readGuide } from '../src/guides/read';

const fixtures = join(import.meta.dirname, '../test/guides/fixtures');
const chop = readFileSync(join(fixtures, 'childrens-hospital-of-philadelphia-software-engineer.txt'), 'utf8');
const hms = readFileSync(join(fixtures, 'harvard-medical-school-software-engineer.txt'), 'utf8');

function time(label: string, runs: number, fn: () => unknown): void {
  fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / runs;
  console.log(`${label.padEnd(58)} ${ms.toFixed(3).padStart(9)} ms/run  (${runs} runs)`);
}

time('parse CHOP page (14 KB)', 500, () => parseGuidePage(chop, 'chop.txt'));
time('parse HMS page (5 KB)', 500, () => parseGuidePage(hms, 'hms.txt'));

// A page just under the limit: the CHOP page with thousands of extra question bullets.
const extra: string[] = [];
for (let i = 0; Buffer.byteLength(chop) + extra.join('\n').length < MAX_GUIDE_BYTES - 200; i++) {
  extra.push(`- Describe a time you shipped feature number ${i} under a tight deadline.`);
}
const big = chop.replace('- Describe the architecture', `${extra.join('\n')}\n- Describe the architecture`);
const bigGuide = parseGuidePage(big, 'big.txt');
console.log(
  `near-limit page: ${(Buffer.byteLength(big) / 1024).toFixed(0)} KB, ${bigGuide.questions.length} questions`,
);
time('parse near-limit page', 5, () => parseGuidePage(big, 'big.txt'));

// One enormous line shaped to tempt the title and FAQ patterns into backtracking.
const hostile = `What is a ${'x at '.repeat(100_000)}\nFrequently Asked Questions\nQ: ${'why? '.repeat(100_000)}`;
time('parse hostile 1 MB of long lines', 3, () => {
  try {
    parseGuidePage(hostile, 'hostile.txt');
  } catch {
    // refused as not a guide: what is timed is reaching that verdict
  }
});

// The general front (pages in other layouts, through readGuide): a 20 KB markdown page, and
// hostile input that reaches it (no title the shipped layout knows).
const prose =
  'The interviewers look for clear reasoning, steady communication and ownership of past work, and they say so in the debrief that follows each round. ';
const general = [
  '# Acme Software Engineer Interview Guide',
  ...Array.from({ length: 12 }, (_, k) => [
    `## ${k % 2 ? 'Coding' : 'Behavioral'} questions, part ${k}`,
    prose.repeat(6),
    'Read answer',
    ...Array.from(
      { length: 5 },
      (_, j) => `${j + 1}. Tell me about a time you handled problem ${k}-${j} with a deadline.`,
    ),
    prose.repeat(4),
  ]).flat(),
].join('\n');
console.log(
  `general page: ${(Buffer.byteLength(general) / 1024).toFixed(0)} KB; hostile: ${(Buffer.byteLength(`# ${'Interviewing at '.repeat(40_000)}`) / 1024).toFixed(0)} KB`,
);
time('general front: 20 KB markdown page (target < 5 ms)', 200, () => readGuide(general, 'acme.md'));
time('  of which the shipped layout front, refusing it', 200, () => {
  try {
    parseGuidePage(general, 'acme.md');
  } catch {
    // no title in that layout: the general front reads it
  }
});
const hostileGeneral = `# ${'Interviewing at '.repeat(40_000)}\n## Questions\n- ${'how why what '.repeat(25_000)}?`;
time('general front: hostile 1 MB', 3, () => {
  try {
    readGuide(hostileGeneral, 'hostile.md');
  } catch {
    // refused: what is timed is reaching that verdict
  }
});

const many = Array.from({ length: 500 }, (_, i) => ({
  ...parseGuidePage(hms, 'hms.txt'),
  slug: `employer-${i}-software-engineer`,
  employer: `Employer ${i}`,
  questions: [],
}));
const library = new GuideLibrary(many);
time('lookup a typo among 500 guides ("emplyer 42")', 50, () => library.lookup('emplyer 42'));
time('complete "employer 4" among 500 guides', 200, () => library.complete('employer 4'));
