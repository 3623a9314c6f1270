import { describe, expect, it } from 'vitest';
import { Pacer } from '../../src/scheduler/pacer';

describe('Pacer', () => {
  it('spaces posts in one channel by the channel interval', () => {
    const p = new Pacer({ channelIntervalMs: 1000, workspacePerSecond: Number.POSITIVE_INFINITY });
    p.take('W', 'C1', 0);
    expect(p.readyAt('W', 'C1', 10)).toBe(1000);
    expect(p.readyAt('W', 'C2', 10)).toBe(10);
  });

  it('lets a workspace burst, then holds it to its sustained rate', () => {
    const p = new Pacer({ channelIntervalMs: 0, workspacePerSecond: 2, workspaceBurst: 3 });
    const starts: number[] = [];
    let now = 0;
    for (let i = 0; i < 6; i++) {
      now = p.readyAt('W', `C${i}`, now);
      p.take('W', `C${i}`, now);
      starts.push(now);
    }
    expect(starts).toEqual([0, 0, 0, 500, 1000, 1500]);
    expect(p.readyAt('OTHER', 'X', 0)).toBe(0);
  });

  it('holds back only the workspace that was rate limited', () => {
    const p = new Pacer();
    p.hold('W1', 30_000);
    expect(p.readyAt('W1', 'C1', 0)).toBe(30_000);
    expect(p.readyAt('W2', 'C2', 0)).toBe(0);
    p.hold('W1', 10_000); // a shorter answer does not shorten the hold
    expect(p.workspaceReadyAt('W1', 0)).toBe(30_000);
  });
});
