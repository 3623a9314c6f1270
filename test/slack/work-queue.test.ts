// The queue that runs the work after Slack acknowledgements: never more than its
// concurrency at once, in order, even when new jobs arrive as others finish.
import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../adapters/slack/work-queue';

describe('WorkQueue', () => {
  it('runs at most `concurrency` jobs at once, in the order they came, with arrivals mid-way', async () => {
    const q = new WorkQueue(2, () => {});
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const job = (n: number) => async () => {
      running++;
      most = Math.max(most, running);
      order.push(n);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      // a new job arrives exactly as this one ends, when a slot is about to pass on
      if (n < 4) void q.run(job(n + 100));
    };
    for (let n = 0; n < 8; n++) void q.run(job(n));
    await q.idle();
    expect(most).toBe(2);
    expect(order.slice(0, 8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(order).toHaveLength(12);
  });

  it('starts an urgent job at once, whatever is waiting', async () => {
    const q = new WorkQueue(1, () => {});
    const seen: string[] = [];
    void q.run(async () => {
      await new Promise((r) => setTimeout(r, 10));
      seen.push('slow');
    });
    await q.run(async () => void seen.push('urgent'), 'urgent');
    await q.idle();
    expect(seen).toEqual(['urgent', 'slow']);
  });

  it('starts an eager job at once when a slot is free, and queues it behind the others when none is', async () => {
    const q = new WorkQueue(1, () => {});
    const seen: string[] = [];
    void q.run(async () => void seen.push('eager'), 'eager');
    // started in the same turn: nothing else ran before it
    expect(seen).toEqual(['eager']);
    await q.idle();
    void q.run(async () => {
      await new Promise((r) => setTimeout(r, 10));
      seen.push('slow');
    });
    await q.run(async () => void seen.push('eager behind'), 'eager');
    expect(seen).toEqual(['eager', 'slow', 'eager behind']);
  });
});
