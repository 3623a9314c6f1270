// The pure edges of the Slack adapter: markdown to mrkdwn and back, long messages cut
// into posts Slack accepts, the STAR modal, refs, and Slack's error codes in the
// core's terms.
import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { toPlatformError } from '../../adapters/slack/errors';
import { fromMrkdwn, splitText, toMrkdwn } from '../../adapters/slack/mrkdwn';
import { parseRef, teamOf } from '../../adapters/slack/refs';
import { renderPosts, SECTION_MAX } from '../../adapters/slack/render';
import { buildStarModal, readStarSubmission, STAR_FORM_ACTION } from '../../adapters/slack/star-form';
import { PlatformError } from '../../src/chat/errors';

describe('markdown to mrkdwn', () => {
  it('renders bold, italics, strike, links, lists and headings the Slack way', () => {
    expect(toMrkdwn('**Situation** first, *then* _task_ and ~~not this~~')).toBe(
      '*Situation* first, _then_ _task_ and ~not this~',
    );
    expect(toMrkdwn('See [the guide](https://example.com/a?b=1&c=2)')).toBe(
      'See <https://example.com/a?b=1&amp;c=2|the guide>',
    );
    expect(toMrkdwn('- one\n* two\n  - nested')).toBe('• one\n• two\n  • nested');
    expect(toMrkdwn('## What they evaluate')).toBe('*What they evaluate*');
    expect(toMrkdwn('> quoted **bit**')).toBe('> quoted *bit*');
  });

  it('escapes &, < and > but keeps mentions working', () => {
    expect(toMrkdwn('Well done <@U0ALICE>: 3 < 5 & 7 > 2')).toBe('Well done <@U0ALICE>: 3 &lt; 5 &amp; 7 &gt; 2');
    expect(toMrkdwn('<script>')).toBe('&lt;script&gt;');
  });

  it("links the core's channel mention to the Slack channel", () => {
    expect(toMrkdwn('Run `/prep schedule resume` in <#slack:T0TEAM:C0PREP>.')).toBe(
      'Run `/prep schedule resume` in <#C0PREP>.',
    );
    expect(toMrkdwn('in <#slack:T0TEAM>')).toBe('in #channel');
  });

  it('leaves code alone', () => {
    expect(toMrkdwn('Run `/prep **tips**` now')).toBe('Run `/prep **tips**` now');
    expect(toMrkdwn('```ts\nconst a = b && **c**;\n```')).toBe('```\nconst a = b &amp;&amp; **c**;\n```');
  });

  it('reads Slack text back as neutral markdown', () => {
    expect(fromMrkdwn('<@U0BOB|bob> in <#C0GEN|general>: <!here> see <https://x.io|docs> or <https://y.io>')).toBe(
      '<@U0BOB> in #general: @here see [docs](https://x.io) or https://y.io',
    );
    expect(fromMrkdwn('I *reduced* latency &gt; 40% &amp; ~broke~ nothing')).toBe(
      'I **reduced** latency > 40% & ~~broke~~ nothing',
    );
    expect(fromMrkdwn('mail <mailto:a@b.co|a@b.co>')).toBe('mail a@b.co');
  });
});

describe('splitting', () => {
  it('keeps short text whole', () => {
    expect(splitText('short', 100)).toEqual(['short']);
  });

  it('cuts at line boundaries with no piece over the limit and nothing lost', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `Line ${i}: ${'word '.repeat(i % 13)}`.trim());
    const text = lines.join('\n');
    const pieces = splitText(text, 500);
    expect(pieces.length).toBeGreaterThan(3);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(500);
    expect(pieces.join('\n')).toBe(text);
  });

  it('cuts one very long line at spaces', () => {
    const text = 'lorem ipsum '.repeat(100).trim();
    const pieces = splitText(text, 100);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(100);
    expect(pieces.join(' ')).toBe(text);
  });

  it('never cuts an emoji in half', () => {
    const text = '😀'.repeat(1200);
    const pieces = splitText(text, 501);
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(501);
      expect(lone.test(p)).toBe(false);
    }
    expect(pieces.join('')).toBe(text);
  });

  it('closes a code fence cut in two and reopens it in the next piece', () => {
    const code = Array.from({ length: 40 }, (_, i) => `line ${i} of the export`).join('\n');
    const pieces = splitText(`Intro\n\`\`\`\n${code}\n\`\`\``, 300);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect((p.match(/```/g) ?? []).length % 2).toBe(0);
  });
});

describe('rendering posts', () => {
  it('a titled message with a footer and buttons is one post: header, section, context, actions', () => {
    const [post, ...rest] = renderPosts({
      title: 'Question of the day',
      text: 'Tell me about a time you **disagreed** with your manager.',
      footer: 'From the Acme guide',
      starForm: { postId: 'post-1' },
      buttons: [{ id: 'skip', label: 'Skip', value: 'post-1' }],
    });
    expect(rest).toEqual([]);
    expect(post?.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'actions']);
    const actions = post?.blocks[3] as { elements: { action_id: string; value?: string; style?: string }[] };
    expect(actions.elements[0]).toMatchObject({ action_id: STAR_FORM_ACTION, value: 'post-1', style: 'primary' });
    expect(actions.elements[1]).toMatchObject({ action_id: 'skip' });
    expect(post?.text).toContain('*disagreed*');
  });

  it('a long message becomes several posts, sections within Slack limits, buttons on the last', () => {
    const text = Array.from({ length: 600 }, (_, i) => `Tip ${i}: prepare a story with a measured result.`).join('\n');
    const posts = renderPosts({ title: 'All tips', text, buttons: [{ id: 'more', label: 'More' }] });
    expect(posts.length).toBeGreaterThan(1);
    for (const p of posts) {
      for (const b of p.blocks)
        if (b.type === 'section') expect((b.text?.text ?? '').length).toBeLessThanOrEqual(SECTION_MAX);
      expect(p.text.length).toBeLessThanOrEqual(3000);
    }
    expect(posts[0]?.blocks[0]?.type).toBe('header');
    expect(posts.at(-1)?.blocks.at(-1)?.type).toBe('actions');
    expect(posts.slice(0, -1).every((p) => p.blocks.every((b) => b.type !== 'actions'))).toBe(true);
    const all = posts.flatMap((p) =>
      p.blocks.filter((b) => b.type === 'section').map((b) => (b as { text: { text: string } }).text.text),
    );
    expect(all.join('\n')).toBe(text);
  });
});

describe('the STAR form', () => {
  const context = { postId: 'post-9', team: 'T1', channel: 'C1', threadTs: '1700000000.000100' };

  it('a modal with four multiline fields that carries the question it belongs to', () => {
    const view = buildStarModal(context, 'Tell me about a conflict.');
    const inputs = view.blocks.filter((b) => b.type === 'input') as {
      block_id: string;
      element: { multiline?: boolean };
    }[];
    expect(inputs.map((b) => b.block_id)).toEqual(['situation', 'task', 'action', 'result']);
    expect(inputs.every((b) => b.element.multiline)).toBe(true);
    const submitted = readStarSubmission({
      private_metadata: view.private_metadata,
      state: {
        values: { situation: { value: { value: ' At Acme ' } }, result: { value: { value: 'Cut costs 20%' } } },
      },
    });
    expect(submitted).toEqual({
      ok: true,
      context,
      values: { situation: 'At Acme', task: '', action: '', result: 'Cut costs 20%' },
    });
  });

  it('an empty form or a form without its question is sent back with a reason', () => {
    const view = buildStarModal(context);
    const empty = readStarSubmission({ private_metadata: view.private_metadata, state: { values: {} } });
    expect(empty).toMatchObject({ ok: false, errors: { situation: expect.stringContaining('at least one part') } });
    const lost = readStarSubmission({ private_metadata: 'garbage', state: { values: {} } });
    expect(lost).toMatchObject({ ok: false, errors: { situation: expect.stringContaining('expired') } });
  });
});

describe('refs', () => {
  it('decodes channel and message refs and refuses others', () => {
    expect(parseRef('slack:T1:C2')).toEqual({ team: 'T1', channel: 'C2' });
    expect(parseRef('slack:T1:C2:1700000000.000100')).toEqual({ team: 'T1', channel: 'C2', ts: '1700000000.000100' });
    expect(() => parseRef('discord:G1:C2')).toThrow(/not a Slack ref/);
    expect(() => parseRef('slack:T1:C2:notats')).toThrow(/not a Slack ref/);
    expect(teamOf('slack:T1')).toBe('T1');
    expect(() => teamOf('memory:W1')).toThrow(/not a Slack workspace/);
  });
});

describe('Slack errors in the core terms', () => {
  const platform = (code: string) =>
    toPlatformError(
      Object.assign(new Error(code), { code: webApi.ErrorCode.PlatformError, data: { ok: false, error: code } }),
      'chat.postMessage',
      'C1',
    );

  it('maps codes to what the core should do', () => {
    expect(platform('not_in_channel').kind).toBe('channel_unavailable');
    expect(platform('channel_not_found').kind).toBe('channel_unavailable');
    expect(platform('is_archived').kind).toBe('channel_unavailable');
    expect(platform('missing_scope').kind).toBe('no_permission');
    // A bot token's own account: the app was uninstalled or disabled, so stop posting.
    expect(platform('account_inactive').kind).toBe('no_permission');
    expect(platform('account_inactive').hint).toMatch(/reinstall/);
    expect(platform('user_not_found').kind).toBe('user_unreachable');
    expect(platform('something_new').kind).toBe('other');
    expect(platform('not_in_channel').message).toMatch(/not_in_channel.*invite/);
  });

  it('keeps the wait Slack asked for on a rate limit', () => {
    const err = toPlatformError(new webApi.WebAPIRateLimitedError(12) as unknown, 'chat.postMessage');
    expect(err).toBeInstanceOf(PlatformError);
    expect(err).toMatchObject({ kind: 'rate_limited', retryAfterMs: 12_000 });
  });
});
