// Large bots: `npx tsx adapters/discord/shards.ts` runs `starling start` once per
// shard under discord.js's ShardingManager. Each child is the ordinary bot; its
// Client reads SHARDS and SHARD_COUNT from the environment the manager sets, so the
// adapter needs nothing special. Only the child holding shard 0 registers /prep.
//
// Settings: DISCORD_TOKEN; DISCORD_SHARD_COUNT (default: Discord's recommendation);
// DISCORD_API_URL as for the bot. Run Slack in its own process, not in the shards.
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import { restBase } from './client';

export interface ShardLauncherOptions {
  token: string;
  /** The script each shard runs; defaults to `bin/starling.js`. */
  file?: string;
  /** Arguments for it; defaults to `start`. */
  args?: string[];
  /** A fixed count, or Discord's recommendation for this bot. */
  totalShards?: number;
  apiUrl?: string;
  /** Extra environment for each shard (tests point it at a fake Discord). */
  env?: Record<string, string>;
  /** Node flags for each shard process (`--import tsx` for a TypeScript entry). */
  execArgv?: string[];
  /** Restart a shard whose process exits (default true). */
  respawn?: boolean;
}

/** Discord's recommended shard count (GET /gateway/bot), honouring DISCORD_API_URL. */
export async function recommendedShards(token: string, apiUrl?: string): Promise<number> {
  const api = restBase(apiUrl);
  const rest = new REST({ ...(api ? { api } : {}) }).setToken(token);
  const info = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, info.shards);
}

export async function createShardManager(options: ShardLauncherOptions): Promise<ShardingManager> {
  const totalShards = options.totalShards ?? (await recommendedShards(options.token, options.apiUrl));
  const file = options.file ?? fileURLToPath(new URL('../../bin/starling.js', import.meta.url));
  const manager = new ShardingManager(file, {
    token: options.token,
    totalShards,
    shardArgs: options.args ?? ['start'],
    mode: 'process',
    respawn: options.respawn ?? true,
    execArgv: options.execArgv ?? [],
  });
  if (options.env) {
    manager.on('shardCreate', (shard) => Object.assign(shard.env as Record<string, unknown>, options.env));
  }
  return manager;
}

async function main(): Promise<void> {
  const token = process.env.DISCORD_TOKEN;
  if (!token) {
    console.error('Set DISCORD_TOKEN (Developer Portal > your application > Bot > Reset Token).');
    process.exitCode = 2;
    return;
  }
  const count = process.env.DISCORD_SHARD_COUNT;
  if (count !== undefined && !/^[1-9]\d*$/.test(count)) {
    console.error(`DISCORD_SHARD_COUNT must be a whole number of shards such as 4, not "${count}".`);
    process.exitCode = 2;
    return;
  }
  const manager = await createShardManager({
    token,
    ...(count ? { totalShards: Number(count) } : {}),
    ...(process.env.DISCORD_API_URL ? { apiUrl: process.env.DISCORD_API_URL } : {}),
  });
  manager.on('shardCreate', (shard) => console.error(`shard ${shard.id} of ${manager.totalShards} starting`));
  await manager.spawn({ timeout: 60_000 });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
