// `npx tsx bench/star.ts`: analyser throughput and latency for answers of 50, 150, 300 and
// 1,000 words, on one core (this process). Bounded to a few seconds per size.
import { analyzeAnswer } from '../src/star';

// Sentences in the shape real answers take, cycled S, T, A..., R to reach each length.
const SENTENCES = [
  'Last spring at my previous company, our nightly data import failed about twice a week.',
  'As the platform lead, I was responsible for making it reliable before a large client joined.',
  'I added logging to every step and found that the import crashed on malformed dates in v2.0 files.',
  'Then I wrote a validation step that moved bad rows to a quarantine table, e.g. dates like 31/02.',
  'I also set up an alert for the on-call engineer and wrote a short runbook.',
  'We paired with the client team to clean their export, and they agreed to a weekly check.',
  'As a result, failures went from two a week to zero over the next three months.',
];

function answerOf(words: number, seed: number): string {
  // every other answer has no result sentence, so the missing-result decision runs too
  const pool = seed % 2 ? SENTENCES.slice(0, -1) : SENTENCES;
  const out: string[] = [];
  let n = 0;
  let i = seed;
  while (n < words) {
    const s = pool[i % pool.length] as string;
    out.push(s);
    n += s.split(/\s+/).length;
    i++;
  }
  return out.join(' ');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

const rows: string[][] = [];
for (const words of [50, 150, 300, 1000]) {
  const answers = Array.from({ length: 50 }, (_, k) => answerOf(words, k));
  for (let k = 0; k < 200; k++) analyzeAnswer(answers[k % answers.length] as string); // warm-up
  const times: number[] = [];
  const budgetMs = 2500;
  const start = performance.now();
  let k = 0;
  while (performance.now() - start < budgetMs && times.length < 20_000) {
    const t0 = performance.now();
    analyzeAnswer(answers[k++ % answers.length] as string);
    times.push(performance.now() - t0);
  }
  const total = times.reduce((a, b) => a + b, 0);
  times.sort((a, b) => a - b);
  rows.push([
    String(words),
    String(times.length),
    Math.round((times.length / total) * 1000).toLocaleString('en'),
    percentile(times, 50).toFixed(2),
    percentile(times, 95).toFixed(2),
  ]);
}

const head = ['words', 'runs', 'answers/s', 'p50 ms', 'p95 ms'];
const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
const line = (r: string[]) => r.map((c, i) => c.padStart(width[i] as number)).join('  ');
process.stdout.write(
  `STAR analyser, one core (node ${process.version})\n${line(head)}\n${rows.map(line).join('\n')}\n`,
);
