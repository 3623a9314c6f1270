// Large bots: `starling discord shards` (src/cli/discord.ts) runs `starling start` once
// per shard under discord.js's ShardingManager. Each child is the ordinary bot; its
// Client reads SHARDS and SHARD_COUNT from the environment the manager sets, so the
// adapter needs nothing special. Only the child holding shard 0 registers /prep.
// Run Slack in its own process, not in the shards.
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
