// The gateway events the adapter listens to, each run so that no event, however
// malformed, can take the process down, and the connection's own news logged.
import { type Client, Events } from 'discord.js';
import type { Logger } from '../../src/logger';
import { guardPackets } from './client';
import type { InboundContext } from './context';
import { misfit } from './edge';
import { handleInteraction } from './interactions';
import {
  onMessageCreate,
  onMessageDelete,
  onMessageUpdate,
  onReaction,
  onUncachedChange,
  onUncachedMessage,
} from './messages';

/**
 * Runs each listener so that no event, however malformed, can take the process down,
 * and knows which are still running (tests wait on `idle` before checking nothing more came).
 */
export class Listening {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly log: Logger) {}

  run(what: string, fn: () => Promise<void>): void {
    let p: Promise<void>;
    try {
      p = fn();
    } catch (err) {
      p = Promise.reject(err);
    }
    const done = p.catch((err) => this.log.error({ err, event: what }, 'a Discord event could not be handled'));
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }

  /** Resolves once every event received so far, and its handling in the core, has finished. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}

export function attachListeners(
  c: Client,
  ctx: () => InboundContext,
  listening: Listening,
  log: Logger,
  closing: WeakSet<Client>,
): void {
  const run = (what: string, fn: () => Promise<void>) => listening.run(what, fn);
  guardPackets(c, log);
  c.on(Events.InteractionCreate, (i) => run('interaction', () => handleInteraction(ctx(), i)));
  c.on(Events.MessageCreate, (m) => run('message', () => onMessageCreate(ctx(), m)));
  c.on(Events.Raw, (packet: { t?: string; d?: unknown }) => {
    // raw comes before the packet guard: a misfit is skipped here and logged there, once
    if (packet.t === 'MESSAGE_CREATE' && packet.d && typeof packet.d === 'object' && !misfit(packet.t, packet.d)) {
      run('message', () => onUncachedMessage(ctx(), packet.d as Record<string, unknown>));
    }
    if ((packet.t === 'MESSAGE_UPDATE' || packet.t === 'MESSAGE_DELETE') && !misfit(packet.t, packet.d)) {
      const t = packet.t;
      run('message change', () => onUncachedChange(ctx(), t, packet.d as Record<string, unknown>));
    }
  });
  c.on(Events.MessageUpdate, (a, b) => run('message edit', () => onMessageUpdate(ctx(), a, b)));
  c.on(Events.MessageDelete, (m) => run('message delete', () => onMessageDelete(ctx(), m)));
  c.on(Events.MessageBulkDelete, (messages) =>
    run('bulk delete', async () => {
      for (const m of messages.values()) await onMessageDelete(ctx(), m);
    }),
  );
  c.on(Events.MessageReactionAdd, (r, u) => run('reaction', () => onReaction(ctx(), r, u, true)));
  c.on(Events.MessageReactionRemove, (r, u) => run('reaction', () => onReaction(ctx(), r, u, false)));
  c.on(Events.ShardError, (err, shard) => log.warn({ err, shard }, 'Discord gateway error'));
  c.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'Discord gateway resumed'));
  c.on(Events.ShardReconnecting, (shard) => {
    if (!closing.has(c)) log.info({ shard }, 'Discord gateway reconnecting');
  });
  c.on(Events.Error, (err) => log.error({ err }, 'Discord client error'));
  c.on(Events.Warn, (message) => log.warn({ message }, 'Discord client warning'));
}
