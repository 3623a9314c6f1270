// Requests as Slack sends them to /slack/events: signed with the signing secret,
// slash commands and interactions form-encoded, events as JSON, with payloads shaped
// like Slack's own (typed with Bolt's types so drift fails to compile).
import { createHmac } from 'node:crypto';
import type {
  BlockAction,
  ButtonAction,
  EnvelopedEvent,
  MessageShortcut,
  SlashCommand,
  ViewSubmitAction,
} from '@slack/bolt';

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const TEAM = 'T0STUDY01';
export const CHANNEL = 'C0PRACTICE';
export const BOT_TOKEN = 'xoxb-1111-2222-study';
export const BOT_USER = 'U0STARLING';

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  secret?: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  signature?: string;
  retryNum?: number;
  contentType?: string;
}

export interface SlackResponse {
  status: number;
  body: string;
}

export async function send(
  port: number,
  body: string,
  contentType: string,
  options: SendOptions = {},
): Promise<SlackResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'Content-Type': options.contentType ?? contentType,
    'X-Slack-Request-Timestamp': String(timestamp),
    'X-Slack-Signature': options.signature ?? sign(options.secret ?? SIGNING_SECRET, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers['X-Slack-Retry-Num'] = String(options.retryNum);
    headers['X-Slack-Retry-Reason'] = 'http_timeout';
  }
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers, body });
  return { status: res.status, body: await res.text() };
}

export const FORM = 'application/x-www-form-urlencoded';

export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

export function interactionBody(payload: unknown): string {
  return formBody({ payload: JSON.stringify(payload) });
}

let counter = 0;
const next = () => ++counter;

export function slashCommand(
  text: string,
  over: Partial<SlashCommand> & { responseId?: string; responseBase?: string } = {},
): SlashCommand {
  const { responseId, responseBase, ...rest } = over;
  const id = responseId ?? `cmd-${next()}`;
  return {
    token: 'verification-token-unused',
    team_id: TEAM,
    team_domain: 'study-group',
    channel_id: CHANNEL,
    channel_name: 'interview-practice',
    user_id: 'U0ALICE',
    user_name: 'alice',
    command: '/prep',
    text,
    api_app_id: 'A0STARLING',
    is_enterprise_install: 'false',
    response_url: `${responseBase ?? 'http://127.0.0.1:9/respond/'}${id}`,
    trigger_id: `${next()}.1234.abcdef`,
    ...rest,
  };
}

type MessageFields = {
  channel?: string;
  user?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
  [key: string]: unknown;
};

export function eventEnvelope<E extends { type: string }>(
  event: E,
  over: { team?: string; eventId?: string } = {},
): EnvelopedEvent<E> {
  const team = over.team ?? TEAM;
  return {
    token: 'verification-token-unused',
    team_id: team,
    context_team_id: team,
    api_app_id: 'A0STARLING',
    event,
    type: 'event_callback',
    event_id: over.eventId ?? `Ev0${next()}ABCDEF`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { enterprise_id: null, team_id: team, user_id: BOT_USER, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
  };
}

export function messageEvent(fields: MessageFields) {
  const ts = fields.ts ?? `${1_700_100_000 + next()}.000100`;
  return {
    type: 'message' as const,
    channel: CHANNEL,
    user: 'U0ALICE',
    text: '',
    ts,
    event_ts: ts,
    channel_type: 'channel' as const,
    client_msg_id: `c0ffee-${next()}`,
    team: TEAM,
    ...fields,
  };
}

export function messageChanged(channel: string, before: MessageFields, after: MessageFields) {
  const ts = `${1_700_200_000 + next()}.000200`;
  return {
    type: 'message' as const,
    subtype: 'message_changed' as const,
    hidden: true as const,
    channel,
    channel_type: 'channel' as const,
    ts,
    event_ts: ts,
    message: { type: 'message', edited: { user: after.user, ts }, ...after },
    previous_message: { type: 'message', ...before },
  };
}

export function messageDeleted(channel: string, before: MessageFields) {
  const ts = `${1_700_300_000 + next()}.000300`;
  return {
    type: 'message' as const,
    subtype: 'message_deleted' as const,
    hidden: true as const,
    channel,
    channel_type: 'channel' as const,
    ts,
    event_ts: ts,
    deleted_ts: String(before.ts),
    previous_message: { type: 'message', ...before },
  };
}

export function buttonClick(
  action: { action_id: string; value?: string },
  message: { ts: string; text?: string; thread_ts?: string },
  over: { user?: string; channel?: string; responseUrl?: string; team?: string; ephemeral?: boolean } = {},
): BlockAction<ButtonAction> {
  const team = over.team ?? TEAM;
  const channel = over.channel ?? CHANNEL;
  return {
    type: 'block_actions',
    team: { id: team, domain: 'study-group' },
    user: { id: over.user ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: team },
    api_app_id: 'A0STARLING',
    token: 'verification-token-unused',
    container: { type: 'message', message_ts: message.ts, channel_id: channel, is_ephemeral: Boolean(over.ephemeral) },
    trigger_id: `${next()}.5678.fedcba`,
    channel: { id: channel, name: 'interview-practice' },
    // Slack sends no message body for a click on an ephemeral message, only the container.
    ...(over.ephemeral
      ? {}
      : {
          message: {
            type: 'message' as const,
            user: BOT_USER,
            bot_id: 'B0STARLING',
            ts: message.ts,
            text: message.text ?? '',
            ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
          },
        }),
    response_url: over.responseUrl ?? 'http://127.0.0.1:9/respond/none',
    actions: [
      {
        type: 'button',
        action_id: action.action_id,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'Press' },
        ...(action.value !== undefined ? { value: action.value } : {}),
        action_ts: `${Math.floor(Date.now() / 1000)}.000400`,
      },
    ],
  };
}

export function viewSubmission(
  view: { callback_id: string; private_metadata: string },
  values: Record<string, string | null>,
  over: { user?: string; team?: string } = {},
): ViewSubmitAction {
  const team = over.team ?? TEAM;
  const state: Record<string, Record<string, { type: 'plain_text_input'; value: string | null }>> = {};
  for (const [k, v] of Object.entries(values)) state[k] = { value: { type: 'plain_text_input', value: v } };
  return {
    type: 'view_submission',
    team: { id: team, domain: 'study-group' },
    user: { id: over.user ?? 'U0ALICE', name: 'alice', team_id: team },
    api_app_id: 'A0STARLING',
    token: 'verification-token-unused',
    trigger_id: `${next()}.9999.abc`,
    view: {
      id: 'V0FORM',
      team_id: team,
      type: 'modal',
      blocks: [],
      private_metadata: view.private_metadata,
      callback_id: view.callback_id,
      state: { values: state },
      hash: '1700000000.abc',
      title: { type: 'plain_text', text: 'Your STAR answer' },
      close: null,
      submit: null,
      root_view_id: 'V0FORM',
      previous_view_id: null,
      app_id: 'A0STARLING',
      external_id: '',
      app_installed_team_id: team,
      bot_id: 'B0STARLING',
      clear_on_close: false,
      notify_on_close: false,
    },
    response_urls: [],
  } as ViewSubmitAction;
}

/** A reply Slack shows a member: in an acknowledgement's body or POSTed to a response_url. */
export type ShownReply = { text: string; blocks?: unknown[]; response_type?: string; [k: string]: any };

type ShownBlock = { text?: { text?: string }; elements?: { text?: string }[] };

/** The words of a reply's blocks, in order, as Slack reads them when a reply has no `text`. */
export function blocksText(blocks: unknown[]): string {
  return (blocks as ShownBlock[])
    .flatMap((b) => [b.text?.text, ...(b.elements ?? []).map((e) => e.text)])
    .filter((t): t is string => typeof t === 'string')
    .join('\n');
}

/** The reply a slash command's acknowledgement carried, if any; `text` is what the member reads. */
export function ackReply(ack: SlackResponse): ShownReply | undefined {
  if (!ack.body.trim().startsWith('{')) return undefined;
  const body = JSON.parse(ack.body) as Partial<ShownReply>;
  if (typeof body.text === 'string') return body as ShownReply;
  return Array.isArray(body.blocks) ? { ...body, text: blocksText(body.blocks) } : undefined;
}

/** What Slack showed the member for a command: the acknowledgement's reply, then those sent to its response_url. */
export function commandReplies(
  ack: SlackResponse,
  responses: { id: string; body: ShownReply }[],
  id: string,
): ShownReply[] {
  const inline = ackReply(ack);
  return [...(inline ? [inline] : []), ...responses.filter((r) => r.id === id).map((r) => r.body)];
}

/** More actions > `callbackId` on a message, as Slack posts a message shortcut. */
export function messageShortcut(
  callbackId: string,
  message: { ts: string; text: string; user: string; thread_ts?: string },
  over: { user?: string; channel?: string; responseUrl?: string } = {},
): MessageShortcut {
  const channel = over.channel ?? CHANNEL;
  return {
    type: 'message_action',
    callback_id: callbackId,
    trigger_id: `${next()}.5678.fedcba`,
    message_ts: message.ts,
    response_url: over.responseUrl ?? 'http://127.0.0.1:9/respond/none',
    message: { type: 'message', ...message },
    user: { id: over.user ?? 'U0ALICE', name: 'alice', team_id: TEAM },
    channel: { id: channel, name: channel.startsWith('D') ? 'directmessage' : 'interview-practice' },
    team: { id: TEAM, domain: 'study-group' },
    token: 'verification-token-unused',
    action_ts: `${Math.floor(Date.now() / 1000)}.000500`,
  } as MessageShortcut;
}
