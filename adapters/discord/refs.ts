// Discord refs. A thread is a channel to Discord, so one shape covers both:
//   discord:<guild>:<channel>            a text channel or a thread (post into it)
//   discord:<guild>:<channel>:<message>  a message (posting to it replies in a thread under it)
// Direct-message channels have no guild and use `@me` in its place.
import type { Ref } from '../../src/chat/types';

export const PLATFORM = 'discord';
export const DM_GUILD = '@me';

export interface ChannelRef {
  guildId: string;
  channelId: string;
}

export interface MessageRef extends ChannelRef {
  messageId: string;
}

const SNOWFLAKE = /^\d{1,20}$/;

export function workspaceRef(guildId: string | null | undefined): string {
  return `${PLATFORM}:${guildId ?? DM_GUILD}`;
}

export function channelRef(guildId: string | null | undefined, channelId: string): Ref {
  return `${PLATFORM}:${guildId ?? DM_GUILD}:${channelId}`;
}

export function messageRef(guildId: string | null | undefined, channelId: string, messageId: string): Ref {
  return `${PLATFORM}:${guildId ?? DM_GUILD}:${channelId}:${messageId}`;
}

/** Decodes a Discord ref; throws with the expected forms when it is not one. */
export function parseRef(ref: Ref): ChannelRef & { messageId?: string } {
  const parts = ref.split(':');
  const [platform, guildId, channelId, messageId, ...extra] = parts;
  const ok =
    platform === PLATFORM &&
    guildId !== undefined &&
    (guildId === DM_GUILD || SNOWFLAKE.test(guildId)) &&
    channelId !== undefined &&
    SNOWFLAKE.test(channelId) &&
    (messageId === undefined || SNOWFLAKE.test(messageId)) &&
    extra.length === 0;
  if (!ok) {
    throw new Error(
      `not a Discord ref: "${ref}" (expected discord:<guild>:<channel> or discord:<guild>:<channel>:<message>)`,
    );
  }
  return messageId === undefined ? { guildId, channelId } : { guildId, channelId, messageId };
}

export function parseMessageRef(ref: Ref): MessageRef {
  const parsed = parseRef(ref);
  if (!parsed.messageId)
    throw new Error(`not a Discord message ref: "${ref}" (expected discord:<guild>:<channel>:<message>)`);
  return parsed as MessageRef;
}
