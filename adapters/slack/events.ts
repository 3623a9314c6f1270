// Events: thread replies and direct messages, reactions, the App Home tab opening,
// and the app's removal from a workspace. Each becomes a neutral event (or a store
// change) handled in the work queue after its acknowledgement.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { firstDelivery } from '../../src/db/dedupe';
import { sharedGuideFile } from './guide-file';
import { readMessage, readReaction, type SlackMessageEvent, type SlackReactionEvent } from './inbound';
import type { ListenerHost } from './listener-host';
import { channelRef, messageRef, workspaceId } from './refs';

/** The events Starling serves (the rest are acknowledged by Bolt and ignored). */
export const SERVED_EVENTS = [
  'message',
  'reaction_added',
  'reaction_removed',
  'app_home_opened',
  'app_uninstalled',
  'tokens_revoked',
] as const;
const SERVED = new RegExp(`^(${SERVED_EVENTS.join('|')})$`);

type EventArgs = SlackEventMiddlewareArgs & AllMiddlewareArgs;

/** A served event: a new delivery becomes a neutral event (or a store change); others are ignored. */
export async function onEvent(adapter: ListenerHost, args: EventArgs): Promise<void> {
  const { event, context } = args;
  if (!SERVED.test(event.type) || !(await firstTime(adapter, args))) return;
  switch (event.type) {
    case 'message':
      return onMessage(adapter, args);
    case 'reaction_added':
    case 'reaction_removed':
      return onReaction(adapter, args);
    case 'app_home_opened': {
      const team = context.teamId;
      if (!team || event.tab !== 'home' || !adapter.homeView) return;
      await adapter.track(() => adapter.publishHome(team, event.user));
      return;
    }
    case 'app_uninstalled':
      await adapter.track(() => forget(adapter, context, 'app_uninstalled'));
      return;
    case 'tokens_revoked':
      if (!event.tokens.bot?.length) return;
      await adapter.track(() => forget(adapter, context, 'tokens_revoked'));
      return;
  }
}

/**
 * Slack redelivers an event it thinks we missed (x-slack-retry-num); the first one wins.
 * A message that is not a thread reply (nor a DM) is nothing for the core: not recorded.
 */
async function firstTime(adapter: ListenerHost, { event, body, context }: EventArgs): Promise<boolean> {
  if (event.type === 'message' && !readMessage(event as SlackMessageEvent, context.botUserId ?? adapter.botUserId)) {
    return false;
  }
  const eventId = (body as { event_id?: unknown }).event_id;
  if (typeof eventId === 'string' && !(await firstDelivery(adapter.db, `slack:${eventId}`))) {
    adapter.logger.info(
      { eventId, retryNum: context.retryNum, retryReason: context.retryReason },
      'dropped a repeated Slack delivery',
    );
    return false;
  }
  return true;
}

async function onMessage(adapter: ListenerHost, { event, body, context }: EventArgs): Promise<void> {
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
    if (shared) {
      const options = { action: 'add' };
      await adapter.deliver({ ...base, type: 'command', name: 'guide', options, file: shared, direct: true });
    } else if (draft.type === 'message_deleted') await adapter.deliver({ ...base, type: 'message_deleted' });
    else if (draft.type === 'message') {
      await adapter.deliver({
        ...base,
        type: 'message',
        text: draft.text,
        ...(draft.direct ? { direct: true } : {}),
      });
    } else await adapter.deliver({ ...base, type: draft.type, text: draft.text });
  });
}

async function onReaction(adapter: ListenerHost, { event: e, context }: EventArgs): Promise<void> {
  const event = e as SlackReactionEvent;
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
