// Practising again: answer the latest question once more (retry), or pause the streak (snooze).
import { z } from 'zod';
import { UserError } from '../../chat/errors';
import { defineCommand } from '../../chat/registry';
import { timeToken } from '../../chat/time';
import type { AppContext } from '../context';
import { asksForStory } from '../feedback';
import { plural, quote } from '../format';
import { analysisOf, latestAttempt } from '../store/answers';
import { setRetry, snooze, upsertMember } from '../store/members';
import { latestAnsweredPost, latestPost, postByThread } from '../store/posts';

const DAY = 24 * 3_600_000;

export const retryCommand = defineCommand<AppContext, Record<string, never>>({
  name: 'retry',
  description: 'Answer the latest question again; feedback shows what improved',
  usage: '/prep retry',
  examples: ['/prep retry'],
  options: [],
  args: z.object({}),
  async run(ctx, _args, event) {
    // In a question's thread: that question. Otherwise the latest one this member
    // answered here ("again"), or else the latest question.
    const post =
      (event.thread ? await postByThread(ctx.db, event.workspace, event.thread) : undefined) ??
      (await latestAnsweredPost(ctx.db, event.workspace, event.channel, event.author.id)) ??
      (await latestPost(ctx.db, event.workspace, event.channel));
    if (!post) {
      throw new UserError(
        'No question has been asked in this channel yet, so there is nothing to retry.',
        'ask for one with `/prep question`',
      );
    }
    const latest = await latestAttempt(ctx.db, event.workspace, post.id, event.author.id);
    if (!latest) {
      return {
        kind: 'info',
        text: `You have not answered “${quote(post.question_text)}” yet: just reply in its thread.`,
      };
    }
    const now = ctx.clock().getTime();
    await upsertMember(ctx.db, event.workspace, event.author.id, event.author.name, now);
    await setRetry(ctx.db, event.workspace, event.author.id, post.id, now);
    const last = await analysisOf(ctx.db, latest.id);
    const story = asksForStory(ctx, post.question_id);
    const missing =
      last && story
        ? (['situation', 'task', 'action', 'result'] as const)
            .filter((p) => !last.flags[p])
            .map((p) => p[0]?.toUpperCase() + p.slice(1))
        : [];
    return {
      kind: 'info',
      text: [
        `Retrying: “${quote(post.question_text)}”`,
        `Your next reply in its thread counts as **attempt ${latest.attempt + 1}**, and the feedback compares it with attempt ${latest.attempt}.`,
        !story
          ? last && !last.flags.story
            ? 'This question asks for your approach: this time, back it with one real example from your work (Situation, Task, Action, Result).'
            : 'This question asks for your approach: keep the example, and make its result clear.'
          : missing.length
            ? `Last time this was missing: ${missing.join(', ')}.`
            : last && !last.flags.resultMeasured
              ? 'Last time the result was not measured: add a number.'
              : '',
      ]
        .filter(Boolean)
        .join('\n'),
    };
  },
});

export const snoozeCommand = defineCommand<AppContext, { days?: string | number }>({
  name: 'snooze',
  description: 'Pause your streak while you are away (days), or end a snooze with "off"',
  usage: '/prep snooze <days|off>',
  examples: ['/prep snooze 7', '/prep snooze off'],
  options: [{ name: 'days', description: 'Days to snooze (1-90), or off', type: 'string', required: true }],
  args: z.object({ days: z.union([z.string(), z.number()]).optional() }),
  async run(ctx, args, event) {
    const raw = String(args.days ?? '')
      .trim()
      .toLowerCase();
    const now = ctx.clock().getTime();
    await upsertMember(ctx.db, event.workspace, event.author.id, event.author.name, now);
    if (raw === 'off' || raw === '0' || raw === 'end') {
      await snooze(ctx.db, event.workspace, event.author.id, now, now);
      return { kind: 'info', text: 'Snooze ended. Welcome back!' };
    }
    const days = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(days >= 1 && days <= 90)) {
      throw new UserError(
        raw
          ? `"${raw}" is not a number of days between 1 and 90.`
          : 'For how many days? `/prep snooze` needs a number of days.',
        '`/prep snooze 7` (or `/prep snooze off` to come back early)',
      );
    }
    const until = now + days * DAY;
    await snooze(ctx.db, event.workspace, event.author.id, now, until);
    return {
      kind: 'info',
      text: `Snoozed for ${plural(days, 'day')}, until ${timeToken(until, 'date', new Date(until).toISOString().slice(0, 10))}. Missed questions in that time do not break your streak.`,
    };
  },
});
