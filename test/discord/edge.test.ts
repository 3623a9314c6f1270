// Contract tests at the Discord edge: real gateway dispatches from public sources
// (payloads/README.md says where each is from), as they are and corrupted, through the fake
// gateway into the real discord.js client. Real ones fit; corrupted ones never take the
// client down or throw inside a handler; the bot keeps serving.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { misfit } from '../../adapters/discord/edge';
import type { CommandEvent } from '../../src/chat/types';
import { type Harness, startHarness } from './harness';

type Json = Record<string, unknown>;
const DIR = join(import.meta.dirname, 'payloads');
const KIND: [RegExp, string][] = [
  [/^interaction-/, 'INTERACTION_CREATE'],
  [/^message-create/, 'MESSAGE_CREATE'],
  [/^message-update/, 'MESSAGE_UPDATE'],
  [/^message-delete/, 'MESSAGE_DELETE'],
  [/^reaction-add/, 'MESSAGE_REACTION_ADD'],
  [/^reaction-remove/, 'MESSAGE_REACTION_REMOVE'],
];
const real = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const name = f.replace(/\.json$/, '');
    const t = KIND.find(([re]) => re.test(name))?.[1] ?? '';
    return { name, t, d: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Json };
  });

function corruptions(d: Json): Json[] {
  const out: Json[] = [];
  for (const key of Object.keys(d)) {
    for (const value of [undefined, null, 42, 'x'.repeat(50_000), { nested: true }]) {
      const copy = structuredClone(d);
      if (value === undefined) delete copy[key];
      else copy[key] = value;
      out.push(copy);
    }
  }
  return out;
}

describe('real Discord dispatches', () => {
  it('are all there, and each fits what the edge checks', () => {
    expect(real.length).toBeGreaterThanOrEqual(9);
    for (const r of real) {
      expect(r.t, r.name).not.toBe('');
      // the docs' autocomplete example shows only type and data; a real one has the rest
      if (r.name === 'interaction-autocomplete') continue;
      expect(misfit(r.t, r.d), r.name).toBeUndefined();
    }
  });
});

describe('real Discord dispatches, plain and corrupted, through discord.js', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.close());

  it('never throw inside a handler or take the client down, and the bot keeps serving', async () => {
    const before = process.listenerCount('uncaughtException');
    let sent = 0;
    for (const r of real) {
      for (const d of [r.d, ...corruptions(r.d)]) {
        h.fake.dispatchRaw(r.t, d);
        sent++;
      }
    }
    const good = h.fake.command(h.fake.users.alice, 'help');
    h.fake.interact(good);
    await h.fake.waitUntil(() => h.events.find((e) => e.type === 'command' && (e as CommandEvent).name === 'help'));
    expect(sent).toBeGreaterThan(300);
    expect(h.adapter.client.isReady()).toBe(true);
    expect(process.listenerCount('uncaughtException')).toBe(before);
    const thrown = h.logs.filter((l) => l.level >= 50);
    expect(thrown.map((l) => `${l.msg} ${JSON.stringify(l.err ?? '').slice(0, 200)}`)).toEqual([]);
    const dropped = h.logs.filter((l) => l.msg === 'dropped a Discord dispatch that does not fit its kind');
    expect(dropped.length).toBeGreaterThan(50);
    expect(dropped.every((l) => l.level === 40 && typeof l.problem === 'string')).toBe(true);
  });
});
