// Posting pace per channel and per workspace, so a fan-out of thousands of posts at
// 09:00 stays inside each platform's limits. Slack allows about one message a
// second per channel (short bursts tolerated) and keeps an undocumented
// workspace-wide limit; discord.js queues per route on its own, so the same pace
// is simply polite there. A rate-limit answer holds back one workspace only.
//
// Pure bookkeeping over numbers: the caller owns the clock, so tests need no timers.

export interface PacingOptions {
  /** Minimum gap between two posts in one channel (default 1000 ms). */
  channelIntervalMs?: number;
  /** Sustained posts per second in one workspace (default 5); Infinity turns it off. */
  workspacePerSecond?: number;
  /** Posts a workspace may send back to back before the sustained rate applies (default 10). */
  workspaceBurst?: number;
}

export class Pacer {
  private readonly channelGap: number;
  private readonly workspaceGap: number;
  private readonly workspaceTolerance: number;
  private readonly channelNext = new Map<string, number>();
  /** Generic cell rate algorithm: the theoretical arrival time of the next post. */
  private readonly workspaceTat = new Map<string, number>();
  private readonly workspaceHold = new Map<string, number>();

  constructor(options: PacingOptions = {}) {
    this.channelGap = Math.max(0, options.channelIntervalMs ?? 1000);
    const rate = options.workspacePerSecond ?? 5;
    this.workspaceGap = rate > 0 && Number.isFinite(rate) ? 1000 / rate : 0;
    const burst = Math.max(1, Math.floor(options.workspaceBurst ?? 10));
    this.workspaceTolerance = (burst - 1) * this.workspaceGap;
  }

  /** The earliest time a post to `channel` in `workspace` may start. */
  readyAt(workspace: string, channel: string, now: number): number {
    return Math.max(now, this.workspaceReadyAt(workspace, now), this.channelNext.get(channel) ?? now);
  }

  workspaceReadyAt(workspace: string, now: number): number {
    const hold = this.workspaceHold.get(workspace) ?? now;
    const tat = this.workspaceTat.get(workspace) ?? now;
    return Math.max(now, hold, tat - this.workspaceTolerance);
  }

  /** Books a post starting at `now` (call only when readyAt(...) <= now). */
  take(workspace: string, channel: string, now: number): void {
    this.channelNext.set(channel, now + this.channelGap);
    const tat = this.workspaceTat.get(workspace) ?? now;
    this.workspaceTat.set(workspace, Math.max(tat, now) + this.workspaceGap);
  }

  /** The platform said "slow down" for this workspace: nothing more there until `until`. */
  hold(workspace: string, until: number): void {
    this.workspaceHold.set(workspace, Math.max(until, this.workspaceHold.get(workspace) ?? 0));
  }
}
