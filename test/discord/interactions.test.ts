// Interactions through the real discord.js Client and the fake gateway: what the core
// receives for /prep, buttons and the STAR form, and how its replies reach Discord
// (direct reply, deferral, ephemeral flags, follow-ups).
import { ComponentType, InteractionResponseType, MessageFlags, TextInputStyle } from 'discord-api-types/v10';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCommand } from '../../src/chat/registry';
import type { CommandEvent, EventHandler, FormSubmittedEvent, InboundEvent } from '../../src/chat/types';
import { type Harness, startHarness } from './harness';

let h: Harness;
let behave: EventHandler = async () => {};
const completions: { kind: string; prefix: string }[] = [];

const slow = defineCommand({
  name: 'export',
  description: 'Slow one',
  usage: '/prep export',
  examples: [],
  options: [],
  args: z.object({}),
  slow: true,
  run: async () => undefined,
});
const tips = defineCommand({
  name: 'tips',
  description: 'Employer tips',
  usage: '/prep tips <employer>',
  examples: [],
  options: [{ name: 'employer', description: 'Employer', type: 'string', required: true, autocomplete: 'employer' }],
  args: z.object({}),
  run: async () => undefined,
});

beforeAll(async () => {
  h = await startHarness({
    commands: [tips, slow],
    adapter: {
      deferAfterMs: 150,
      autocomplete: (kind, prefix) => {
        completions.push({ kind, prefix });
        return [
          { name: 'Acme Corp', value: 'acme' },
          { name: 'Acumen', value: 'acumen' },
        ];
      },
    },
    handler: (events) => async (e) => {
      events.push(e);
      await behave(e);
    },
  });
});
afterAll(async () => h.close());
beforeEach(() => {
  h.events.length = 0;
  behave = async () => {};
});

const callbacks = (id: string) => h.fake.responses(id).filter((r) => r.path.endsWith('/callback'));

describe('/prep commands', () => {
  it('delivers the subcommand with typed options, the place and the author', async () => {
    const { alice, bob } = h.fake.users;
    const id = h.fake.interact(
      h.fake.command(alice, 'summary', { member: `<@${bob.id}>`, days: 3, public: true, employer: 'acme' }),
    );
    await h.fake.waitForResponses(id);
    const e = h.events[0] as CommandEvent;
    expect(e.type).toBe('command');
    expect(e.name).toBe('summary');
    expect(e.options).toEqual({ member: `<@${bob.id}>`, days: 3, public: true, employer: 'acme' });
    expect(e.workspace).toBe(`discord:${h.fake.guildId}`);
    expect(e.channel).toBe(`discord:${h.fake.guildId}:${h.fake.channelId}`);
    expect(e.thread).toBeUndefined();
    expect(e.author).toMatchObject({ id: alice.id, name: 'Alice', isAdmin: false, isBot: false });
  });

  it('reports a command run inside a question thread with the thread and its parent channel', async () => {
    const q = await h.adapter.post(`discord:${h.fake.guildId}:${h.fake.channelId}`, {
      kind: 'question',
      text: 'Q',
      starForm: { postId: 'p-t' },
    });
    const threadId = q.threadRef.split(':')[2] ?? '';
    const id = h.fake.interact(h.fake.command(h.fake.users.alice, 'retry', {}, threadId));
    await h.fake.waitForResponses(id);
    const e = h.events.find((x) => x.type === 'command') as CommandEvent;
    expect(e.thread).toBe(q.threadRef);
    expect(e.channel).toBe(`discord:${h.fake.guildId}:${h.fake.channelId}`);
  });

  it('marks members with Manage Channels as admins', async () => {
    const id = h.fake.interact(h.fake.command(h.fake.users.carol, 'schedule', { time: '09:00' }));
    await h.fake.waitForResponses(id);
    expect((h.events[0] as CommandEvent).author.isAdmin).toBe(true);
  });

  it('answers a quick private reply directly, ephemeral', async () => {
    behave = async (e) => {
      await e.reply({ text: 'only you see **this**' }, { private: true });
    };
    const id = h.fake.interact(h.fake.command(h.fake.users.alice, 'me'));
    const [r] = await h.fake.waitForResponses(id);
    expect(r?.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: 'only you see **this**', flags: MessageFlags.Ephemeral, allowed_mentions: { parse: ['users'] } },
    });
    await h.adapter.idle();
    expect(h.fake.responses(id)).toHaveLength(1);
  });

  it('answers a quick public reply directly, visible to the channel', async () => {
    behave = async (e) => {
      await e.reply({ text: 'for everyone' }, { private: false });
    };
    const id = h.fake.interact(h.fake.command(h.fake.users.alice, 'leaderboard'));
    const [r] = await h.fake.waitForResponses(id);
    expect(r?.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(r?.body.data.content).toBe('for everyone');
    expect(r?.body.data.flags).toBeUndefined();
  });

  it('defers when the core is slow, then edits the deferred reply', async () => {
    behave = async (e) => {
      // the core answers only after the adapter has deferred
      await h.fake.waitUntil(() => callbacks((e as CommandEvent & { raw: { id: string } }).raw.id).length === 1);
      await e.reply({ text: 'worth the wait' }, { private: true });
    };
    const id = h.fake.interact(h.fake.command(h.fake.users.alice, 'me'));
    const [defer, edit] = await h.fake.waitForResponses(id, 2);
    expect(defer?.body).toMatchObject({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    expect(edit?.method).toBe('PATCH');
    expect(edit?.path).toMatch(/\/messages\/@original$/);
    expect(edit?.body.content).toBe('worth the wait');
  });

  it('a public answer after an ephemeral deferral closes the deferral and follows up publicly', async () => {
    behave = async (e) => {
      // the core answers only after the adapter has deferred
      await h.fake.waitUntil(() => callbacks((e as CommandEvent & { raw: { id: string } }).raw.id).length === 1);
      await e.reply({ text: 'posted for all' }, { private: false });
    };
    const id = h.fake.interact(h.fake.command(h.fake.users.alice, 'leaderboard'));
    const [, edit, follow] = await h.fake.waitForResponses(id, 3);
    expect(edit?.body.content).toMatch(/shared below/);
    expect(follow?.method).toBe('POST');
    expect(follow?.path).toBe(`/webhooks/${h.fake.appId}/${follow?.path.split('/')[3]}`);
    expect(follow?.body.content).toBe('posted for all');
    expect(follow?.body.flags ?? 0).toBe(0);
  });

  it('defers a slow command at once, before the core answers', async () => {
    let sawDefer = false;
    behave = async (e) => {
      const id = (e as CommandEvent & { raw: { id: string } }).raw.id;
      await h.fake.waitUntil(() => callbacks(id).length === 1);
      sawDefer = true;
      await e.reply({ text: 'files' }, { private: true });
    };
    const id = h.fake.interact(h.fake.command(h.fake.users.alice, 'export'));
    const [defer, edit] = await h.fake.waitForResponses(id, 2);
    expect(sawDefer).toBe(true);
    expect(defer?.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(edit?.body.content).toBe('files');
  });

  it('sends further replies as follow-ups with their own visibility', async () => {
    behave = async (e) => {
      await e.reply({ text: 'first' }, { private: true });
      await e.reply({ text: 'second' }, { private: false });
    };
    const id = h.fake.interact(h.fake.command(h.fake.users.alice, 'me'));
    const [first, second] = await h.fake.waitForResponses(id, 2);
    expect(first?.body.data).toMatchObject({ content: 'first', flags: 64 });
    expect(second?.body).toMatchObject({ content: 'second' });
    expect(second?.body.flags ?? 0).toBe(0);
  });

  it('splits a reply longer than 2,000 characters into a reply and follow-ups', async () => {
    const text = Array.from({ length: 600 }, (_, i) => `line${i}`).join(' ');
    behave = async (e) => {
      await e.reply({ text }, { private: true });
    };
    const id = h.fake.interact(h.fake.command(h.fake.users.alice, 'help'));
    const parts = await h.fake.waitForResponses(id, 3);
    const contents = parts.map((p) => (p.body.data ?? p.body).content as string);
    for (const c of contents) expect(c.length).toBeLessThanOrEqual(2000);
    expect(contents.join(' ')).toBe(text);
    expect(parts.every((p) => ((p.body.data ?? p.body).flags & 64) === 64)).toBe(true);
  });

  it('acknowledges a command the core did not answer, so Discord shows no failure', async () => {
    const id = h.fake.interact(h.fake.command(h.fake.users.alice, 'me'));
    const [r] = await h.fake.waitForResponses(id);
    expect(r?.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: { flags: 64 } });
  });

  it('handles a replayed interaction once', async () => {
    const interaction = h.fake.command(h.fake.users.alice, 'me');
    h.fake.interact(interaction);
    h.fake.interact(interaction);
    await h.fake.waitForResponses(interaction.id);
    // an interaction sent after the replay has been answered, so the replay has been read
    const later = h.fake.command(h.fake.users.alice, 'help');
    h.fake.interact(later);
    await h.fake.waitForResponses(later.id);
    await h.adapter.idle();
    expect(h.events.filter((e) => (e.raw as { id?: string })?.id === interaction.id)).toHaveLength(1);
    expect(callbacks(interaction.id)).toHaveLength(1);
  });
});

describe('autocomplete', () => {
  it('answers from the core with the option kind and typed prefix', async () => {
    const id = h.fake.interact(h.fake.autocompleteInteraction(h.fake.users.alice, 'tips', 'employer', 'ac'));
    const [r] = await h.fake.waitForResponses(id);
    expect(completions.at(-1)).toEqual({ kind: 'employer', prefix: 'ac' });
    expect(r?.body).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: {
        choices: [
          { name: 'Acme Corp', value: 'acme' },
          { name: 'Acumen', value: 'acumen' },
        ],
      },
    });
    expect(h.events).toHaveLength(0);
  });

  it('offers nothing for an option that does not autocomplete', async () => {
    const id = h.fake.interact(h.fake.autocompleteInteraction(h.fake.users.alice, 'tips', 'section', 'x'));
    const [r] = await h.fake.waitForResponses(id);
    expect(r?.body.data.choices).toEqual([]);
  });
});

describe('buttons and the STAR form', () => {
  async function question() {
    const result = await h.adapter.post(`discord:${h.fake.guildId}:${h.fake.channelId}`, {
      kind: 'question',
      title: 'Practice question',
      text: '> Tell me about a conflict',
      starForm: { postId: 'post-1' },
      buttons: [{ id: 'retry:go', label: 'Retry', value: 'post-1' }],
    });
    const messageId = result.ref.split(':')[3] ?? '';
    const message = h.fake.messages.get(h.fake.channelId)?.find((m) => m.id === messageId);
    if (!message) throw new Error('question not stored');
    return { result, message };
  }

  it('opens the four-field STAR modal itself, without troubling the core', async () => {
    const { message } = await question();
    const id = h.fake.interact(h.fake.button(h.fake.users.alice, message, 'starform:post-1'));
    const [r] = await h.fake.waitForResponses(id);
    expect(r?.body.type).toBe(InteractionResponseType.Modal);
    expect(r?.body.data.custom_id).toBe('starform:post-1');
    const fields = r?.body.data.components as {
      label: string;
      component: { custom_id: string; style: number; type: number };
    }[];
    expect(fields.map((f) => f.label)).toEqual(['Situation', 'Task', 'Action', 'Result']);
    expect(fields.map((f) => f.component.custom_id)).toEqual(['situation', 'task', 'action', 'result']);
    expect(
      fields.every(
        (f) => f.component.style === TextInputStyle.Paragraph && f.component.type === ComponentType.TextInput,
      ),
    ).toBe(true);
    expect(h.events).toHaveLength(0);
  });

  it('turns the submitted form into form_submitted in the question thread', async () => {
    const { result, message } = await question();
    behave = async (e) => {
      await e.reply({ kind: 'feedback', title: 'Feedback', text: 'Good structure' }, { private: true });
    };
    const values = {
      situation: 'At Acme in 2023',
      task: 'Fix billing',
      action: 'I rewrote it',
      result: 'Errors fell 80%',
    };
    const id = h.fake.interact(h.fake.modalSubmit(h.fake.users.alice, message, 'starform:post-1', values));
    const [r] = await h.fake.waitForResponses(id);
    const e = h.events[0] as FormSubmittedEvent;
    expect(e).toMatchObject({ type: 'form_submitted', form: 'star', postId: 'post-1', values });
    expect(e.thread).toBe(result.threadRef);
    expect(e.channel).toBe(`discord:${h.fake.guildId}:${h.fake.channelId}`);
    expect(r?.body.data.flags).toBe(64);
    expect(r?.body.data.embeds[0]).toMatchObject({ title: 'Feedback', description: 'Good structure' });
  });

  it('posts a public in-thread reply to a form in the thread, and still closes the interaction', async () => {
    const { result, message } = await question();
    behave = async (e) => {
      await e.reply({ text: 'public feedback' }, { inThread: true });
    };
    const threadId = result.threadRef.split(':')[2] ?? '';
    const id = h.fake.interact(
      h.fake.modalSubmit(h.fake.users.alice, message, 'starform:post-1', {
        situation: 'x',
        task: '',
        action: 'y',
        result: '',
      }),
    );
    await h.fake.waitUntil(() => h.fake.botMessages(threadId).find((m) => m.content === 'public feedback'));
    const [ack] = await h.fake.waitForResponses(id);
    expect(ack?.body.type).toBe(InteractionResponseType.DeferredMessageUpdate);
  });

  it('delivers other buttons with their action id, value and message', async () => {
    const { result, message } = await question();
    behave = async (e) => {
      await e.reply({ text: 'ok' }, { private: true });
    };
    const id = h.fake.interact(h.fake.button(h.fake.users.bob, message, 'retry:go|post-1'));
    await h.fake.waitForResponses(id);
    expect(h.events[0]).toMatchObject({
      type: 'button',
      actionId: 'retry:go',
      value: 'post-1',
      messageRef: result.ref,
    });
  });

  it('acknowledges a button the core did not answer without a message', async () => {
    const { message } = await question();
    const id = h.fake.interact(h.fake.button(h.fake.users.bob, message, 'noop'));
    const [r] = await h.fake.waitForResponses(id);
    expect(r?.body.type).toBe(InteractionResponseType.DeferredMessageUpdate);
  });
});

describe('outside a server', () => {
  it('forwards /prep from a DM or a user install marked direct, with the member as the author', async () => {
    const id = h.fake.interact(h.fake.userInstallCommand(h.fake.users.alice, 'me'));
    await h.fake.waitForResponses(id);
    const [event] = h.events as InboundEvent[];
    expect(event).toMatchObject({ type: 'command', name: 'me', direct: true, author: { id: h.fake.users.alice.id } });
    expect(event?.workspace).toBe('discord:@me');
  });
});
