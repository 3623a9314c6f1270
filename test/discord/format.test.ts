// The pure parts of the Discord adapter: markdown in and out, Discord's length limits,
// refs, emoji and the generated /prep command.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildPrepCommand, definitionHash } from '../../adapters/discord/commands';
import {
  buttonCustomId,
  emojiFor,
  emojiName,
  LIMITS,
  normaliseInbound,
  parseButtonCustomId,
  parseStarFormId,
  render,
  splitText,
  starFormId,
  threadName,
} from '../../adapters/discord/format';
import { channelRef, messageRef, parseMessageRef, parseRef } from '../../adapters/discord/refs';
import { defineCommand } from '../../src/chat/registry';

describe('inbound markdown', () => {
  const names = {
    channel: (id: string) => (id === '42' ? 'practice' : undefined),
    role: (id: string) => (id === '7' ? 'mods' : undefined),
  };

  it('turns Discord mentions into neutral or readable form', () => {
    expect(normaliseInbound('thanks <@!123> and <@456> in <#42>, ping <@&7>', names)).toBe(
      'thanks <@123> and <@456> in #practice, ping @mods',
    );
    expect(normaliseInbound('<#99> <@&98>', names)).toBe('#channel @role');
    expect(normaliseInbound('great <:party:1234567> job <a:wave:99>')).toBe('great :party: job :wave:');
  });

  it('reduces Discord-only markup to its text and keeps neutral markdown', () => {
    expect(normaliseInbound('||secret|| __under__ ~~gone~~ **bold** *it*')).toBe('secret under gone **bold** _it_');
    expect(normaliseInbound('# Situation\n-# small print\nI led it')).toBe('Situation\nsmall print\nI led it');
  });

  it('leaves code alone', () => {
    expect(normaliseInbound('run `__init__ *x*` then ```\n||keep||\n```')).toBe(
      'run `__init__ *x*` then ```\n||keep||\n```',
    );
  });
});

describe('splitting to 2,000 characters', () => {
  it('keeps short text whole', () => {
    expect(splitText('hello')).toEqual(['hello']);
  });

  it('splits long text at paragraph and word boundaries, losing nothing', () => {
    const para = 'word '.repeat(300).trim();
    const text = [para, para, para].join('\n\n');
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(LIMITS.content);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
    for (const p of parts) expect(p.startsWith('word') && p.endsWith('word')).toBe(true);
  });

  it('cuts a single overlong word hard', () => {
    const parts = splitText('x'.repeat(4500));
    expect(parts.map((p) => p.length)).toEqual([1996, 1996, 508]);
  });

  it('closes and reopens a code block cut in two', () => {
    const code = `\`\`\`ts\n${'const a = 1;\n'.repeat(300)}\`\`\``;
    const parts = splitText(code);
    expect(parts.length).toBe(2);
    expect(parts[0]?.endsWith('```')).toBe(true);
    expect(parts[1]?.startsWith('```ts\n')).toBe(true);
    for (const p of parts) expect((p.match(/```/g) ?? []).length % 2).toBe(0);
  });

  it('never splits an emoji surrogate pair', () => {
    const parts = splitText('😀'.repeat(1500));
    for (const p of parts) expect(p).not.toMatch(/[\ud800-\udbff]$/);
    expect(parts.join('')).toBe('😀'.repeat(1500));
  });
});

describe('rendering', () => {
  it('renders a question as an embed with the STAR button', () => {
    const [p, ...more] = render({
      kind: 'question',
      title: 'Question of the day',
      text: '> Tell me about a time',
      footer: 'From the guide',
      starForm: { postId: 'p1' },
    });
    expect(more).toEqual([]);
    expect(p?.content).toBeUndefined();
    expect(p?.embeds?.[0]).toMatchObject({
      title: 'Question of the day',
      description: '> Tell me about a time',
      footer: { text: 'From the guide' },
    });
    expect(p?.components?.[0]?.components[0]).toMatchObject({
      custom_id: 'starform:p1',
      label: 'Answer with the STAR form',
    });
  });

  it('keeps embeds within Discord limits, spilling into more messages', () => {
    const payloads = render({
      kind: 'digest',
      title: 't'.repeat(400),
      text: 'a '.repeat(9000),
      footer: 'f'.repeat(3000),
    });
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) {
      let total = 0;
      for (const e of p.embeds ?? []) {
        expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
        expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
        expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
        total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
      }
      expect(total).toBeLessThanOrEqual(6000);
    }
    expect(payloads[0]?.embeds?.[0]?.title?.endsWith('…')).toBe(true);
  });

  it('renders plain messages as content with title and footer, buttons and files on the last part', () => {
    const payloads = render({
      title: 'Your data',
      text: 'z '.repeat(1500),
      footer: 'small',
      buttons: [{ id: 'forget:confirm', label: 'Delete', value: 'u1', style: 'danger' }],
      attachments: [{ name: 'a.json', mime: 'application/json', content: '{}' }],
    });
    expect(payloads).toHaveLength(2);
    expect(payloads[0]?.content?.startsWith('**Your data**\n')).toBe(true);
    expect(payloads[1]?.content?.endsWith('-# small')).toBe(true);
    expect(payloads[0]?.components).toBeUndefined();
    expect(payloads[1]?.components?.[0]?.components[0]).toMatchObject({ custom_id: 'forget:confirm|u1', style: 4 });
    expect(payloads[1]?.files?.[0]?.name).toBe('a.json');
  });

  it("links the core's channel mention to the Discord channel, in content and embeds", () => {
    const [plain] = render({ kind: 'error', text: 'Run `/prep schedule resume` in <#discord:111:222>.' });
    expect(plain?.content).toBe('Run `/prep schedule resume` in <#222>.');
    const [embed] = render({ kind: 'digest', text: 'In <#discord:111:222> and <#discord:nope>; `<#discord:111:222>`' });
    expect(embed?.embeds?.[0]?.description).toBe('In <#222> and #channel; `<#discord:111:222>`');
  });

  it('round-trips button ids and refuses ids Discord cannot carry', () => {
    expect(parseButtonCustomId(buttonCustomId('retry:go', 'x|y'))).toEqual({ actionId: 'retry:go', value: 'x|y' });
    expect(parseButtonCustomId(buttonCustomId('plain'))).toEqual({ actionId: 'plain' });
    expect(() => buttonCustomId('a', 'v'.repeat(120))).toThrow(/Discord allows 100/);
    expect(parseStarFormId(starFormId('occ-1', 'abc'))).toEqual({ postId: 'occ-1', keyHash: 'abc' });
    expect(parseStarFormId('other')).toBeUndefined();
  });

  it('names threads from the title without markup', () => {
    expect(threadName({ title: '**Question** · Acme', text: '' })).toBe('Question · Acme');
    expect(threadName({ text: `> ${'long '.repeat(50)}` }).length).toBeLessThanOrEqual(100);
  });
});

describe('emoji', () => {
  it('maps neutral names both ways', () => {
    expect(emojiFor('regional_indicator_s')).toBe('🇸');
    expect(emojiFor(':white_check_mark:')).toBe('✅');
    expect(emojiFor('🎉')).toBe('🎉');
    expect(() => emojiFor('no_such_thing')).toThrow(/no Discord emoji/);
    expect(emojiName({ name: '🇸', id: null })).toBe('regional_indicator_s');
    expect(emojiName({ name: '✅', id: null })).toBe('white_check_mark');
    expect(emojiName({ name: 'partyparrot', id: '123' })).toBe('partyparrot');
  });
});

describe('refs', () => {
  it('encodes and decodes channel, thread and message refs', () => {
    expect(parseRef(channelRef('111', '222'))).toEqual({ guildId: '111', channelId: '222' });
    expect(parseMessageRef(messageRef('111', '222', '333'))).toEqual({
      guildId: '111',
      channelId: '222',
      messageId: '333',
    });
    expect(channelRef(null, '9')).toBe('discord:@me:9');
    expect(() => parseRef('slack:T1:C2')).toThrow(/not a Discord ref/);
    expect(() => parseRef('discord:1:abc')).toThrow(/not a Discord ref/);
    expect(() => parseMessageRef('discord:1:2')).toThrow(/message ref/);
  });
});

describe('the /prep command', () => {
  const commands = [
    defineCommand({
      name: 'tips',
      description: 'Employer tips',
      usage: '/prep tips <employer> [section]',
      examples: [],
      options: [
        { name: 'section', description: 'Which part', type: 'string', choices: ['process', 'faq'] },
        { name: 'employer', description: 'Employer', type: 'string', required: true, autocomplete: 'employer' },
      ],
      args: z.object({}),
      run: async () => undefined,
    }),
    defineCommand({
      name: 'schedule',
      description: 'Daily question',
      usage: '',
      examples: [],
      guard: 'admin',
      options: [
        { name: 'member', description: 'x', type: 'user' },
        { name: 'days', description: 'x', type: 'integer' },
        { name: 'public', description: 'x', type: 'boolean' },
      ],
      args: z.object({}),
      run: async () => undefined,
    }),
  ];

  it('has one subcommand per command with typed options, required ones first', () => {
    const cmd = buildPrepCommand(commands);
    expect(cmd.name).toBe('prep');
    const [tips, schedule] = (
      cmd as { options: { name: string; description: string; options?: Record<string, unknown>[] }[] }
    ).options;
    expect(tips?.name).toBe('tips');
    expect(tips?.options?.map((o) => o.name)).toEqual(['employer', 'section']);
    expect(tips?.options?.[0]).toMatchObject({
      type: ApplicationCommandOptionType.String,
      required: true,
      autocomplete: true,
    });
    expect(tips?.options?.[1]).toMatchObject({
      choices: [
        { name: 'process', value: 'process' },
        { name: 'faq', value: 'faq' },
      ],
    });
    expect(schedule?.description).toBe('Daily question (needs Manage Channels)');
    expect(schedule?.options?.map((o) => o.type)).toEqual([
      ApplicationCommandOptionType.User,
      ApplicationCommandOptionType.Integer,
      ApplicationCommandOptionType.Boolean,
    ]);
  });

  it('hashes the same definition the same way and a changed one differently', () => {
    const a = definitionHash([buildPrepCommand(commands)]);
    expect(definitionHash([buildPrepCommand(commands)])).toBe(a);
    expect(definitionHash([buildPrepCommand(commands.slice(0, 1))])).not.toBe(a);
  });

  it('refuses names Discord would reject', () => {
    const [first] = commands;
    if (!first) throw new Error('no command to copy');
    const bad = { ...first, options: [{ name: 'Bad Name', description: 'x', type: 'string' as const }] };
    expect(() => buildPrepCommand([bad])).toThrow(/not a valid Discord option name/);
  });
});
