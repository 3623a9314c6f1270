// Timers the test moves by hand: nothing fires until the test says the time has come.
import type { Timers } from '../src/practice/quiet';

export class ManualTimers implements Timers {
  private jobs: { at: number; run: () => Promise<void>; live: boolean }[] = [];

  constructor(private readonly clock: () => Date) {}

  after(ms: number, run: () => Promise<void>): () => void {
    const job = { at: this.clock().getTime() + ms, run, live: true };
    this.jobs.push(job);
    return () => {
      job.live = false;
    };
  }

  /** How many timers are waiting. */
  get pending(): number {
    return this.jobs.filter((j) => j.live).length;
  }

  /** Runs every timer due by the clock's time, in order, and waits for each. */
  async runDue(): Promise<number> {
    const now = this.clock().getTime();
    const due = this.jobs.filter((j) => j.live && j.at <= now).sort((a, b) => a.at - b.at);
    this.jobs = this.jobs.filter((j) => j.live && j.at > now);
    for (const j of due) await j.run();
    return due.length;
  }
}
