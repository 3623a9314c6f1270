// Every request Slack sends passes here before Bolt sees it. What Starling serves must fit
// its schema (what the listeners read, with the types Slack documents); what it does not
// serve is acknowledged and dropped: another app's slash command gets a short private line
// naming /prep, shortcuts and menus a silent ack. A payload that does not fit is
// acknowledged (Slack must not retry it) and logged once, at warn, with what was wrong.
import { z } from 'zod';
import { SLASH_COMMAND } from './manifest';

// Slack's ids and timestamps are short; a long one is not from Slack and would only cost lookups
const id = z.string().min(1).max(255);
const optId = id.nullish();
const ts = z.string().max(40).nullish();
const opt = z.string().nullish();
const loose = z.looseObject;

const messageBody = loose({ user: optId, text: opt, ts, thread_ts: ts, subtype: opt, bot_id: opt });
const EVENTS: Record<string, z.ZodType> = {
  message: loose({
    channel: id,
    // Bolt itself reads event.user, and fails on a null
    user: id.optional(),
    text: opt,
    ts,
    thread_ts: ts,
    subtype: opt,
    bot_id: opt,
    event_ts: ts,
    deleted_ts: ts,
    message: messageBody.nullish(),
    previous_message: messageBody.nullish(),
  }),
  reaction_added: loose({ user: id, reaction: id, item: loose({ type: id, channel: optId, ts }), event_ts: ts }),
  reaction_removed: loose({ user: id, reaction: id, item: loose({ type: id, channel: optId, ts }), event_ts: ts }),
  app_home_opened: loose({ user: id, tab: opt, channel: id.optional() }),
  member_joined_channel: loose({ user: id, channel: id }),
  tokens_revoked: loose({
    tokens: loose({ bot: z.array(z.string()).nullish(), oauth: z.array(z.string()).nullish() }),
  }),
  app_uninstalled: loose({}),
};

// What Bolt itself reads of every event before any listener runs: it fails on a null here
const eventBase = loose({
  type: id,
  user: z.union([id, loose({ id })]).optional(),
  channel: z.union([id, loose({})]).optional(),
  channel_id: z.string().optional(),
  item: loose({}).optional(),
  subteam: loose({}).optional(),
});
const envelope = loose({
  type: z.literal('event_callback'),
  team_id: z.string().optional(),
  enterprise_id: z.string().nullish(),
  event_id: z.string().optional(),
  authorizations: z.array(loose({})).optional(),
  event: eventBase,
});
const command = loose({
  command: id,
  text: z.string(),
  team_id: id,
  user_id: id,
  channel_id: id,
  user_name: z.string().optional(),
  response_url: z.string().optional(),
  trigger_id: z.string().optional(),
});
const who = loose({ id, team_id: optId, name: opt, username: opt });
const team = loose({ id }).nullish();
// what Bolt reads of every interaction: a channel, when there, is an object
const interaction = {
  user: who,
  team,
  enterprise: loose({}).nullish(),
  channel: loose({ id }).optional(),
  response_url: z.string().optional(),
  response_urls: z.array(loose({ response_url: z.string() })).optional(),
};
const blockActions = loose({
  ...interaction,
  type: z.literal('block_actions'),
  actions: z.array(loose({ action_id: id, type: id, value: opt, action_ts: ts })).min(1),
  container: loose({ channel_id: optId, message_ts: ts, is_ephemeral: z.boolean().nullish() }),
  message: loose({ ts, thread_ts: ts, text: opt }).nullish(),
  trigger_id: z.string().optional(),
});
const messageAction = loose({
  ...interaction,
  type: z.literal('message_action'),
  callback_id: id,
  channel: loose({ id }),
  team: loose({ id }),
  message_ts: ts,
  message: loose({ user: optId, bot_id: opt, username: opt, text: opt, ts }),
  trigger_id: z.string().optional(),
});
const blockSuggestion = loose({
  ...interaction,
  type: z.literal('block_suggestion'),
  action_id: id,
  value: z.string().max(500),
});
const view = loose({
  id,
  callback_id: z.string(),
  private_metadata: opt,
  state: loose({ values: z.record(z.string(), z.record(z.string(), loose({ value: opt }))).optional() }).nullish(),
});
const viewPayload = loose({ ...interaction, type: z.enum(['view_submission', 'view_closed']), view });

/** Kinds Starling does not serve: acknowledged so Slack stops waiting, and nothing else. */
const UNSERVED = new Set([
  'shortcut',
  'interactive_message',
  'dialog_submission',
  'dialog_cancellation',
  'dialog_suggestion',
  'workflow_step_edit',
]);

export type Admission =
  | { pass: true }
  | {
      pass: false;
      kind: string;
      /** What ack() answers with: a short line for another slash command, options for a menu. */
      response?: Record<string, unknown>;
      /** Why it does not fit; absent for kinds dropped on purpose. */
      problem?: string;
    };

function problemOf(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
    .join('; ');
}

function check(kind: string, schema: z.ZodType, body: unknown): Admission {
  const r = schema.safeParse(body);
  return r.success ? { pass: true } : { pass: false, kind, problem: problemOf(r.error) };
}

/** Whether a request goes on to Bolt, or how it is acknowledged and dropped. */
export function admit(body: unknown): Admission {
  if (!body || typeof body !== 'object') return { pass: false, kind: 'unknown', problem: 'not an object' };
  const b = body as Record<string, unknown>;
  if ('command' in b) {
    const kind = `slash command ${typeof b.command === 'string' ? b.command.slice(0, 40) : ''}`.trim();
    const verdict = check(kind, command, b);
    if (!verdict.pass || b.command === SLASH_COMMAND) return verdict;
    return { pass: false, kind, response: { response_type: 'ephemeral', text: OTHER_COMMAND } };
  }
  const type = typeof b.type === 'string' ? b.type : undefined;
  if (type === 'event_callback') {
    const outer = check('event', envelope, b);
    if (!outer.pass) return outer;
    const eventType = (b.event as { type: string }).type;
    const schema = EVENTS[eventType];
    return schema ? check(`event ${eventType}`, schema, b.event) : { pass: true };
  }
  if (type === 'block_actions') return check('block_actions', blockActions, b);
  if (type === 'view_submission' || type === 'view_closed') return check(type, viewPayload, b);
  if (type === 'message_action') return check(type, messageAction, b);
  if (type === 'block_suggestion') return check(type, blockSuggestion, b);
  if (type && UNSERVED.has(type)) {
    return { pass: false, kind: type };
  }
  return {
    pass: false,
    kind: type ? `type ${type.slice(0, 40)}` : 'unknown',
    problem: 'a kind of request Starling does not handle',
  };
}

const OTHER_COMMAND = `Starling answers ${SLASH_COMMAND} only: try \`${SLASH_COMMAND} help\`.`;
