import { describe, expect, it } from 'vitest';
import { analyser, baseline, evaluate, loadSet, PARTS } from './evaluate';

// Accuracy floors on the held-out parts, which were never tuned on (docs/star.md says how
// each was used). The targets: presence F1 >= 0.85 per part, and precision of the
// "missing result" alert >= 0.90 on the frozen test part. The alert is the confident one
// only (evaluate.ts: Prediction.missingResultAlert) and is raised for stories only, so the
// parts hold few alerts: reached 1.00 on test (4 alerts), 1.00 on holdout (1 alert), 0.92 on
// holdout2 (12 alerts). With so few, the floor is the 0.90 target itself: on test and
// holdout it means no false alarm at all. A regression fails.
const ALERT_FLOOR = { test: 0.9, holdout: 0.9, holdout2: 0.9 } as const;
const MIN_ALERTS = { test: 4, holdout: 1, holdout2: 12 } as const;

describe.each(['test', 'holdout', 'holdout2'] as const)('STAR analyser on the held-out %s part', (part) => {
  const set = loadSet(part);
  const ours = evaluate(set, analyser);

  it('has labelled answers of every kind', () => {
    expect(set.length).toBeGreaterThanOrEqual(20);
    expect(set.some((a) => !a.story)).toBe(true);
    expect(set.some((a) => a.style === 'transcript')).toBe(true);
    expect(set.some((a) => a.story && !a.sentences.some(([l]) => l === 'R'))).toBe(true);
  });

  it.each(PARTS)('finds %s with presence F1 of at least 0.85', (p) => {
    expect(ours.presence[p].f1).toBeGreaterThanOrEqual(0.85);
  });

  it(`says "missing result" with precision of at least ${ALERT_FLOOR[part]}`, () => {
    expect(ours.missing.result.tp + ours.missing.result.fp).toBeGreaterThanOrEqual(MIN_ALERTS[part]);
    expect(ours.missing.result.precision).toBeGreaterThanOrEqual(ALERT_FLOOR[part]);
  });

  it('beats the trivial baseline on sentence labels and story detection', () => {
    const base = evaluate(set, baseline);
    expect(ours.macroF1).toBeGreaterThan(base.macroF1 + 0.3);
    expect(ours.sentenceAccuracy).toBeGreaterThan(base.sentenceAccuracy);
    expect(ours.notStory.recall).toBeGreaterThan(base.notStory.recall);
  });
});

describe('the labelled set as a whole', () => {
  it('holds at least 80 answers, with held-out parts of at least 30%', () => {
    const dev = loadSet('dev').length;
    const held = loadSet('test').length + loadSet('holdout').length + loadSet('holdout2').length;
    expect(dev + held).toBeGreaterThanOrEqual(80);
    expect(held / (dev + held)).toBeGreaterThan(0.3);
  });
});
