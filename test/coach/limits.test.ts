// The coach's limits and breaker on a clock the test moves.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createBreaker } from '../../src/coach/breaker';
import { createLimits } from '../../src/coach/limits';

describe('per-workspace limits', () => {
  it('allows so many a minute, then more once the minute has passed', () => {
    let now = Date.UTC(2026, 11, 4, 10);
    const limits = createLimits({ perMinute: 2, perDay: 100, now: () => now });
    expect([limits.take('W1'), limits.take('W1'), limits.take('W1')]).toEqual([true, true, false]);
    expect(limits.take('W2')).toBe(true);
    now += 61_000;
    expect(limits.take('W1')).toBe(true);
  });

  it('stops at the daily cap until the next UTC day', () => {
    let now = Date.UTC(2026, 11, 4, 23, 0);
    const limits = createLimits({ perMinute: 100, perDay: 3, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(limits.take('W1')).toBe(true);
      now += 61_000;
    }
    expect(limits.take('W1')).toBe(false);
    now = Date.UTC(2026, 11, 5, 0, 1);
    expect(limits.take('W1')).toBe(true);
  });
});

describe('the breaker', () => {
  it('opens after failures in a row, tries again after the cooldown, and logs each change once', () => {
    const logs: { level: number; msg: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => logs.push(JSON.parse(l)) });
    let now = 0;
    const b = createBreaker(logger, 'h:1', { threshold: 3, cooldownMs: 60_000, now: () => now });
    b.failed('x');
    b.failed('x');
    expect(b.allows()).toBe(true);
    b.failed('x');
    expect(b.allows()).toBe(false);
    now += 60_000;
    expect(b.allows()).toBe(true);
    b.failed('still down');
    expect(b.allows()).toBe(false);
    expect(logs.filter((l) => l.level === 40)).toHaveLength(1);
    now += 60_000;
    b.succeeded();
    expect(b.allows()).toBe(true);
    expect(logs.at(-1)?.msg).toMatch(/answers again/);
    b.failed('x');
    expect(b.allows()).toBe(true);
  });
});
