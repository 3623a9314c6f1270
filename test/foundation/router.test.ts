import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MemoryAdapter, member } from '../../adapters/memory/index';
import { PlatformError, UserError } from '../../src/chat/errors';
import { CommandRegistry, defineCommand } from '../../src/chat/registry';
import { createRouter } from '../../src/chat/router';
import type { CommandEvent } from '../../src/chat/types';
import { silentLogger } from '../../src/logger';

async function run(fail: () => never, logger = silentLogger()) {
  const registry = new CommandRegistry<null>().register(
    defineCommand<null, { what?: string }>({
      name: 'go',
      description: 'fails on purpose',
      usage: '/prep go',
      examples: ['/prep go'],
      options: [{ name: 'what', description: 'x', type: 'string' }],
      args: z.object({ what: z.string().optional() }),
      async run() {
        fail();
      },
    }),
  );
  const adapter = new MemoryAdapter();
  await adapter.start(createRouter({ registry, ctx: null, logger }));
  await adapter.emit<CommandEvent>({ type: 'command', name: 'go', text: '', author: member('U1') });
  return adapter.privateFor('U1').map((s) => s.message.text);
}

describe('the router answers every failure privately, saying what to do', () => {
  it('shows a refusal with its example', async () => {
    expect(
      await run(() => {
        throw new UserError('No guide for "x".', '`/prep employers`');
      }),
    ).toEqual(['No guide for "x".\nTry: `/prep employers`']);
  });

  it("explains a platform refusal with the adapter's hint, not an apology", async () => {
    const hint = 'Invite me with `/invite @Starling`, then try again.';
    expect(
      await run(() => {
        throw new PlatformError('channel_unavailable', 'not_in_channel', 'refused', undefined, hint);
      }),
    ).toEqual([`Starling can't post in this channel (not_in_channel). ${hint}`]);
  });

  it('falls back to a general instruction when the adapter gives no hint', async () => {
    const [text] = await run(() => {
      throw new PlatformError('no_permission', '50013');
    });
    expect(text).toMatch(/^Starling is missing a permission here \(50013\)\. Ask whoever installed Starling/);
  });

  it('apologises for anything unexpected without leaking its details', async () => {
    const [text] = await run(() => {
      throw new Error('database exploded at /secret/path');
    });
    expect(text).toMatch(/^Sorry, something went wrong on our side/);
    expect(text).not.toMatch(/secret/);
  });

  it('refuses an unknown command and names the help command', async () => {
    const registry = new CommandRegistry<null>();
    const adapter = new MemoryAdapter();
    await adapter.start(createRouter({ registry, ctx: null, logger: silentLogger() }));
    await adapter.emit<CommandEvent>({ type: 'command', name: 'gp', text: '', author: member('U1') });
    expect(adapter.privateFor('U1')[0]?.message.text).toMatch(/There is no `\/prep gp` command[\s\S]*\/prep help/);
  });

  it("points a subcommand typed alone to its command, and an option word to that command's help", async () => {
    const command = (name: string, usage: string) =>
      defineCommand<null, Record<string, never>>({
        name,
        description: name,
        usage,
        examples: [usage],
        options: [],
        args: z.object({}),
        async run() {
          return { text: name };
        },
      });
    const registry = new CommandRegistry<null>().register(
      command('tips', '/prep tips <employer>'),
      command('stories', '/prep stories | retag <n> <competency...> | merge <n> <m>'),
      command('settings', '/prep settings [feedback private|public | reminders on [HH:MM]|off]'),
    );
    const adapter = new MemoryAdapter();
    await adapter.start(createRouter({ registry, ctx: null, logger: silentLogger() }));
    const said = async (name: string) => {
      await adapter.emit<CommandEvent>({ type: 'command', name, text: '1 conflict', author: member('U1') });
      return adapter.privateFor('U1').at(-1)?.message.text ?? '';
    };
    expect(await said('retag')).toMatch(/There is no `\/prep retag` command\. Did you mean `\/prep stories retag`\?/);
    expect(await said('reminders')).toMatch(/Did you mean `\/prep help settings`\?/);
    expect(await said('tip')).toMatch(/Did you mean `\/prep tips`\?/);
    expect(await said('feedbak')).not.toMatch(/Did you mean/);
  });

  it('says once, without a stack, that the database file is damaged and what to do', async () => {
    const lines: { level: number; msg: string; err?: unknown }[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => lines.push(JSON.parse(l)) });
    const [text] = await run(() => {
      throw Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    }, logger);
    expect(text).toMatch(/^Sorry, something went wrong on our side/);
    const errors = lines.filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.msg).toMatch(/database file is damaged.*restore a backup.*move it aside/);
    expect(errors[0]?.err).toBeUndefined();
  });
});
