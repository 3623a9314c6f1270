// A list whose items are mostly questions ("What is Paging?", "What is Caching?") asks its short
// items too ("Types of Cache", "Layers of OSI Model"): the names in such a run are kept, in place.
import type { Line } from './page-lines';
import type { FoundQuestion } from './questions';

interface Run {
  indent: number;
  items: number;
  taken: number;
  /** the names not taken, each with where it would have stood among the questions */
  names: { at: number; question: FoundQuestion }[];
}

// at least this many questions, and this share of the run's items, make a run a list of questions
const MIN_TAKEN = 3;
const MIN_SHARE = 0.6;

export class ListRuns {
  private run: Run | undefined;
  private kept: { at: number; question: FoundQuestion }[] = [];

  /** One line read: an item of the run (taken as a question or a name that could be), or its end. */
  see(l: Line, taken: boolean, at: number, name: FoundQuestion | undefined): void {
    // an item's details: its sub-items, and its example lines indented under it ("  Sample Input: ...")
    if (this.run && l.indent > this.run.indent && (l.item || !l.heading)) return;
    if (!l.item || (this.run && l.indent < this.run.indent) || l.heading) this.end();
    if (!l.item) return;
    this.run ??= { indent: l.indent, items: 0, taken: 0, names: [] };
    this.run.items++;
    if (taken) this.run.taken++;
    else if (name) this.run.names.push({ at, question: name });
  }

  end(): void {
    const r = this.run;
    this.run = undefined;
    if (r && r.taken >= MIN_TAKEN && r.taken / r.items >= MIN_SHARE) this.kept.push(...r.names);
  }

  /** The questions with the kept names put where they stood; how many were added. */
  into(out: FoundQuestion[]): number {
    this.end();
    // the last first, so that two names standing at one place keep their order
    for (const k of [...this.kept].reverse().sort((a, b) => b.at - a.at)) out.splice(k.at, 0, k.question);
    return this.kept.length;
  }
}
