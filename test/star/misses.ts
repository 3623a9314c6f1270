// `npx tsx test/star/misses.ts`: the analyser's misses on the real DEV split only, answer by
// answer and sentence by sentence (gold label, predicted label, text), to tune on. The test
// split is never read here.
//   --cv        read each answer with a sentence model (and sequence scores) trained without its source's fold
//               (the committed story model and thresholds kept), as an unseen answer is read
//   --cv-story  with --cv, the story model too is trained without the answer's fold
//   --part X    only answers whose presence of part X (situation, task, action, result) is wrong
//   --story     only answers whose story call is wrong
//   --spoken    spoken answers only
//   --all       every dev answer, not only those with a miss
//   --summary   the dev table only
//   --brief     one line of figures to three decimals, nothing else
//   --skip P    leave out answers whose id starts with P (comma-separated) from what is shown
//   --only P    show only answers whose id starts with P (comma-separated)
import type { Label, Part } from '../../src/star';
import { analyzeDetailed, readSentences } from '../../src/star/analyze';
import { type ModelFile, model, useModel } from '../../src/star/model';
import { judgeStory, storyVector } from '../../src/star/story';
import { analyser, type Predictor, predictionOf } from './evaluate';
import { type GoldAnswer, loadReal } from './real/corpus';
import { realTable } from './real/report';
import { PARTS, score } from './real/score';
import { examples, FOLDS, foldOf, synthetic, trainingAnswers } from './training/data';
import { trainBinary, trainWeights } from './training/fit';
import { learnOrder, orderAnswers } from './training/order';

const args = process.argv.slice(2);
const opt = (name: string) => args.includes(name);
const partArg = args.includes('--part') ? (args[args.indexOf('--part') + 1] as Part) : undefined;
const skip = args.includes('--skip') ? (args[args.indexOf('--skip') + 1] as string).split(',') : [];
const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] as string).split(',') : [];
const dev = loadReal('dev').filter(
  (a) =>
    (!opt('--spoken') || a.spoken) &&
    !skip.some((p) => a.id.startsWith(p)) &&
    (!only.length || only.some((p) => a.id.startsWith(p))),
);
const SHORT: Record<Label, string> = { situation: 'S', task: 'T', action: 'A', result: 'R', other: 'O' };
const REAL_WEIGHT = Number(process.env.STAR_REAL_WEIGHT ?? 4);

/**
 * Per fold, a sentence model trained without that fold's sources, and (with --cv-story) a
 * story model trained on the other folds' answers as their own fold models read them.
 */
function foldModels(): ModelFile[] {
  const base = model();
  const all = [...synthetic().map((a) => ({ a, w: 1 })), ...trainingAnswers().map((a) => ({ a, w: REAL_WEIGHT }))];
  const models = Array.from({ length: FOLDS }, (_, k) => {
    const train = all.filter(({ a }) => foldOf(a) !== k);
    const m: ModelFile = { ...base, weights: trainWeights(train.flatMap(({ a, w }) => examples([a], w))) };
    // the sequence scores too are learned without the fold, at the committed weight
    if (base.order) m.order = learnOrder(orderAnswers(train), base.order.weight);
    return m;
  });
  if (!opt('--cv-story') || !base.story) return models;
  const rows = all.map(({ a, w }) => {
    useModel(models[foldOf(a)] as ModelFile);
    const r = readSentences(a.text.replace(/\r\n?/g, '\n'));
    const rule = judgeStory(r.feats, r.decoded, r.texts).story;
    return { k: foldOf(a), v: storyVector(r.feats, r.probs, r.texts, rule), y: a.story ? 1 : 0, w };
  });
  const threshold = Number(process.env.STAR_STORY_T ?? base.story.threshold);
  return models.map((m, k) => ({ ...m, story: { weights: trainBinary(rows.filter((r) => r.k !== k)), threshold } }));
}

const committed = model();
const folds = opt('--cv') ? foldModels() : undefined;
function read(a: GoldAnswer) {
  useModel(folds ? (folds[foldOf(a)] as ModelFile) : committed);
  const r = analyzeDetailed(a.text, { question: a.question ?? undefined });
  useModel(committed);
  return r;
}
const cache = new Map(dev.map((a) => [a.text, read(a)]));
const predictor: Predictor = folds ? (text) => predictionOf(cache.get(text) as ReturnType<typeof read>) : analyser;

if (opt('--brief')) {
  const f3 = (x: number) => x.toFixed(3);
  const all = score(dev, predictor);
  const spoken = score(
    dev.filter((a) => a.spoken),
    predictor,
  );
  const written = score(
    dev.filter((a) => !a.spoken),
    predictor,
  );
  const parts = PARTS.map((p) => `${p[0]} ${f3(all.presence[p].f1)}`).join(' ');
  const alert = `${f3(all.resultAlert.precision)}(${all.resultAlert.tp + all.resultAlert.fp})`;
  process.stdout.write(
    `macro ${f3(all.macroF1)} [${parts}] spoken ${f3(spoken.macroF1)} written ${f3(written.macroF1)} story ${f3(all.storyAccuracy)} alert ${alert} labels ${f3(all.sentenceAccuracy)}\n`,
  );
  process.exit(0);
}
const out: string[] = [
  realTable(`Real answers, dev split${folds ? ' (out-of-fold sentence models)' : ''}`, dev, { analyser: predictor }),
];
if (!opt('--summary')) {
  for (const a of dev) {
    const r = cache.get(a.text) as ReturnType<typeof read>;
    const st = (p: Part) => r.analysis.parts[p].status;
    const wrongParts = PARTS.filter((p) => a.spans.some((s) => s.label === p) !== (st(p) === 'present'));
    const storyWrong = r.analysis.story !== a.story;
    const shown = partArg
      ? wrongParts.includes(partArg)
      : opt('--story')
        ? storyWrong
        : opt('--all') || wrongParts.length > 0 || storyWrong;
    if (!shown) continue;
    out.push(
      '',
      `== ${a.id} ${a.spoken ? 'spoken' : 'written'} ${a.style} story=${a.story} got=${r.analysis.story} (p ${r.detail.storyProbability.toFixed(2)})`,
    );
    out.push(
      `   wrong: ${wrongParts.map((p) => `${p}(${st(p)})`).join(', ') || '-'}${a.question ? `   Q: ${a.question}` : ''}`,
    );
    // each gold sentence with the predicted sentences that overlap it
    const placed: { start: number; end: number; label: Label; text: string }[] = [];
    let cursor = 0;
    for (const s of r.analysis.sentences) {
      const at = a.text.indexOf(s.text, cursor);
      const start = at >= 0 ? at : cursor;
      cursor = start + s.text.length;
      placed.push({ start, end: cursor, label: s.label, text: s.text });
    }
    for (const g of a.spans) {
      const over = placed.filter((p) => Math.min(g.end, p.end) > Math.max(g.start, p.start));
      const got = over.map((p) => SHORT[p.label]).join('');
      const mark = got.includes(SHORT[g.label]) ? ' ' : '*';
      out.push(
        `  ${mark}${SHORT[g.label]}${g.lesson ? 'l' : ' '} ${got.padEnd(3)} ${a.text.slice(g.start, g.end).replace(/\s+/g, ' ')}`,
      );
    }
    if (placed.length !== a.spans.length) out.push(`   (${placed.length} predicted sentences, ${a.spans.length} gold)`);
  }
}
process.stdout.write(`${out.join('\n')}\n`);
