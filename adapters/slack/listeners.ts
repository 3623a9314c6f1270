// Bolt listeners: acknowledge at once (Slack allows three seconds), drop repeated
// deliveries, then turn the payload into a neutral event and hand it to the core.
import type { App, BlockAction, ButtonAction, MessageShortcut, SlashCommand, ViewSubmitAction } from '@slack/bolt';
import type { Kysely } from 'kysely';
import type { InboundEvent, OutboundMessage, ReplyOptions } from '../../src/chat/types';
import { firstDelivery } from '../../src/db/dedupe';
import type { Database } from '../../src/db/schema';
import type { Logger } from '../../src/logger';
import type { SlackApi } from './api';
import type { AuthorCache } from './authors';
import { sharedGuideFile } from './guide-file';
import {
  readCommandLine,
  readMessage,
  readReaction,
  type SlackMessageEvent,
  type SlackReactionEvent,
  slackTime,
} from './inbound';
import { InlineAck } from './inline-ack';
import type { DatabaseInstallationStore } from './installations';
import { SLASH_COMMAND } from './manifest';
import { fromMrkdwn } from './mrkdwn';
import { channelRef, messageRef, parseRef, workspaceId } from './refs';
import type { ReplyPlace } from './reply-place';
import { buildStarModal, readStarSubmission, STAR_FORM_ACTION, STAR_FORM_CALLBACK } from './star-form';
import { type Suggest, suggestionOptions } from './suggest';
import type { Start } from './work-queue';

/** What the listeners need of the adapter: the adapter is one, tests may pass another. */
export interface ListenerHost {
  readonly logger: Logger;
  readonly db: Kysely<Database>;
  readonly botUserId: string | undefined;
  readonly api: SlackApi;
  readonly authors: AuthorCache;
  readonly installations?: DatabaseInstallationStore;
  readonly homeView?: unknown;
  readonly suggest?: Suggest;
  track(work: () => Promise<void>, start?: Start): Promise<void>;
  deliver(event: InboundEvent): Promise<void>;
  replier(place: ReplyPlace): (message: OutboundMessage, options?: ReplyOptions) => Promise<void>;
  publishHome(team: string, userId: string): Promise<void>;
  openDirect(workspace: string, userId: string): Promise<string>;
}

export function registerListeners(app: App, adapter: ListenerHost): void {
  const log = adapter.logger;

  // Slack redelivers an event it thinks we missed (x-slack-retry-num); the first one wins.
  app.use(async ({ body, context, next }) => {
    const event = (body as { event?: { type?: string } }).event;
    if (event?.type === 'message' && !readMessage(event as SlackMessageEvent, context.botUserId ?? adapter.botUserId)) {
      return; // not a thread reply: nothing to record, nothing for the core
    }
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await firstDelivery(adapter.db, `slack:${eventId}`))) {
      log.info(
        { eventId, retryNum: context.retryNum, retryReason: context.retryReason },
        'dropped a repeated Slack delivery',
      );
      return;
    }
    await next();
  });

  app.command(SLASH_COMMAND, async ({ command, ack }) => {
    const inline = new InlineAck(ack, (err) => log.warn({ err }, 'could not acknowledge a slash command'));
    // started at once when a slot is free, so a reply ready at once can ride in the acknowledgement
    const work = adapter.track(async () => {
      try {
        await onCommand(adapter, command, inline);
      } finally {
        await inline.close();
      }
    }, 'eager');
    await inline.acknowledged;
    await work;
  });

  app.action(/.+/, async ({ body, action, ack }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    // The STAR form's trigger_id expires three seconds after the click: it skips the queue.
    const button = action as ButtonAction;
    const urgent = button.action_id === STAR_FORM_ACTION;
    await adapter.track(
      () => onButton(adapter, body as BlockAction<ButtonAction>, button),
      urgent ? 'urgent' : 'queued',
    );
  });

  // A message shortcut (More actions > STAR check): its callback_id is the core's message action.
  app.shortcut({ type: 'message_action' }, async ({ shortcut, ack }) => {
    await ack();
    await adapter.track(() => onMessageShortcut(adapter, shortcut as MessageShortcut));
  });

  // Typeahead in a modal's external_select: answered in the ack itself, within Slack's 3 s.
  app.options<'block_suggestion'>({ type: 'block_suggestion' }, async ({ options, ack }) => {
    await ack(suggestionOptions(adapter.suggest, options.action_id, options.value));
  });

  // One view listener: two matching listeners would both try to ack.
  app.view({ type: 'view_submission' }, async ({ body, view, ack }) => {
    if (view.callback_id !== STAR_FORM_CALLBACK) {
      await ack();
      return;
    }
    const submission = readStarSubmission(view);
    if (!submission.ok) {
      await ack({ response_action: 'errors', errors: submission.errors });
      return;
    }
    await ack();
    await adapter.track(async () => {
      const { context, values } = submission;
      const author = await adapter.authors.get(context.team, body.user.id, body.user.name);
      const place = { team: context.team, channel: context.channel, userId: body.user.id, threadTs: context.threadTs };
      await adapter.deliver({
        type: 'form_submitted',
        form: 'star',
        postId: context.postId,
        values,
        workspace: workspaceId(context.team),
        channel: channelRef(context.team, context.channel),
        thread: messageRef(context.team, context.channel, context.threadTs),
        author,
        at: new Date(),
        reply: adapter.replier(place),
        raw: body as ViewSubmitAction,
      });
    });
  });
  app.view({ type: 'view_closed' }, async ({ ack }) => {
    await ack();
  });

  app.event('message', async ({ event, body, context }) => {
    const team = context.teamId ?? (body as { team_id?: string }).team_id;
    const botUserId = context.botUserId ?? adapter.botUserId;
    const draft = readMessage(event as SlackMessageEvent, botUserId);
    if (!team || !draft) return;
    await adapter.track(async () => {
      const author = await adapter.authors.get(team, draft.userId);
      if (author.isBot) return;
      const base = {
        workspace: workspaceId(team),
        channel: channelRef(team, draft.channel),
        ...(draft.threadTs ? { thread: messageRef(team, draft.channel, draft.threadTs) } : {}),
        author,
        at: draft.at,
        ref: messageRef(team, draft.channel, draft.ts),
        reply: adapter.replier({
          team,
          channel: draft.channel,
          userId: draft.userId,
          threadTs: draft.threadTs,
          messageTs: draft.ts,
        }),
        raw: event,
      };
      // a page shared in the bot's direct messages is `/prep guide add` with that file
      const shared = draft.direct ? sharedGuideFile(event, context.botToken) : undefined;
      if (shared)
        await adapter.deliver({
          ...base,
          type: 'command',
          name: 'guide',
          options: { action: 'add' },
          file: shared,
          direct: true,
        });
      else if (draft.type === 'message_deleted') await adapter.deliver({ ...base, type: 'message_deleted' });
      else if (draft.type === 'message') {
        await adapter.deliver({
          ...base,
          type: 'message',
          text: draft.text,
          ...(draft.direct ? { direct: true } : {}),
        });
      } else await adapter.deliver({ ...base, type: draft.type, text: draft.text });
    });
  });

  const onReaction = async ({
    event,
    context,
  }: {
    event: SlackReactionEvent;
    context: { teamId?: string; botUserId?: string };
  }) => {
    const team = context.teamId;
    const draft = readReaction(event, context.botUserId ?? adapter.botUserId);
    if (!team || !draft) return;
    await adapter.track(async () => {
      const author = await adapter.authors.get(team, draft.userId);
      if (author.isBot) return;
      await adapter.deliver({
        type: 'reaction',
        workspace: workspaceId(team),
        channel: channelRef(team, draft.channel),
        ref: messageRef(team, draft.channel, draft.ts),
        emoji: draft.emoji,
        added: draft.added,
        author,
        at: draft.at,
        reply: adapter.replier({ team, channel: draft.channel, userId: draft.userId, messageTs: draft.ts }),
        raw: event,
      });
    });
  };
  app.event('reaction_added', async ({ event, context }) =>
    onReaction({ event: event as SlackReactionEvent, context }),
  );
  app.event('reaction_removed', async ({ event, context }) =>
    onReaction({ event: event as SlackReactionEvent, context }),
  );

  app.event('app_home_opened', async ({ event, context }) => {
    const team = context.teamId;
    if (!team || event.tab !== 'home' || !adapter.homeView) return;
    await adapter.track(() => adapter.publishHome(team, event.user));
  });

  app.event('app_uninstalled', async ({ context }) => {
    await adapter.track(() => forget(adapter, context, 'app_uninstalled'));
  });
  app.event('tokens_revoked', async ({ event, context }) => {
    if (!event.tokens.bot?.length) return;
    await adapter.track(() => forget(adapter, context, 'tokens_revoked'));
  });
}

async function onCommand(adapter: ListenerHost, command: SlashCommand, inline: InlineAck): Promise<void> {
  const team = command.team_id;
  const author = await adapter.authors.get(team, command.user_id, command.user_name);
  const { name, text } = readCommandLine(command.text);
  await adapter.deliver({
    type: 'command',
    name,
    text,
    workspace: workspaceId(team),
    channel: channelRef(team, command.channel_id),
    author,
    at: new Date(),
    reply: adapter.replier({
      team,
      channel: command.channel_id,
      userId: command.user_id,
      responseUrl: command.response_url,
      inline,
    }),
    raw: command,
  });
}

async function onMessageShortcut(adapter: ListenerHost, shortcut: MessageShortcut): Promise<void> {
  const team = shortcut.team?.id ?? shortcut.user.team_id;
  if (!team) {
    adapter.logger.warn({ callbackId: shortcut.callback_id }, 'a message shortcut without a workspace; ignored');
    return;
  }
  const channel = shortcut.channel.id;
  const { message } = shortcut;
  const author = await adapter.authors.get(team, shortcut.user.id, shortcut.user.name);
  const writer = message.user ? await adapter.authors.get(team, message.user) : undefined;
  await adapter.deliver({
    type: 'message_action',
    name: shortcut.callback_id,
    target: {
      ref: messageRef(team, channel, message.ts),
      text: fromMrkdwn(message.text ?? ''),
      authorId: message.user ?? message.bot_id ?? '',
      ...(writer ? { authorName: writer.name } : message.username ? { authorName: message.username } : {}),
    },
    workspace: workspaceId(team),
    channel: channelRef(team, channel),
    ...(message.thread_ts && message.thread_ts !== message.ts
      ? { thread: messageRef(team, channel, message.thread_ts) }
      : {}),
    author,
    at: slackTime(shortcut.action_ts),
    // the response_url reaches the member even in a conversation the bot is not in
    reply: adapter.replier({ team, channel, userId: shortcut.user.id, responseUrl: shortcut.response_url }),
    raw: shortcut,
  });
}

/** A button on the App Home has no channel: its answer goes to the member's DM with the bot. */
async function homeDm(adapter: ListenerHost, body: BlockAction<ButtonAction>): Promise<string | undefined> {
  const team = body.team?.id ?? body.user.team_id;
  if (body.container.type !== 'view' || body.view?.type !== 'home' || !team) return undefined;
  return parseRef(await adapter.openDirect(workspaceId(team), body.user.id)).channel;
}

async function onButton(adapter: ListenerHost, body: BlockAction<ButtonAction>, action: ButtonAction): Promise<void> {
  const team = body.team?.id ?? body.user.team_id;
  const channel =
    body.channel?.id ?? (body.container.channel_id as string | undefined) ?? (await homeDm(adapter, body));
  const messageTs = body.message?.ts ?? (body.container.message_ts as string | undefined);
  if (!team || !channel) {
    adapter.logger.warn({ actionId: action.action_id }, 'a button outside a channel message; ignored');
    return;
  }
  const threadTs = body.message?.thread_ts !== messageTs ? (body.message?.thread_ts as string | undefined) : undefined;
  if (action.action_id === STAR_FORM_ACTION) {
    const place = { team, channel, userId: body.user.id, responseUrl: body.response_url };
    if (!action.value || !messageTs) return;
    const modal = buildStarModal(
      { postId: action.value, team, channel, threadTs: threadTs ?? messageTs },
      body.message?.text,
    );
    try {
      // trigger_id expires three seconds after the click: open the modal before anything else.
      await adapter.api.call(team, 'views.open', { trigger_id: body.trigger_id, view: modal }, body.user.id);
    } catch (err) {
      adapter.logger.warn({ err }, 'could not open the STAR form');
      await adapter.replier(place)(
        {
          text: 'The STAR form did not open (Slack took too long). Press the button again, or answer in the thread.',
          kind: 'error',
        },
        { private: true },
      );
    }
    return;
  }
  const author = await adapter.authors.get(team, body.user.id, body.user.name ?? body.user.username);
  await adapter.deliver({
    type: 'button',
    actionId: action.action_id,
    ...(action.value !== undefined ? { value: action.value } : {}),
    ...(messageTs && !body.container.is_ephemeral ? { messageRef: messageRef(team, channel, messageTs) } : {}),
    workspace: workspaceId(team),
    channel: channelRef(team, channel),
    ...(threadTs ? { thread: messageRef(team, channel, threadTs) } : {}),
    author,
    at: slackTime(action.action_ts),
    reply: adapter.replier({
      team,
      channel,
      userId: body.user.id,
      threadTs,
      messageTs,
      responseUrl: body.response_url,
      replaceOriginal: body.container.is_ephemeral === true,
    }),
    raw: body,
  });
}

async function forget(
  adapter: ListenerHost,
  context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean },
  why: string,
): Promise<void> {
  if (!adapter.installations) {
    adapter.logger.warn(
      { team: context.teamId, why },
      'Starling was removed from the Slack workspace; its SLACK_BOT_TOKEN no longer works',
    );
    return;
  }
  await adapter.installations.deleteInstallation({
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall ?? false,
  });
  adapter.logger.info({ team: context.teamId, why }, 'Slack installation removed');
}
