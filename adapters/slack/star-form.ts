// The STAR form: a button on the question opens a modal with four fields; its
// submission comes back as a view_submission whose private_metadata says which
// question (and which thread) the answer belongs to.
import type { types } from '@slack/bolt';
import { STAR_FORM_FIELDS, type StarFieldKey } from '../../src/chat/star-form';

export const STAR_FORM_ACTION = 'starling_star_form';
export const STAR_FORM_CALLBACK = 'starling_star_form';
const INPUT_ACTION = 'value';
const FIELD_MAX = 3000;

/** What the modal carries from the click to the submission. */
export interface StarFormContext {
  postId: string;
  team: string;
  channel: string;
  /** The question message: the answer goes into its thread. */
  threadTs: string;
}

export function buildStarModal(context: StarFormContext, question?: string): types.ModalView {
  const blocks: types.KnownBlock[] = [];
  if (question?.trim()) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: question.slice(0, FIELD_MAX) } });
  }
  for (const f of STAR_FORM_FIELDS) {
    blocks.push({
      type: 'input',
      block_id: f.key,
      optional: true,
      label: { type: 'plain_text', text: f.label },
      hint: { type: 'plain_text', text: f.hint },
      element: { type: 'plain_text_input', action_id: INPUT_ACTION, multiline: true, max_length: FIELD_MAX },
    });
  }
  return {
    type: 'modal',
    callback_id: STAR_FORM_CALLBACK,
    title: { type: 'plain_text', text: 'Your STAR answer' },
    submit: { type: 'plain_text', text: 'Post answer' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify({ p: context.postId, t: context.team, c: context.channel, ts: context.threadTs }),
    blocks,
  };
}

export type StarSubmission =
  | { ok: true; context: StarFormContext; values: Record<StarFieldKey, string> }
  | { ok: false; errors: Record<string, string> };

/** Reads a submitted STAR modal; an all-empty form is sent back with a field error. */
export function readStarSubmission(view: {
  private_metadata?: string;
  state?: { values?: Record<string, Record<string, { value?: string | null }>> };
}): StarSubmission {
  let meta: unknown;
  try {
    meta = JSON.parse(view.private_metadata ?? '');
  } catch {
    meta = undefined;
  }
  const m = meta as { p?: unknown; t?: unknown; c?: unknown; ts?: unknown } | undefined;
  if (!m || typeof m.p !== 'string' || typeof m.t !== 'string' || typeof m.c !== 'string' || typeof m.ts !== 'string') {
    return {
      ok: false,
      errors: { situation: 'This form has expired. Close it and press the button on the question again.' },
    };
  }
  const values = {} as Record<StarFieldKey, string>;
  for (const f of STAR_FORM_FIELDS) values[f.key] = (view.state?.values?.[f.key]?.[INPUT_ACTION]?.value ?? '').trim();
  if (STAR_FORM_FIELDS.every((f) => values[f.key] === '')) {
    return { ok: false, errors: { situation: 'Write at least one part of your answer before posting it.' } };
  }
  return { ok: true, context: { postId: m.p, team: m.t, channel: m.c, threadTs: m.ts }, values };
}
