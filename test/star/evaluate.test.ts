import { describe, expect, it } from 'vitest';
import { evaluate, type LabelledAnswer, type Predictor } from './evaluate';

// The scorer's definition of the "missing result" alert, on two made-up answers.
const withResult: LabelledAnswer = {
  id: 'x1',
  style: 'prose',
  story: true,
  measured: false,
  sentences: [
    ['S', 'Last year our stock counts were wrong.'],
    ['A', 'I recounted the shelves.'],
    ['R', 'The audit passed.'],
  ],
};
const withoutResult: LabelledAnswer = { ...withResult, id: 'x2', sentences: withResult.sentences.slice(0, 2) };

/** Labels every sentence an action; raises the alert as told. */
const predictor =
  (alert: boolean): Predictor =>
  (text) => ({
    story: true,
    measured: false,
    sentences: text.split(/(?<=\.) /).map((t) => ({ text: t, label: 'action' as const })),
    missingResultAlert: alert,
  });

describe('the "missing result" alert in the scorer', () => {
  it('counts only the confident alert, not a missing Result label', () => {
    const r = evaluate([withResult, withoutResult], predictor(false));
    expect(r.missing.result.tp + r.missing.result.fp).toBe(0);
    // the label-based reading is still reported, and would have made a false alarm
    expect(r.noResultLabel).toMatchObject({ tp: 1, fp: 1 });
  });

  it('a confident alert on an answer with a Result is a false alarm', () => {
    const r = evaluate([withResult, withoutResult], predictor(true));
    expect(r.missing.result).toMatchObject({ tp: 1, fp: 1, precision: 0.5 });
    expect(r.errors.some((e) => e.id === 'x1' && e.what.includes('false "missing result" alert'))).toBe(true);
  });
});
