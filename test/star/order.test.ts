// The learned sequence scores: what the best-sequence search adds for a label's neighbours.
import { describe, expect, it } from 'vitest';
import { decode, type Label } from '../../src/star/label';
import { decoderOf, type ModelFile } from '../../src/star/model';
import type { GoldAnswer } from './real/corpus';
import { learnOrder } from './training/order';

const log = (s: number, t: number, a: number, r: number, o: number): Record<Label, number> => ({
  situation: Math.log(s),
  task: Math.log(t),
  action: Math.log(a),
  result: Math.log(r),
  other: Math.log(o),
});

/** A story told as consecutive sentences of these labels. */
function story(labels: Label[]): { a: GoldAnswer; w: number } {
  let text = '';
  const spans = labels.map((label, i) => {
    const start = text.length;
    text += `Sentence number ${i} went here. `;
    return { start, end: text.length - 1, label, lesson: false };
  });
  const a = { id: 'x-001', text, spans, story: true, measured: false, ownActions: null, spoken: false };
  return {
    a: { ...a, style: 'prose', question: null, onTopic: null, source: 'https://example.org', split: 'dev' },
    w: 1,
  };
}

describe('the learned sequence scores', () => {
  const set = Array.from({ length: 20 }, () => story(['situation', 'task', 'action', 'action', 'result']));
  const order = learnOrder(set, 1);

  it('speak for the order the answers were told in', () => {
    // by MODEL_LABELS: situation, task, action, result, other
    expect(order.next[0]?.[1]).toBeGreaterThan(0); // Task after the Situation
    expect(order.next[1]?.[3]).toBeLessThan(0); // no Result straight after the Task
    expect(order.end[3]).toBeGreaterThan(0); // the Result closes
    expect(order.start[0]).toBeGreaterThan(0); // the Situation opens
  });

  it('move an unsure sentence to what its neighbours make likely, and leave sure ones alone', () => {
    const m = { backward: 0, order } as unknown as ModelFile;
    // the middle sentence is nearly as much Result as Task; between a Situation and an Action it is the Task
    const unsure = [
      log(0.8, 0.05, 0.05, 0.05, 0.05),
      log(0.05, 0.4, 0.1, 0.42, 0.03),
      log(0.05, 0.05, 0.8, 0.05, 0.05),
    ];
    expect(decode(unsure, { backward: 0 })).toEqual(['situation', 'result', 'action']);
    expect(decode(unsure, decoderOf(m))).toEqual(['situation', 'task', 'action']);
    const sure = [
      log(0.8, 0.05, 0.05, 0.05, 0.05),
      log(0.002, 0.002, 0.002, 0.99, 0.004),
      log(0.05, 0.05, 0.8, 0.05, 0.05),
    ];
    expect(decode(sure, decoderOf(m))).toEqual(['situation', 'result', 'action']);
  });

  it('are the same whenever learned from the same answers', () => {
    expect(learnOrder(set, 1)).toEqual(order);
  });
});
