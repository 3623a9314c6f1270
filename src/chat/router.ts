// The router turns inbound events into command runs and feature handler calls, and
// owns the one error handler: refusals are shown, everything else is logged and
// answered with a short apology. It knows features only through what it is handed.
import type { Logger } from 'pino';
import { isDamage } from '../db/damage';
import { PlatformError, UserError } from './errors';
import { type CommandRegistry, type CommandReply, parseArgs, RUN_PREFIX, rawArgs } from './registry';
import type { InboundEvent, OutboundMessage } from './types';

const DAMAGED =
  'the database file is damaged, so this could not be saved or read: stop Starling and restore a backup over the file, or move it aside and start again (`starling db status` names the file)';

type Handler<E> = (event: E) => Promise<void>;
type Of<T extends InboundEvent['type']> = Extract<InboundEvent, { type: T }>;

export interface EventHandlers {
  message?: Handler<Of<'message'>>;
  message_edited?: Handler<Of<'message_edited'>>;
  message_deleted?: Handler<Of<'message_deleted'>>;
  form_submitted?: Handler<Of<'form_submitted'>>;
  reaction?: Handler<Of<'reaction'>>;
}

export interface RouterOptions<C> {
  registry: CommandRegistry<C>;
  ctx: C;
  logger: Logger;
  handlers?: EventHandlers;
  /** The command users type, for messages: `/prep`. */
  commandPrefix?: string;
}

export type Router = (event: InboundEvent) => Promise<void>;

function errorReply(err: UserError): OutboundMessage {
  const text = err.example ? `${err.message}\nTry: ${err.example}` : err.message;
  return { text, kind: 'error' };
}

/**
 * The platform refused something the command needed (posting in a channel the bot
 * was never invited to, a missing permission): the person can fix that, so they
 * are told what happened and what to do instead of getting an apology.
 */
function refusalReply(err: PlatformError): OutboundMessage | undefined {
  const code = err.code ? ` (${err.code})` : '';
  const say = (what: string, fallback: string): OutboundMessage => ({
    text: `${what}${code}. ${err.hint ?? fallback}`,
    kind: 'error',
  });
  switch (err.kind) {
    case 'channel_unavailable':
      return say("Starling can't post in this channel", 'Invite the bot to this channel, then try again.');
    case 'no_permission':
      return say(
        'Starling is missing a permission here',
        'Ask whoever installed Starling to grant the permissions listed in its README, then try again.',
      );
    case 'user_unreachable':
      return say("Starling couldn't reach that member", 'Check that their account is active and accepts messages.');
    case 'rate_limited':
      return { text: 'The chat platform asked Starling to slow down. Please try again in a minute.', kind: 'error' };
    default:
      return undefined;
  }
}

const APOLOGY: OutboundMessage = {
  text: 'Sorry, something went wrong on our side and it has been logged. Please try again in a moment; if it keeps happening, tell whoever runs this bot.',
  kind: 'error',
};

export function createRouter<C>(options: RouterOptions<C>): Router {
  const { registry, ctx, logger, handlers = {} } = options;
  const prefix = options.commandPrefix ?? '/prep';

  async function send(event: InboundEvent, reply: CommandReply | undefined): Promise<void> {
    if (!reply) return;
    const { visibility, ...message } = reply;
    await event.reply(message, { private: visibility !== 'channel' });
  }

  async function dispatch(event: InboundEvent): Promise<void> {
    switch (event.type) {
      case 'command': {
        const name = (event.name || 'help').toLowerCase();
        const def = registry.get(name);
        if (!def) {
          const near = registry.suggest(name);
          throw new UserError(
            `There is no \`${prefix} ${name}\` command.${near.length ? ` Did you mean ${near.map((n) => `\`${prefix} ${n}\``).join(' or ')}?` : ''}`,
            `\`${prefix} help\` lists every command`,
          );
        }
        if (def.guard === 'admin' && !event.author.isAdmin) {
          throw new UserError(
            `Only channel admins can use \`${prefix} ${def.name}\`.`,
            'ask an admin of this channel to run it',
          );
        }
        if (event.direct && !def.direct) {
          throw new UserError(
            `\`${prefix} ${def.name}\` belongs to a channel of your group: use it in a server or workspace channel where Starling is.`,
            `\`${prefix} help\` here lists what works in a direct message`,
          );
        }
        const args = parseArgs(def, rawArgs(def, event));
        await send(event, await def.run(ctx, args, event));
        return;
      }
      case 'button': {
        const shortcut = event.actionId.startsWith(RUN_PREFIX)
          ? registry.get(event.actionId.slice(RUN_PREFIX.length))
          : undefined;
        if (shortcut?.home) {
          const command = { ...event, type: 'command' as const, name: shortcut.name, text: '' };
          await send(event, await shortcut.run(ctx, parseArgs(shortcut, {}), command));
          return;
        }
        const action = registry.action(event.actionId);
        if (!action) {
          logger.warn({ actionId: event.actionId }, 'button with no handler');
          throw new UserError('That button is no longer active.', `use \`${prefix} help\` to see what you can do`);
        }
        await send(event, await action.run(ctx, event));
        return;
      }
      case 'message_action': {
        const action = registry.messageAction(event.name);
        if (!action) {
          logger.warn({ name: event.name }, 'message action with no handler');
          throw new UserError('That menu entry is no longer offered.', `use \`${prefix} help\` to see what you can do`);
        }
        await send(event, await action.run(ctx, event));
        return;
      }
      case 'message':
        return handlers.message?.(event);
      case 'message_edited':
        return handlers.message_edited?.(event);
      case 'message_deleted':
        return handlers.message_deleted?.(event);
      case 'form_submitted':
        return handlers.form_submitted?.(event);
      case 'reaction':
        return handlers.reaction?.(event);
    }
  }

  return async (event) => {
    try {
      await dispatch(event);
    } catch (err) {
      if (err instanceof UserError) {
        await event
          .reply(errorReply(err), { private: true })
          .catch((e) => logger.warn({ err: e }, 'could not show a refusal'));
        return;
      }
      const refusal = err instanceof PlatformError ? refusalReply(err) : undefined;
      if (refusal && err instanceof PlatformError) {
        logger.warn(
          { kind: err.kind, code: err.code, event: { type: event.type, channel: event.channel } },
          `platform refused: ${err.message}`,
        );
        await event.reply(refusal, { private: true }).catch((e) => logger.warn({ err: e }, 'could not show a refusal'));
        return;
      }
      if (isDamage(err)) {
        // a damaged database file: one plain line with what to do, the stack only when debugging
        logger.error({ code: (err as { code?: string }).code }, DAMAGED);
        logger.debug({ err }, 'the damaged database refused this query');
      } else {
        logger.error(
          {
            err,
            event: { type: event.type, workspace: event.workspace, channel: event.channel, author: event.author.id },
          },
          'event handling failed',
        );
      }
      await event.reply(APOLOGY, { private: true }).catch((e) => logger.warn({ err: e }, 'could not send the apology'));
    }
  };
}
