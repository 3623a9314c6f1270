// Neutral markdown in the terminal, and the adapter driven through streams.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../adapters/console/index';
import { memberId } from '../../adapters/console/members';
import { COLOURS, emojiText, PLAIN, renderMarkdown } from '../../adapters/console/render';
import type { InboundEvent } from '../../src/chat/types';

describe('renderMarkdown', () => {
  const md = 'Hi <@u-ada>, **bold** and _soft_ with `code`\n> quoted\n```\nchart\n```\nsnake_case_name stays';
  it('prints plain text when piped', () => {
    expect(renderMarkdown(md, PLAIN, (id) => (id === 'u-ada' ? 'Ada' : id))).toBe(
      'Hi @Ada, bold and soft with `code`\n│ quoted\n  chart\nsnake_case_name stays',
    );
  });
  it('names a channel mention by the channel', () => {
    expect(renderMarkdown('Run `/prep schedule resume` in <#console:local:prep>.', PLAIN)).toBe(
      'Run `/prep schedule resume` in #prep.',
    );
  });
  it('uses colours in a terminal', () => {
    const out = renderMarkdown('**bold** `x`', COLOURS);
    expect(out).toBe('\x1b[1mbold\x1b[22m \x1b[36mx\x1b[39m');
  });
  it('names emoji as terminal tokens', () => {
    expect(emojiText('regional_indicator_s')).toBe('[S]');
    expect(emojiText('tada')).toBe(':tada:');
  });
});

describe('ConsoleAdapter', () => {
  async function drive(lines: string[]) {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d) => {
      text += d;
    });
    const adapter = new ConsoleAdapter({ input, output, user: 'Ada Lovelace', color: false });
    const events: InboundEvent[] = [];
    await adapter.start(async (e) => {
      events.push(e);
      if (e.type === 'command' && e.name === 'question') {
        await adapter.post(adapter.channel, { kind: 'question', text: '> Q?', starForm: { postId: 'p1' } });
      }
    });
    adapter.ready();
    input.end(`${lines.join('\n')}\n`);
    await adapter.done;
    return { events, text };
  }

  it('turns lines into commands, thread replies, edits, deletions, forms and member switches', async () => {
    const { events, text } = await drive([
      'hello before any question',
      '/prep question acme',
      'my answer',
      '/edit my better answer',
      '/as Bob',
      'bob answers',
      '/delete',
      '/form',
      's',
      't',
      'a',
      'r',
      '/nonsense',
    ]);
    expect(text).toContain('There is no question to answer yet');
    expect(events.map((e) => e.type)).toEqual([
      'command',
      'message',
      'message_edited',
      'message',
      'message_deleted',
      'form_submitted',
    ]);
    const [cmd, msg, edit, bobMsg, del, form] = events;
    expect(cmd).toMatchObject({
      name: 'question',
      text: 'acme',
      workspace: 'console:local',
      channel: 'console:local:prep',
    });
    expect(msg).toMatchObject({
      text: 'my answer',
      author: { id: 'ada-lovelace', name: 'Ada Lovelace', isAdmin: true },
    });
    expect(msg?.thread).toMatch(/^console:local:prep:\d+$/);
    expect(edit).toMatchObject({ text: 'my better answer', ref: (msg as { ref: string }).ref });
    expect(bobMsg?.author.id).toBe('bob');
    expect(del).toMatchObject({ ref: (bobMsg as { ref: string }).ref });
    expect(form).toMatchObject({
      postId: 'p1',
      values: { situation: 's', task: 't', action: 'a', result: 'r' },
      author: { id: 'bob' },
    });
    expect(text).toContain('There is no /nonsense here');
    expect(memberId('  Zoë  O’Neil ')).toBe('zo-o-neil');
  });
});
