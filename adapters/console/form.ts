// The four-part STAR form in the terminal: one line for each part, in order.
import { STAR_FORM_FIELDS } from '../../src/chat/star-form';
import type { Ref } from '../../src/chat/types';

const FIELDS = STAR_FORM_FIELDS.map((f) => f.label);

export class FormDraft {
  private readonly values: string[] = [];

  constructor(
    readonly postId: string,
    readonly thread: Ref,
  ) {}

  /** The label of the part asked for next; undefined once all four are given. */
  get next(): string | undefined {
    return FIELDS[this.values.length];
  }

  /** Takes the next part; returns its label. */
  add(line: string): string {
    const label = FIELDS[this.values.length] ?? '';
    this.values.push(line);
    return label;
  }

  get answer(): { situation: string; task: string; action: string; result: string } {
    const [situation = '', task = '', action = '', result = ''] = this.values;
    return { situation, task, action, result };
  }
}
