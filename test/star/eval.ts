// `npm run eval:star`: the analyser on the real-answer corpus (test/star/real), test split
// then dev split, each beside the positional baseline and the "all parts present" guess
// measured in the same run; then the hand-written parts (test/star/data) in one line each,
// and the targets on the real test split.
//   -- --errors   lists the analyser's disagreements on the real dev split (never the test split)
//   -- --hand X   the detailed table of a hand-written part (dev, test, holdout or holdout2)
import { analyser, baseline, evaluate, loadSet, PARTS, type Report, type SetName } from './evaluate';
import { loadReal } from './real/corpus';
import { realTable } from './real/report';
import { type Score, score } from './real/score';

const args = process.argv.slice(2);
const f2 = (x: number) => x.toFixed(2);
const out: string[] = [];

const hand = args.indexOf('--hand');
if (hand >= 0) {
  out.push(handTable((args[hand + 1] ?? 'test') as SetName));
} else {
  const test = loadReal('test');
  const dev = loadReal('dev');
  out.push(realTable('Real answers, test split (never tuned on)', test), '');
  out.push(realTable('Real answers, dev split (trained and tuned on)', dev), '');
  out.push(
    'Hand-written answers (test/star/data): presence F1 S / T / A / R; confident "Add the Result" precision (n)',
  );
  for (const part of ['test', 'holdout', 'holdout2', 'dev'] as const) {
    const r = evaluate(loadSet(part), analyser);
    const presence = PARTS.map((p) => f2(r.presence[p].f1)).join(' / ');
    const alert = `${f2(r.missing.result.precision)} (${r.missing.result.tp + r.missing.result.fp})`;
    out.push(`  ${part.padEnd(9)} ${String(r.answers).padStart(4)} answers   ${presence}   ${alert}`);
  }
  out.push(
    '',
    ...targets(
      score(test, analyser),
      score(test, baseline),
      score(
        test.filter((a) => a.spoken),
        analyser,
      ),
    ),
  );
  if (args.includes('--errors')) {
    out.push('', 'Disagreements on the real dev split:');
    for (const e of score(dev, analyser).errors) out.push(`  ${e.id}  ${e.what}`);
  }
}
process.stdout.write(`${out.join('\n')}\n`);

/** The targets on the real test split, each with its figure. */
function targets(s: Score, base: Score, spoken: Score): string[] {
  const line = (name: string, ok: boolean, figure: string) => `  ${ok ? 'met    ' : 'NOT met'}  ${name}: ${figure}`;
  const missingOk = PARTS.every((p) => s.missing[p].precision >= 0.8);
  const beatsBase = PARTS.every((p) => s.presence[p].f1 >= base.presence[p].f1);
  return [
    'Targets on the real test split:',
    line(
      'every "missing X" verdict right at least 80% of the time',
      missingOk,
      PARTS.map((p) => `${p} ${f2(s.missing[p].precision)}`).join(', '),
    ),
    line('presence macro-F1 at least 0.90', s.macroF1 >= 0.9, f2(s.macroF1)),
    line('spoken answers macro-F1 at least 0.85', spoken.macroF1 >= 0.85, f2(spoken.macroF1)),
    line(
      'every part at least the positional baseline',
      beatsBase,
      PARTS.map((p) => `${p} ${f2(s.presence[p].f1)} vs ${f2(base.presence[p].f1)}`).join(', '),
    ),
    line(
      'confident "Add the Result" precision at least 0.90',
      s.resultAlert.precision >= 0.9,
      `${f2(s.resultAlert.precision)} (${s.resultAlert.tp + s.resultAlert.fp} alerts)`,
    ),
    line('story detection at least 0.93', s.storyAccuracy >= 0.93, f2(s.storyAccuracy)),
  ];
}

/** The detailed table of one hand-written part, as before the real corpus existed. */
function handTable(part: SetName): string {
  const set = loadSet(part);
  const ours = evaluate(set, analyser);
  const base = evaluate(set, baseline);
  const row = (name: string, a: string, b: string) => `${name.padEnd(34)} ${a.padStart(18)}   ${b.padStart(18)}`;
  const trio = (p: { precision: number; recall: number; f1: number }) =>
    `${f2(p.precision).padStart(5)} ${f2(p.recall).padStart(5)} ${f2(p.f1).padStart(5)}`;
  const alert = (r: Report, p: (typeof PARTS)[number]) =>
    `${f2(r.missing[p].precision)} (${r.missing[p].tp + r.missing[p].fp})`;
  const lines = [`Hand-written ${part} part: ${set.length} answers, ${ours.sentences} labelled sentences`, ''];
  lines.push(row('', 'analyser', 'baseline'), row('Presence (answer level)', '    P     R    F1', '    P     R    F1'));
  for (const p of PARTS) lines.push(row(`  ${p}`, trio(ours.presence[p]), trio(base.presence[p])));
  for (const p of PARTS) lines.push(row(`  "missing ${p}" precision (n)`, alert(ours, p), alert(base, p)));
  lines.push(
    row(
      'Sentence-label accuracy',
      `${(ours.sentenceAccuracy * 100).toFixed(0)}%`,
      `${(base.sentenceAccuracy * 100).toFixed(0)}%`,
    ),
  );
  lines.push(row('Macro-F1 S, T, A, R, other', f2(ours.macroF1), f2(base.macroF1)));
  lines.push(row('Story P R F1', trio(ours.story), trio(base.story)));
  lines.push(row('Not a story P R F1', trio(ours.notStory), trio(base.notStory)));
  lines.push(row('Result measured P R F1', trio(ours.measured), trio(base.measured)));
  return lines.join('\n');
}
