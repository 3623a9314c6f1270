// The discord.js Client the adapter runs: its intents and options, the guard that keeps a
// malformed gateway packet from taking the process down, and logging in.
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Logger } from '../../src/logger';
import { misfit } from './edge';
import { MAX_RATE_LIMIT_WAIT_MS, rejectRateLimitsOver } from './errors';
import type { DiscordAdapterOptions } from './index';

/** Socket errors that mean Discord could not be reached at all. */
const UNREACHABLE = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.GuildMessageReactions,
  GatewayIntentBits.MessageContent,
  // a mock interview's replies arrive in the member's direct messages with the bot
  GatewayIntentBits.DirectMessages,
];

/** Discord's REST base without the version (discord.js adds `/v10`). */
export function restBase(url: string | undefined): string | undefined {
  return url?.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

/** A client with or without the Message Content intent (refused until the owner enables it). */
export function buildClient(options: DiscordAdapterOptions, withContent: boolean): Client {
  const api = restBase(options.config.DISCORD_API_URL);
  const extra = options.clientOptions ?? {};
  return new Client({
    ...extra,
    intents: withContent ? INTENTS : INTENTS.filter((i) => i !== GatewayIntentBits.MessageContent),
    // Edits, deletions and reactions on messages from before a restart arrive uncached.
    partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User],
    allowedMentions: { parse: ['users'] },
    rest: {
      ...(api ? { api } : {}),
      rejectOnRateLimit: rejectRateLimitsOver(options.maxRateLimitWaitMs ?? MAX_RATE_LIMIT_WAIT_MS),
      ...extra.rest,
    },
  });
}

/**
 * discord.js trusts the gateway: a malformed dispatch throws inside its packet
 * handler, outside any promise the bot holds, and would take the process down.
 * Such packets are dropped and logged instead.
 */
export function guardPackets(c: Client, log: Logger): void {
  const ws = c.ws as unknown as {
    handlePacket(packet: unknown, shard: unknown): boolean;
    on(event: 'error', listener: (err: unknown) => void): void;
  };
  const original = ws.handlePacket.bind(ws);
  ws.handlePacket = (packet, shard) => {
    const p = packet as { t?: unknown; d?: unknown } | undefined;
    if (p && p.t !== 'RESUMED' && (typeof p.d !== 'object' || p.d === null)) {
      log.warn({ event: p.t }, 'dropped a malformed Discord dispatch (no data)');
      return true;
    }
    const problem = p && misfit(p.t, p.d);
    if (problem) {
      log.warn({ event: p?.t, problem }, 'dropped a Discord dispatch that does not fit its kind');
      return true;
    }
    try {
      return original(packet, shard);
    } catch (err) {
      log.warn({ err, event: p?.t }, 'dropped a Discord dispatch that could not be read');
      return true;
    }
  };
  // The manager re-emits every dispatch by name; one named "error" must not throw.
  ws.on('error', (err) => log.warn({ err }, 'dropped a Discord dispatch named "error"'));
}

/** Logs in and waits until the gateway is ready, with the fix in the error when it cannot. */
export async function connect(c: Client, token: string): Promise<void> {
  const ready = new Promise<void>((resolve) => c.once(Events.ClientReady, () => resolve()));
  try {
    await c.login(token);
  } catch (err) {
    if ((err as { code?: unknown })?.code === 'TokenInvalid') {
      throw new Error(
        'Discord rejected DISCORD_TOKEN. Copy the bot token again (Developer Portal > your application > Bot > Reset Token) into DISCORD_TOKEN.',
        { cause: err },
      );
    }
    const code = (err as { code?: unknown })?.code;
    if (typeof code === 'string' && UNREACHABLE.has(code)) {
      throw new Error(
        `Could not reach Discord to log in (${(err as Error).message}). Check the network connection (and DISCORD_API_URL if you set it), then start again.`,
        { cause: err },
      );
    }
    throw err;
  }
  await ready;
}
