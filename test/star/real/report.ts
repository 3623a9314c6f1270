// The real-corpus table of `npm run eval:star`: the analyser beside the positional baseline
// and the "all four parts are there" guess, on one part of the corpus.
import { analyser, baseline, type Predictor } from '../evaluate';
import type { GoldAnswer } from './corpus';
import { allPresent, PARTS, type PRF, prf, type Score, score } from './score';

const f2 = (x: number) => x.toFixed(2);
const pr = (p: PRF) => `${f2(p.precision)} / ${f2(p.recall)} (${p.tp + p.fp})`;
const cols = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(40) : c.padStart(26))).join('');

export function realTable(
  title: string,
  set: GoldAnswer[],
  predictors: Record<string, Predictor> = defaults(),
): string {
  const names = Object.keys(predictors);
  const scores: Score[] = names.map((n) => score(set, predictors[n] as Predictor));
  const spoken = set.filter((a) => a.spoken);
  const written = set.filter((a) => !a.spoken);
  const line = (label: string, f: (s: Score) => string) => cols([label, ...scores.map(f)]);
  const out = [
    `${title}: ${set.length} answers (${spoken.length} spoken, ${set.filter((a) => a.story).length} stories) from ${new Set(set.map((a) => a.source)).size} sources`,
    cols(['', ...names]),
    line('presence macro-F1', (s) => f2(s.macroF1)),
    ...PARTS.map((p) => line(`  F1 ${p}`, (s) => f2(s.presence[p].f1))),
  ];
  out.push(
    cols([
      '  spoken / written macro-F1',
      ...names.map(
        (n) =>
          `${f2(score(spoken, predictors[n] as Predictor).macroF1)} / ${f2(score(written, predictors[n] as Predictor).macroF1)}`,
      ),
    ]),
  );
  out.push(cols(['"missing X" told: P / R (n told)', ...names.map(() => '')]));
  for (const p of PARTS) out.push(line(`  missing ${p}`, (s) => pr(s.missing[p])));
  out.push(line('confident "Add the Result": P / R (n)', (s) => pr(s.resultAlert)));
  out.push(line('story detection accuracy', (s) => f2(s.storyAccuracy)));
  out.push(line('  not-a-story: P / R (n)', (s) => pr(notStory(s))));
  out.push(line('own-actions check agreement', (s) => f2(s.ownershipAccuracy)));
  out.push(line('  "no own action": P / R (n)', (s) => pr(s.ownershipFlag)));
  out.push(line('off-topic note: P / R (n given)', (s) => pr(s.offTopic)));
  out.push(line('  false alarms on on-topic stories', (s) => `${s.offTopic.fp} of ${s.offTopic.fp + s.offTopic.tn}`));
  out.push(line('result measured accuracy', (s) => f2(s.measuredAccuracy)));
  out.push(line('sentence-label accuracy', (s) => f2(s.sentenceAccuracy)));
  return out.join('\n');
}

function notStory(s: Score): PRF {
  return prf({ tp: s.story.tn, fp: s.story.fn, fn: s.story.fp, tn: s.story.tp });
}

function defaults(): Record<string, Predictor> {
  return { analyser, 'first S, last R, rest A': baseline, 'all parts present': allPresent };
}
