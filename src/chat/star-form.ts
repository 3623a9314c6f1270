// The STAR form's four fields, in order, as every platform shows them: each adapter
// renders them in its own widgets (a Slack modal, a Discord modal, console prompts)
// and hands the values back keyed as FormSubmittedEvent names them.
import type { FormSubmittedEvent } from './types';

export type StarFieldKey = keyof FormSubmittedEvent['values'];

export interface StarField {
  key: StarFieldKey;
  label: string;
  /** A prompt under or inside the field; plain text, at most 100 characters (Discord's limit). */
  hint: string;
}

export const STAR_FORM_FIELDS: readonly StarField[] = [
  { key: 'situation', label: 'Situation', hint: 'Where and when was it, and what was going on?' },
  { key: 'task', label: 'Task', hint: 'What were you responsible for? What was at stake?' },
  { key: 'action', label: 'Action', hint: 'What did you do, step by step? Say "I", not only "we".' },
  { key: 'result', label: 'Result', hint: 'What changed in the end? Numbers help; so does what you learned.' },
];

/** The button (or console hint) that opens the form, the same on every post and platform. */
export const STAR_FORM_LABEL = 'Answer with the STAR form';
