/**
 * Resolves on notify() or after `ms`, whichever is first. A notify() that came
 * while nobody waited is remembered, so a task finishing during a query is not missed.
 */
export class Signal {
  private waiter: (() => void) | undefined;
  private pending = false;
  notify(): void {
    if (this.waiter) this.waiter();
    else this.pending = true;
  }
  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = Number.isFinite(ms) ? setTimeout(() => done(), Math.max(0, ms)) : undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        this.waiter = undefined;
        resolve();
      };
      this.waiter = done;
    });
  }
}
