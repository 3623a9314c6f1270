// Start-up registration of `/prep`, with what to fix when Discord refuses it.
import type { Client } from 'discord.js';
import type { Kysely } from 'kysely';
import { PlatformError } from '../../src/chat/errors';
import type { CommandDef, MessageActionDef } from '../../src/chat/registry';
import type { Config } from '../../src/config';
import type { Database } from '../../src/db/schema';
import type { Logger } from '../../src/logger';
import { registerIfChanged } from './commands';
import { toPlatformError } from './errors';

interface RegisterOptions {
  config: Config;
  db: Kysely<Database>;
  commands: CommandDef<any, any>[];
  messageActions?: MessageActionDef<any>[];
  registerCommands?: boolean;
}

/**
 * Registers `/prep` when its definition changed; undefined when this process does not
 * register (turned off, or a shard other than 0 under the ShardingManager).
 */
export async function registerCommand(
  client: Client,
  options: RegisterOptions,
  log: Logger,
): Promise<boolean | undefined> {
  const { config, db } = options;
  if (options.registerCommands === false) return undefined;
  // With the ShardingManager every shard is a process; the one holding shard 0 registers.
  if (client.shard && !client.shard.ids.includes(0)) return undefined;
  const applicationId = config.DISCORD_APPLICATION_ID ?? client.application?.id;
  if (!applicationId) throw new Error('Discord did not say which application this bot is; set DISCORD_APPLICATION_ID.');
  let result: Awaited<ReturnType<typeof registerIfChanged>>;
  try {
    result = await registerIfChanged({
      db,
      rest: client.rest,
      applicationId,
      ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}),
      commands: options.commands,
      messageActions: options.messageActions ?? [],
    });
  } catch (err) {
    const e = toPlatformError(err);
    const where = config.DISCORD_GUILD_ID ? `in server ${config.DISCORD_GUILD_ID}` : 'globally';
    const fix =
      e instanceof PlatformError && e.kind === 'no_permission'
        ? ' Invite the bot with the applications.commands scope (docs/discord.md, step 5), and check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID.'
        : '';
    throw new Error(`Discord refused to register /prep ${where}: ${(e as Error).message}.${fix}`, { cause: err });
  }
  log.info(
    { scope: result.scope, registered: result.registered },
    result.registered ? 'registered /prep' : '/prep is up to date',
  );
  return result.registered;
}
