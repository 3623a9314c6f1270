import { describe, expect, it } from 'vitest';
import { analyser, baseline, evaluate, loadSet, PARTS } from './evaluate';

// Accuracy floors on the held-out parts, which were never tuned on (see docs/star.md for
// how each was used). The targets: presence F1 >= 0.85 per part (met) and
// missing-result alert precision >= 0.90 (not met: 0.86 on test, 0.80 on holdout). The
// alert floors below are the figures reached, so a regression fails; they are not the target.
const FLOORS = { test: 0.85, holdout: 0.8 } as const;

describe.each(['test', 'holdout'] as const)('STAR analyser on the held-out %s part', (part) => {
  const set = loadSet(part);
  const ours = evaluate(set, analyser);

  it('has labelled answers of every kind', () => {
    expect(set.length).toBeGreaterThanOrEqual(20);
    expect(set.some((a) => !a.story)).toBe(true);
    expect(set.some((a) => a.style === 'transcript')).toBe(true);
  });

  it.each(PARTS)('finds %s with presence F1 of at least 0.85', (p) => {
    expect(ours.presence[p].f1).toBeGreaterThanOrEqual(0.85);
  });

  it(`says "missing result" with precision of at least ${FLOORS[part]} (target 0.90 not yet reached)`, () => {
    expect(ours.missing.result.tp + ours.missing.result.fp).toBeGreaterThan(5);
    expect(ours.missing.result.precision).toBeGreaterThanOrEqual(FLOORS[part]);
  });

  it('beats the trivial baseline on sentence labels and story detection', () => {
    const base = evaluate(set, baseline);
    expect(ours.macroF1).toBeGreaterThan(base.macroF1 + 0.3);
    expect(ours.sentenceAccuracy).toBeGreaterThan(base.sentenceAccuracy);
    expect(ours.notStory.recall).toBeGreaterThan(base.notStory.recall);
  });
});

describe('the labelled set as a whole', () => {
  it('holds at least 80 answers, with a frozen test part of about 40%', () => {
    const dev = loadSet('dev').length;
    const test = loadSet('test').length;
    expect(dev + test + loadSet('holdout').length).toBeGreaterThanOrEqual(80);
    expect(test / (dev + test)).toBeGreaterThan(0.3);
  });
});

it.todo('missing-result alert precision reaches the 0.90 target on the held-out parts');
