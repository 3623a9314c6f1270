// Work that follows an acknowledgement runs here, a few jobs at a time. Under a burst
// the acknowledgements (Slack allows three seconds, then redelivers) keep the event
// loop to themselves while the answers wait their turn, instead of every payload's
// work interleaving with every new request.
/** When a job may start: see WorkQueue.run. */
export type Start = 'urgent' | 'eager' | 'queued';

export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly concurrency: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Jobs started or waiting. */
  get size(): number {
    return this.pending.size;
  }

  /**
   * Queues a job. `urgent` jobs (a modal's trigger_id expires in 3 s) start at once;
   * `eager` ones start at once if a slot is free (a command whose reply may ride in
   * its acknowledgement), else wait their turn; `queued` ones start after the current
   * I/O, so the acknowledgement just written goes out before the work behind it begins.
   */
  run(job: () => Promise<void>, start: Start = 'queued'): Promise<void> {
    const done = new Promise<void>((resolve) => {
      const begin = () => {
        job()
          .catch(this.onError)
          .finally(() => {
            resolve();
            // the slot passes straight to the next waiting job, so no new job can take it
            // in between; setImmediate lets requests that arrived meanwhile be acknowledged first
            const next = this.waiting.shift();
            if (next) setImmediate(next);
            else this.running--;
          });
      };
      const free = this.running < this.concurrency;
      if (start === 'urgent' || free) {
        this.running++;
        if (start === 'queued') setImmediate(begin);
        else begin();
      } else this.waiting.push(begin);
    });
    this.pending.add(done);
    return done.finally(() => this.pending.delete(done));
  }

  /** Resolves once every job queued so far, and any they queued, has finished. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}
