// What the inbound mappers share: the client, the sender, the core's handler, and the
// small lookups the adapter builds once at start-up.
import { type Client, type GuildMember, PermissionFlagsBits, type User } from 'discord.js';
import type { PlatformError } from '../../src/chat/errors';
import type { Author, EventHandler, Ref } from '../../src/chat/types';
import type { Logger } from '../../src/logger';
import type { MentionNames } from './format';
import type { DiscordOutbound } from './outbound';

export type AutocompleteKind = 'employer' | 'category';

export interface InboundContext {
  client: Client;
  outbound: DiscordOutbound;
  logger: Logger;
  emit: EventHandler;
  /** True the first time a delivery key is seen (events replayed after a resume are dropped). */
  firstDelivery(key: string): Promise<boolean>;
  /** Interactions are deferred after this long if the core has not answered yet (Discord allows 3 s). */
  deferAfterMs: number;
  /** Subcommands that may take long: deferred at once. */
  slowCommands: ReadonlySet<string>;
  /** A message context menu entry's label → the core's message action name. */
  messageActionNames: ReadonlyMap<string, string>;
  /** `subcommand:option` → what the option autocompletes from. */
  autocompleteKinds: ReadonlyMap<string, AutocompleteKind>;
  autocomplete(kind: AutocompleteKind, prefix: string): { name: string; value: string }[];
  /** A send to `channelRef` failed in a way that stops the channel (no access, gone). */
  onChannelError(channelRef: Ref, err: PlatformError): Promise<void>;
  /** Warn once when thread replies arrive without text (Message Content intent off). */
  warnNoContent(): void;
}

export function mentionNames(client: Client, guildId: string | null): MentionNames {
  const guild = guildId ? client.guilds.cache.get(guildId) : undefined;
  return {
    channel: (id) => {
      const c = client.channels.cache.get(id);
      return c && 'name' in c && c.name ? c.name : undefined;
    },
    role: (id) => guild?.roles.cache.get(id)?.name,
  };
}

export function authorOf(user: User, member: GuildMember | null | undefined, isAdmin: boolean): Author {
  return {
    id: user.id,
    name: member?.displayName ?? user.globalName ?? user.username,
    isBot: user.bot,
    isAdmin,
  };
}

/** Manage Channels in `channelId`, from the member's roles and the channel's overwrites. */
export function canManageChannels(member: GuildMember | null | undefined, channelId: string): boolean {
  if (!member) return false;
  try {
    return member.permissionsIn(channelId).has(PermissionFlagsBits.ManageChannels);
  } catch {
    return false;
  }
}
