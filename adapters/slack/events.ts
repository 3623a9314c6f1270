// Events: thread replies and direct messages, reactions, the App Home tab opening,
// and the app's removal from a workspace. Each becomes a neutral event (or a store
// change) handled in the work queue after its acknowledgement.
import type { App } from '@slack/bolt';
import { readMessage, readReaction, type SlackMessageEvent, type SlackReactionEvent } from './inbound';
import type { ListenerHost } from './listener-host';
import { channelRef, messageRef, workspaceId } from './refs';

export function registerEvents(app: App, adapter: ListenerHost): void {
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
      if (draft.type === 'message_deleted') await adapter.deliver({ ...base, type: 'message_deleted' });
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
