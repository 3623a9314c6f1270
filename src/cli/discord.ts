// `starling discord shards`: a large bot's launcher. It runs `starling start` once per
// shard under discord.js's ShardingManager (adapters/discord/shards.ts); each child is
// the ordinary bot and reads its shard from the environment the manager sets.
import { createShardManager } from '../../adapters/discord/shards';
import { loadConfig } from '../config';
import { type Cli, CliError } from './errors';

const usage = `Usage: starling discord shards

  shards     run the Discord bot as several processes, one per shard

Settings (environment or .env): DISCORD_TOKEN (required), DISCORD_SHARD_COUNT (default:
Discord's recommendation for this bot), DISCORD_API_URL and the bot's own settings, which
every shard reads. Run Slack in its own process, not in the shards.

Example: DISCORD_TOKEN=... DATABASE_URL=postgres://... npx starling discord shards`;

export const cli: Cli = {
  summary: 'Discord helpers: run the bot as several shards',
  usage,
  async run(args) {
    const [sub, ...rest] = args;
    if (sub !== 'shards') throw new CliError(sub ? `unknown subcommand "${sub}".\n\n${usage}` : usage, 2);
    if (rest.length) throw new CliError(`unexpected ${rest.join(' ')}: shards takes no options.\n\n${usage}`, 2);
    const config = loadConfig();
    if (!config.DISCORD_TOKEN) {
      throw new CliError('set DISCORD_TOKEN (Developer Portal > your application > Bot > Reset Token).', 2);
    }
    const manager = await createShardManager({
      token: config.DISCORD_TOKEN,
      ...(config.DISCORD_SHARD_COUNT ? { totalShards: Number(config.DISCORD_SHARD_COUNT) } : {}),
      ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
    });
    manager.on('shardCreate', (shard) =>
      process.stderr.write(`shard ${shard.id} of ${manager.totalShards} starting\n`),
    );
    await manager.spawn({ timeout: 60_000 });
    // the shard processes keep running; this one stays to respawn them
    return await new Promise<number>(() => {});
  },
};
