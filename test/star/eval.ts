// `npm run eval:star`: the analyser against the frozen test part, next to the trivial
// baseline. `-- --holdout` and `-- --holdout2` score the other held-out parts, `-- --dev` the
// development part (for tuning), and `--errors` lists each disagreement (only ever with --dev).
import { analyser, baseline, evaluate, loadSet, PARTS, type Report, type SetName } from './evaluate';

const args = process.argv.slice(2);
const part: SetName = args.includes('--dev')
  ? 'dev'
  : args.includes('--holdout2')
    ? 'holdout2'
    : args.includes('--holdout')
      ? 'holdout'
      : 'test';
const set = loadSet(part);
const ours = evaluate(set, analyser);
const base = evaluate(set, baseline);

const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(5);
const f2 = (x: number) => x.toFixed(2).padStart(5);
const row = (name: string, a: string, b: string) => `${name.padEnd(34)} ${a.padStart(18)}   ${b.padStart(18)}`;
const trio = (p: { precision: number; recall: number; f1: number }) => `${f2(p.precision)} ${f2(p.recall)} ${f2(p.f1)}`;

const out: string[] = [];
out.push(`STAR analyser evaluation: ${part} part, ${set.length} answers, ${ours.sentences} labelled sentences`);
out.push('');
out.push(row('', 'analyser', 'baseline'));
out.push(row('Presence (answer level)', '    P     R    F1', '    P     R    F1'));
for (const p of PARTS) out.push(row(`  ${p}`, trio(ours.presence[p]), trio(base.presence[p])));
out.push(row('"Missing X" alerts', 'precision (n)', 'precision (n)'));
const alert = (r: Report, p: (typeof PARTS)[number]) =>
  `${f2(r.missing[p].precision)} (${r.missing[p].tp + r.missing[p].fp})`;
for (const p of PARTS) out.push(row(`  missing ${p}`, alert(ours, p), alert(base, p)));
const noLabel = (r: Report) => `${f2(r.noResultLabel.precision)} (${r.noResultLabel.tp + r.noResultLabel.fp})`;
out.push(row('  (no sentence labelled result)', noLabel(ours), noLabel(base)));
const storyRecall = (r: Report) =>
  `${f2(r.missingResultInStories.recall)} (${r.missingResultInStories.tp + r.missingResultInStories.fn})`;
out.push(row('  missing result: recall in stories', storyRecall(ours), storyRecall(base)));
out.push(row('Sentence labels', '', ''));
out.push(row('  accuracy', pct(ours.sentenceAccuracy), pct(base.sentenceAccuracy)));
out.push(row('  macro-F1 (S, T, A, R, other)', f2(ours.macroF1), f2(base.macroF1)));
for (const l of ['situation', 'task', 'action', 'result', 'other'] as const) {
  out.push(row(`    F1 ${l}`, f2(ours.labelF1[l]), f2(base.labelF1[l])));
}
out.push(row('Story detection', '    P     R    F1', '    P     R    F1'));
out.push(row('  story', trio(ours.story), trio(base.story)));
out.push(row('  not a story', trio(ours.notStory), trio(base.notStory)));
out.push(row('Result measured', trio(ours.measured), trio(base.measured)));
out.push('');
const presenceOk = PARTS.every((p) => ours.presence[p].f1 >= 0.85);
const alertOk = ours.missing.result.precision >= 0.9;
out.push(
  `Targets: presence F1 >= 0.85 for each part: ${presenceOk ? 'met' : 'NOT met'}; missing-result alert precision >= 0.90: ${alertOk ? 'met' : 'NOT met'}`,
);
if (args.includes('--errors')) {
  out.push('', 'Disagreements:');
  for (const e of ours.errors) out.push(`  ${e.id}  ${e.what}`);
}
process.stdout.write(`${out.join('\n')}\n`);
