// `/prep guide add` with a saved page attached, through the real discord.js Client and the
// whole bot against the fake Discord; the attachment is downloaded from a loopback file store.
import { ApplicationCommandOptionType, InteractionResponseType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { chatGuides } from '../../src/guides/chat-store';
import { type FileServer, startFileServer } from '../file-server';
import { type Bot, startBot } from './bot';
import { type RecordedRequest, snowflake } from './fake-discord';

const PAGE = `# Initech Interview Questions

## Coding
- Implement a rate limiter for the public API.
- Design a cache for the report service.

## Behavioral
- Tell me about a time you disagreed with your manager.
`;

let bot: Bot | undefined;
let files: FileServer | undefined;
afterEach(async () => {
  await bot?.close();
  await files?.close();
  bot = undefined;
  files = undefined;
});

function textOf(responses: RecordedRequest[]): string {
  return responses
    .map((r) => {
      const d = r.body?.data ?? r.body ?? {};
      return [
        d.content ?? '',
        ...(d.embeds ?? []).map((e: { title?: string; description?: string }) => `${e.title}\n${e.description}`),
      ].join('\n');
    })
    .join('\n');
}

/** `/prep guide add` with `file` attached, as Discord delivers it (the attachment resolved). */
async function addWithFile(
  b: Bot,
  user: 'carol' | 'alice',
  file: { name: string; size: number; url: string; type?: string },
) {
  const interaction = b.fake.command(b.fake.users[user], 'guide', { action: 'add' }) as any;
  const id = snowflake();
  interaction.data.options[0].options.push({ name: 'file', type: ApplicationCommandOptionType.Attachment, value: id });
  interaction.data.resolved = {
    attachments: {
      [id]: {
        id,
        filename: file.name,
        size: file.size,
        url: file.url,
        proxy_url: file.url,
        content_type: file.type ?? 'text/markdown; charset=utf-8',
      },
    },
  };
  const iid = b.fake.interact(interaction);
  const responses = await b.fake.waitUntil(() => {
    const r = b.fake.responses(iid);
    const first = r[0]?.body?.type;
    if (first === InteractionResponseType.ChannelMessageWithSource) return r;
    if (first === InteractionResponseType.DeferredChannelMessageWithSource && r.length >= 2) return r;
    return undefined;
  });
  return { responses, text: textOf(responses) };
}

describe('/prep guide add with a file on Discord', () => {
  it('registers a file option, downloads the attachment, previews it, and adds the guide when its admin confirms', async () => {
    files = await startFileServer({ 'initech.md': { body: PAGE } });
    bot = await startBot();
    const registered = bot.fake.requests.find((r) => r.method === 'PUT' && /\/commands$/.test(r.path));
    const guideSub = registered?.body[0].options.find((o: { name: string }) => o.name === 'guide');
    expect(guideSub.options.find((o: { name: string }) => o.name === 'file')).toMatchObject({
      type: ApplicationCommandOptionType.Attachment,
      required: false,
    });

    const r = await addWithFile(bot, 'carol', { name: 'initech.md', size: PAGE.length, url: files.url('initech.md') });
    expect(files.requests.map((q) => q.path)).toEqual(['/files/initech.md']);
    expect(r.text).toContain('Initech');
    expect(r.text).toContain('Read from initech.md: 3 questions');
    expect(await chatGuides(bot.db)).toEqual([]);

    const buttons = r.responses.flatMap((x) => (x.body?.data ?? x.body).components?.[0]?.components ?? []);
    const confirm = buttons.find((b: { custom_id: string }) => b.custom_id.startsWith('guide:confirm:'));
    expect(confirm?.label).toBe('Add this guide');
    const message = {
      id: snowflake(),
      channel_id: bot.fake.channelId,
      author: {
        id: bot.fake.botId,
        username: 'Starling',
        bot: true,
        discriminator: '0',
        avatar: null,
        global_name: null,
      },
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: (r.responses.at(-1)?.body?.data ?? r.responses.at(-1)?.body)?.components,
      pinned: false,
      type: 0,
      flags: 64,
    };
    const press = bot.fake.interact(bot.fake.button(bot.fake.users.carol, message, confirm.custom_id));
    const end = Date.now() + 5000;
    let stored = await chatGuides(bot.db);
    while (stored.length === 0 && Date.now() < end) {
      await new Promise((res) => setTimeout(res, 20));
      stored = await chatGuides(bot.db);
    }
    const answer = await bot.fake.waitUntil(() => {
      const t = textOf(bot?.fake.responses(press) ?? []);
      return t.includes('Added') ? t : undefined;
    });
    expect(answer).toContain('Added Initech');
    expect(stored.map((g) => [g.employer, g.source, g.questions.length])).toEqual([['Initech', 'initech.md', 3]]);
  });

  it('refuses a file of the wrong kind or size before downloading it, and says what to attach', async () => {
    files = await startFileServer({ 'guide.pdf': { body: '%PDF-1.4', type: 'application/pdf' } });
    bot = await startBot();
    const pdf = await addWithFile(bot, 'carol', {
      name: 'guide.pdf',
      size: 8,
      url: files.url('guide.pdf'),
      type: 'application/pdf',
    });
    expect(pdf.text).toContain(
      'guide.pdf is not a text, Markdown or HTML file. Attach the guide page saved as .txt, .md or .html.',
    );
    const big = await addWithFile(bot, 'carol', { name: 'huge.md', size: 5 * 1024 * 1024, url: files.url('huge.md') });
    expect(big.text).toContain('huge.md: the file is 5.0 MB, larger than the 1.0 MB a guide page can be');
    expect(files.requests).toEqual([]);
    const member = await addWithFile(bot, 'alice', { name: 'initech.md', size: 10, url: files.url('initech.md') });
    expect(member.text).toMatch(/admin/i);
    expect(files.requests).toEqual([]);
  });
});
