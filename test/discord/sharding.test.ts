// The documented way to run a large bot: discord.js's ShardingManager spawning one
// bot process per shard (adapters/discord/shards.ts), against the fake Discord.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ShardingManager } from 'discord.js';
import { afterAll, expect, it } from 'vitest';
import { createShardManager, recommendedShards } from '../../adapters/discord/shards';
import { FakeDiscord } from './fake-discord';

let fake: FakeDiscord | undefined;
let manager: ShardingManager | undefined;
const dir = mkdtempSync(join(tmpdir(), 'starling-shards-'));
afterAll(async () => {
  for (const shard of manager?.shards.values() ?? []) shard.kill();
  await fake?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('runs one bot process per shard: each connects its shard, one registers /prep, the guild is served', async () => {
  fake = await new FakeDiscord({ shards: 2 }).start();
  expect(await recommendedShards(fake.token, fake.apiBase)).toBe(2);
  manager = await createShardManager({
    token: fake.token,
    apiUrl: fake.apiBase,
    file: join(import.meta.dirname, 'shard-child.ts'),
    args: [],
    execArgv: ['--import', 'tsx'],
    respawn: false,
    env: { DISCORD_API_URL: fake.apiBase, DISCORD_GUILD_ID: fake.guildId, SHARD_TEST_DIR: dir, LOG_LEVEL: 'warn' },
  });
  expect(manager.totalShards).toBe(2);
  await manager.spawn({ delay: 0, timeout: 30_000 });
  const f = fake;
  await f.waitUntil(() => f.identifies === 2 && f.connected, 20_000, 'both shards');
  expect([...f.sessions.values()].map((s) => s.shard.join('/')).sort()).toEqual(['0/2', '1/2']);
  await f.waitUntil(() => f.calls('PUT', /\/commands$/).length > 0, 10_000, 'registration');

  const id = f.interact(f.command(f.users.alice, 'employers'));
  const [answer] = await f.waitForResponses(id, 1, 10_000);
  expect(answer?.body.data.content ?? answer?.body.data.embeds?.[0]?.description).toMatch(/Harvard Medical School/);
  // Only the process holding shard 0 registers the command.
  await new Promise((r) => setTimeout(r, 300));
  expect(f.calls('PUT', /\/commands$/)).toHaveLength(1);
}, 60_000);
