// Modals: the STAR form on a question and a command's form (a `form:<command>` button),
// opened at once on the click (its trigger_id expires three seconds after it), and
// their submissions, checked in the acknowledgement and then handed to the core.
import type { BlockAction, ButtonAction, SlackViewAction, ViewOutput, ViewSubmitAction } from '@slack/bolt';
import { FORM_PREFIX } from '../../src/chat/registry';
import { buildCommandModal, readCommandSubmission } from './command-form';
import { inDirectConversation } from './inbound';
import type { ListenerHost } from './listener-host';
import { channelRef, messageRef, parseRef, workspaceId } from './refs';
import { buildStarModal, readStarSubmission } from './star-form';

/** Acknowledges a submission: with field errors, the modal stays open and shows them. */
type Ack = (errors?: Record<string, string>) => Promise<void>;

/** Opens a modal for the click; false (and the reason logged) when Slack refused it. */
async function openModal(adapter: ListenerHost, team: string, body: BlockAction, view: unknown): Promise<boolean> {
  try {
    await adapter.api.call(team, 'views.open', { trigger_id: body.trigger_id, view }, body.user.id);
    return true;
  } catch (err) {
    adapter.logger.warn({ err }, 'could not open a Slack modal');
    return false;
  }
}

/** The STAR form button on a question: opens the four-field form. */
export async function openStarForm(
  adapter: ListenerHost,
  body: BlockAction<ButtonAction>,
  action: ButtonAction,
  at: { team: string; channel: string; messageTs?: string; threadTs?: string },
): Promise<void> {
  const { team, channel, messageTs, threadTs } = at;
  if (!action.value || !messageTs) return;
  const modal = buildStarModal(
    { postId: action.value, team, channel, threadTs: threadTs ?? messageTs },
    body.message?.text,
  );
  if (await openModal(adapter, team, body, modal)) return;
  await adapter.replier({ team, channel, userId: body.user.id, responseUrl: body.response_url })(
    {
      text: 'The STAR form did not open (Slack took too long). Press the button again, or answer in the thread.',
      kind: 'error',
    },
    { private: true },
  );
}

/** A `form:<command>` button: opens the command's form, before any other call. */
export async function openCommandForm(
  adapter: ListenerHost,
  body: BlockAction<ButtonAction>,
  action: ButtonAction,
): Promise<void> {
  const team = body.team?.id ?? body.user.team_id;
  const name = action.action_id.slice(FORM_PREFIX.length);
  const def = adapter.commandDef?.(name);
  const channel = body.channel?.id ?? (body.container.channel_id as string | undefined);
  const modal =
    team &&
    def &&
    buildCommandModal(def, {
      command: def.name,
      team,
      ...(channel ? { channel } : {}),
      ...(body.response_url ? { responseUrl: body.response_url } : {}),
      ...(!channel || inDirectConversation(channel) ? { direct: true } : {}),
    });
  if (!team || !modal) {
    adapter.logger.warn({ actionId: action.action_id }, 'a form button for a command with no form; ignored');
    return;
  }
  if ((await openModal(adapter, team, body, modal)) || !channel) return;
  await adapter.replier({ team, channel, userId: body.user.id, responseUrl: body.response_url })(
    { text: 'The form did not open (Slack took too long). Press the button again.', kind: 'error' },
    { private: true },
  );
}

/** A submitted STAR form: refused in the modal when empty, else the answer goes to the core. */
export async function starSubmitted(
  adapter: ListenerHost,
  body: SlackViewAction,
  view: ViewOutput,
  ack: Ack,
): Promise<void> {
  const submission = readStarSubmission(view);
  if (!submission.ok) {
    await ack(submission.errors);
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
}

/** A submitted command form: the command runs with the fields as typed options. */
export async function commandFormSubmitted(
  adapter: ListenerHost,
  body: SlackViewAction,
  view: ViewOutput,
  ack: Ack,
): Promise<void> {
  const submission = readCommandSubmission(view, (name) => adapter.commandDef?.(name));
  if (!submission.ok) {
    await ack(submission.errors);
    return;
  }
  await ack();
  await adapter.track(async () => {
    const { context, options } = submission;
    const { team } = context;
    // opened on the App Home: the answer goes to the member's DM with the bot
    const channel = context.channel ?? parseRef(await adapter.openDirect(workspaceId(team), body.user.id)).channel;
    const author = await adapter.authors.get(team, body.user.id, body.user.name);
    await adapter.deliver({
      type: 'command',
      name: context.command,
      text: '',
      options,
      ...(context.direct ? { direct: true } : {}),
      workspace: workspaceId(team),
      channel: channelRef(team, channel),
      author,
      at: new Date(),
      reply: adapter.replier({ team, channel, userId: body.user.id, responseUrl: context.responseUrl }),
      raw: body,
    });
  });
}
