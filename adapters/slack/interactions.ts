// Interactions: the slash command, buttons, message shortcuts, typeahead and modal
// submissions. Each is acknowledged first (with a reply that is ready at once, where
// Slack allows one), then becomes a neutral event handled in the work queue.
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  MessageShortcut,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackOptionsMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  SlashCommand,
} from '@slack/bolt';
import { FORM_PREFIX } from '../../src/chat/registry';
import { COMMAND_FORM_CALLBACK } from './command-form';
import { commandFormSubmitted, openCommandForm, openStarForm, starSubmitted } from './forms';
import { inDirectConversation, readCommandLine, slackTime } from './inbound';
import { InlineAck } from './inline-ack';
import type { ListenerHost } from './listener-host';
import { SLASH_COMMAND } from './manifest';
import { fromMrkdwn } from './mrkdwn';
import { channelRef, messageRef, parseRef, workspaceId } from './refs';
import { STAR_FORM_ACTION, STAR_FORM_CALLBACK } from './star-form';
import { suggestionOptions } from './suggest';

type Args<T> = T & AllMiddlewareArgs;

/** `/prep`: acknowledged with its reply when that is ready at once, else empty. */
export async function slashCommand(
  adapter: ListenerHost,
  { command, ack }: Args<SlackCommandMiddlewareArgs>,
): Promise<void> {
  // other commands are answered at the door (edge.ts); this guards a handler that trusts the name
  if (command.command !== SLASH_COMMAND) return ack();
  const inline = new InlineAck(ack, (err) => adapter.logger.warn({ err }, 'could not acknowledge a slash command'));
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
}

/** A button (or any block action): acknowledged, then a button becomes a neutral event. */
export async function blockAction(
  adapter: ListenerHost,
  { body, action, ack }: Args<SlackActionMiddlewareArgs>,
): Promise<void> {
  await ack();
  if (body.type !== 'block_actions' || action.type !== 'button') return;
  // A form's trigger_id expires three seconds after the click: it skips the queue.
  const button = action as ButtonAction;
  const urgent = button.action_id === STAR_FORM_ACTION || button.action_id.startsWith(FORM_PREFIX);
  await adapter.track(() => onButton(adapter, body as BlockAction<ButtonAction>, button), urgent ? 'urgent' : 'queued');
}

/** A message shortcut (More actions > STAR check): its callback_id is the core's message action. */
export async function shortcut(
  adapter: ListenerHost,
  { shortcut, ack }: Args<SlackShortcutMiddlewareArgs>,
): Promise<void> {
  await ack();
  if (shortcut.type !== 'message_action') return;
  await adapter.track(() => onMessageShortcut(adapter, shortcut));
}

/** Typeahead in a modal's external_select: answered in the ack itself, within Slack's 3 s. */
export async function suggestion(adapter: ListenerHost, args: Args<SlackOptionsMiddlewareArgs>): Promise<void> {
  if (args.body.type !== 'block_suggestion') return args.ack();
  const { options, ack } = args as Args<SlackOptionsMiddlewareArgs<'block_suggestion'>>;
  await ack(suggestionOptions(adapter.suggest, options.action_id, options.value));
}

/** A modal submitted (the STAR form, a command form) or closed. */
export async function viewAction(
  adapter: ListenerHost,
  { body, view, ack }: Args<SlackViewMiddlewareArgs>,
): Promise<void> {
  if (body.type !== 'view_submission') return ack();
  const answer = (errors?: Record<string, string>) => (errors ? ack({ response_action: 'errors', errors }) : ack());
  if (view.callback_id === STAR_FORM_CALLBACK) return starSubmitted(adapter, body, view, answer);
  if (view.callback_id === COMMAND_FORM_CALLBACK) return commandFormSubmitted(adapter, body, view, answer);
  await ack();
}

async function onCommand(adapter: ListenerHost, command: SlashCommand, inline: InlineAck): Promise<void> {
  const team = command.team_id;
  const author = await adapter.authors.get(team, command.user_id, command.user_name);
  const { name, text } = readCommandLine(command.text);
  await adapter.deliver({
    type: 'command',
    name,
    text,
    ...(inDirectConversation(command.channel_id, command.channel_name) ? { direct: true } : {}),
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
  if (action.action_id.startsWith(FORM_PREFIX)) return openCommandForm(adapter, body, action);
  const team = body.team?.id ?? body.user.team_id;
  const channel =
    body.channel?.id ?? (body.container.channel_id as string | undefined) ?? (await homeDm(adapter, body));
  const messageTs = body.message?.ts ?? (body.container.message_ts as string | undefined);
  if (!team || !channel) {
    adapter.logger.warn({ actionId: action.action_id }, 'a button outside a channel message; ignored');
    return;
  }
  const threadTs = body.message?.thread_ts !== messageTs ? (body.message?.thread_ts as string | undefined) : undefined;
  if (action.action_id === STAR_FORM_ACTION)
    return openStarForm(adapter, body, action, { team, channel, messageTs, threadTs });
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
