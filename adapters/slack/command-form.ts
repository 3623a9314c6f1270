// A command's form as a Slack modal: a `form:<command>` button opens it with one input
// per field the command declares (employers and categories as typeahead selects served
// from the guides, see suggest.ts); its submission runs the command with the fields as
// typed options, as Discord's options arrive. private_metadata carries where it was
// opened, so the answer goes back there.
import type { types } from '@slack/bolt';
import type { CommandDef, CommandOption } from '../../src/chat/registry';
import { suggestSelect } from './suggest';

export const COMMAND_FORM_CALLBACK = 'starling_command_form';
const INPUT_ACTION = 'value';
const TEXT_MAX = 200;
/** Slack caps a modal's title and buttons at 24 characters. */
const TITLE_MAX = 24;

/** Where the form was opened: the command's answer goes back there. */
export interface CommandFormContext {
  command: string;
  team: string;
  /** The channel of the message the button was on; none on the App Home (the answer goes to the DM). */
  channel?: string;
  /** The button's response_url: private answers reach the member even where the bot is not a member. */
  responseUrl?: string;
  /** Opened outside a group's channel (the App Home, a direct message). */
  direct?: boolean;
}

type Def = CommandDef<any, any>;

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

function labelOf(option: CommandOption): string {
  const words = option.name.replace(/[-_]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function elementFor(option: CommandOption): types.InputBlock['element'] {
  if (option.autocomplete) {
    return suggestSelect(
      option.autocomplete,
      `Start typing ${option.autocomplete === 'employer' ? 'an employer' : 'a category'}`,
    ) as types.ExternalSelect;
  }
  if (option.choices?.length) {
    return {
      type: 'static_select',
      action_id: INPUT_ACTION,
      options: option.choices.map((c) => ({ text: { type: 'plain_text', text: c }, value: c })),
    };
  }
  if (option.type === 'integer') return { type: 'number_input', action_id: INPUT_ACTION, is_decimal_allowed: false };
  return { type: 'plain_text_input', action_id: INPUT_ACTION, max_length: TEXT_MAX };
}

/** The modal for `def`'s form; undefined when the command has none. */
export function buildCommandModal(def: Def, context: CommandFormContext): types.ModalView | undefined {
  const form = def.form;
  if (!form) return undefined;
  const blocks: types.KnownBlock[] = [];
  for (const name of form.fields) {
    const option = def.options.find((o) => o.name === name);
    if (!option || option.type === 'boolean' || option.type === 'user') continue;
    blocks.push({
      type: 'input',
      block_id: option.name,
      optional: !form.required?.includes(option.name),
      label: { type: 'plain_text', text: labelOf(option) },
      hint: { type: 'plain_text', text: option.description },
      element: elementFor(option),
    });
  }
  const meta = { n: context.command, t: context.team, c: context.channel, r: context.responseUrl, d: context.direct };
  return {
    type: 'modal',
    callback_id: COMMAND_FORM_CALLBACK,
    title: { type: 'plain_text', text: clip(form.title, TITLE_MAX) },
    submit: { type: 'plain_text', text: clip(form.submit, TITLE_MAX) },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(meta),
    blocks,
  };
}

/** What a submitted field holds: a typed value, a picked option, or a number. */
interface FieldState {
  value?: string | null;
  selected_option?: { value?: string | null } | null;
}

export type CommandSubmission =
  | { ok: true; context: CommandFormContext; options: Record<string, string | number> }
  | { ok: false; errors: Record<string, string> };

function readContext(privateMetadata: string | undefined): CommandFormContext | undefined {
  let meta: unknown;
  try {
    meta = JSON.parse(privateMetadata ?? '');
  } catch {
    return undefined;
  }
  const m = meta as { n?: unknown; t?: unknown; c?: unknown; r?: unknown; d?: unknown } | null;
  if (!m || typeof m.n !== 'string' || typeof m.t !== 'string') return undefined;
  return {
    command: m.n,
    team: m.t,
    ...(typeof m.c === 'string' ? { channel: m.c } : {}),
    ...(typeof m.r === 'string' ? { responseUrl: m.r } : {}),
    ...(m.d === true ? { direct: true } : {}),
  };
}

/** Reads a submitted command form; one from an unknown command or with bad metadata is refused in the modal. */
export function readCommandSubmission(
  view: { private_metadata?: string; state?: { values?: Record<string, Record<string, FieldState>> } },
  commandOf: (name: string) => Def | undefined,
): CommandSubmission {
  const values = view.state?.values ?? {};
  const firstBlock = Object.keys(values)[0] ?? 'employer';
  const context = readContext(view.private_metadata);
  const def = context && commandOf(context.command);
  if (!context || !def?.form) {
    return { ok: false, errors: { [firstBlock]: 'This form has expired. Close it and press the button again.' } };
  }
  const options: Record<string, string | number> = {};
  for (const name of def.form.fields) {
    const option = def.options.find((o) => o.name === name);
    const field = Object.values(values[name] ?? {})[0];
    const raw = (field?.selected_option?.value ?? field?.value ?? '').trim();
    if (!option || raw === '') continue;
    if (option.type === 'integer') {
      const n = Number(raw);
      if (!Number.isInteger(n)) return { ok: false, errors: { [name]: 'Write a whole number.' } };
      options[name] = n;
    } else options[name] = raw.slice(0, TEXT_MAX);
  }
  const missing = def.form.required?.find((name) => options[name] === undefined);
  if (missing) return { ok: false, errors: { [missing]: 'Fill this in.' } };
  return { ok: true, context, options };
}
