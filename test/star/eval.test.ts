import { describe, expect, it } from 'vitest';
import { analyser, baseline, evaluate, loadSet, PARTS } from './evaluate';

// The accuracy floor on the frozen test part (never tuned on). Targets from the issue.
describe('STAR analyser on the frozen test part', () => {
  const set = loadSet('test');
  const ours = evaluate(set, analyser);

  it('has enough labelled answers of every kind', () => {
    expect(set.length).toBeGreaterThanOrEqual(30);
    expect(loadSet('dev').length + set.length).toBeGreaterThanOrEqual(80);
    expect(set.some((a) => !a.story)).toBe(true);
    expect(set.some((a) => a.style === 'transcript')).toBe(true);
  });

  it.each(PARTS)('finds %s with presence F1 of at least 0.85', (part) => {
    expect(ours.presence[part].f1).toBeGreaterThanOrEqual(0.85);
  });

  it('says "missing result" with precision of at least 0.9', () => {
    expect(ours.missing.result.tp + ours.missing.result.fp).toBeGreaterThan(5);
    expect(ours.missing.result.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('beats the trivial baseline on sentence labels and story detection', () => {
    const base = evaluate(set, baseline);
    expect(ours.macroF1).toBeGreaterThan(base.macroF1);
    expect(ours.sentenceAccuracy).toBeGreaterThan(base.sentenceAccuracy);
    expect(ours.notStory.recall).toBeGreaterThan(base.notStory.recall);
  });
});
