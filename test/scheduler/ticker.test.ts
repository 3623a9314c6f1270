import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger';
import { startTicker } from '../../src/scheduler/ticker';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('startTicker', () => {
  it('calls the tick with the time, never two at once, survives a failing tick, and stop() waits for the one running', async () => {
    const calls: Date[] = [];
    let running = 0;
    let overlapped = false;
    let finished = 0;
    const stop = startTicker(
      async (now) => {
        calls.push(now);
        running++;
        if (running > 1) overlapped = true;
        try {
          if (calls.length === 1) throw new Error('database went away');
          await sleep(1500); // longer than the one-second interval used here
        } finally {
          running--;
          finished++;
        }
      },
      silentLogger(),
      { expression: '* * * * * *' },
    );
    while (calls.length < 2) await sleep(50);
    await stop();
    expect(overlapped).toBe(false);
    expect(finished).toBe(calls.length); // stop() returned only after the running tick ended
    const count = calls.length;
    await sleep(1200);
    expect(calls.length).toBe(count);
    expect(calls[0]).toBeInstanceOf(Date);
  });

  it('refuses an expression cron cannot read', () => {
    expect(() => startTicker(async () => {}, silentLogger(), { expression: 'every minute' })).toThrow(
      /invalid ticker schedule/,
    );
  });
});
