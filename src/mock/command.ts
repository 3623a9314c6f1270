// `/prep mock`: start a private mock interview, resume the open one, or stop it with
// its scorecard. The conversation happens in a direct message (or, where those are
// closed and the platform can, a private thread in the channel).
import { z } from 'zod';
import { PlatformError, UserError } from '../chat/errors';
import { type CommandRegistry, defineCommand, tokenize } from '../chat/registry';
import type { CommandEvent, OutboundMessage, Ref } from '../chat/types';
import type { MockSession } from '../db/schema';
import { resolveEmployer } from '../practice/commands/phrase';
import { FILTER_OPTIONS, readEmployerCategory, requireCategory } from '../practice/commands/words';
import type { AppContext } from '../practice/context';
import type { Pickable } from '../practice/posting';
import { pickMockQuestions } from './pick';
import { questionPrompt } from './prompts';
import { announceMockQuestion, closeSession, currentPrompt, touchSession } from './session';
import { createSession, deleteSession, itemsOf, openSession, PENDING, sessionAt, sessionsOf, setPlace } from './store';

const DEFAULT_QUESTIONS = 3;
const MAX_QUESTIONS = 10;

const Args = z.object({
  stop: z.boolean().optional(),
  employer: z.string().optional(),
  category: z.string().optional(),
  questions: z.coerce
    .number({ error: 'the number of questions must be a whole number' })
    .int('the number of questions must be a whole number')
    .min(1, 'ask for at least 1 question')
    .max(MAX_QUESTIONS, `a mock interview has at most ${MAX_QUESTIONS} questions`)
    .optional(),
  words: z.array(z.string()).optional(),
});
type MockArgs = z.infer<typeof Args>;

/** `stop`, a trailing number of questions, and the employer and category words before it. */
export function parseMockText(text: string): Record<string, unknown> {
  const words = tokenize(text);
  if (words.length === 1 && /^(stop|end)$/i.test(words[0] ?? '')) return { stop: true };
  const out: Record<string, unknown> = {};
  const last = words.at(-1);
  if (last && /^-?\d+$/.test(last)) {
    out.questions = last;
    words.pop();
  }
  if (words.length) out.words = words;
  return out;
}

/**
 * Where the conversation is, as the member should look for it. `direct` when known (a
 * session just opened); otherwise the platform is asked for the member's DM to compare.
 */
async function where(ctx: AppContext, event: CommandEvent, s: MockSession, direct?: boolean): Promise<string> {
  const place = s.place_ref;
  if (place === event.channel || place === event.thread) return 'here';
  const dm =
    direct === undefined
      ? place ===
        (await ctx.adapters
          .for(place)
          .openDirect?.(event.workspace, event.author.id)
          .catch(() => undefined))
      : direct;
  if (dm) return 'in your direct messages with me';
  const channel = s.channel_ref === event.channel ? 'this channel' : `<#${s.channel_ref}>`;
  return `in a private thread in ${channel}, only for you`;
}

/** A session whose conversation is still being opened (or whose start was cut off). */
const SETTING_UP_MS = 60_000;
async function stillOpening(ctx: AppContext, s: MockSession): Promise<OutboundMessage | undefined> {
  if (!s.place_ref.startsWith(PENDING)) return undefined;
  if (ctx.clock().getTime() - Number(s.created_at) < SETTING_UP_MS) {
    return { kind: 'info', text: 'Your mock interview is being set up: its first question arrives in a moment.' };
  }
  // a start cut off before its first question went out: nothing was asked, so nothing is lost
  await deleteSession(ctx.db, s.id);
  return undefined;
}

async function resume(ctx: AppContext, event: CommandEvent, s: MockSession): Promise<OutboundMessage> {
  await touchSession(ctx, s);
  const prompt = await currentPrompt(ctx, s);
  if (prompt) await ctx.adapters.post(s.place_ref, prompt);
  return {
    kind: 'info',
    text: `Your mock interview is still open ${await where(ctx, event, s)}: question ${Number(s.position) + 1} of ${s.total}, asked again there. \`/prep mock stop\` ends it with your scorecard.`,
  };
}

async function stop(ctx: AppContext, event: CommandEvent): Promise<OutboundMessage> {
  let s = await openSession(ctx.db, event.workspace, event.author.id);
  if (s?.place_ref.startsWith(PENDING)) {
    const opening = await stillOpening(ctx, s);
    if (opening) return opening;
    s = undefined;
  }
  const card = s ? await closeSession(ctx, s, 'stopped') : undefined;
  if (!s || !card) {
    throw new UserError('You have no mock interview open, so there is nothing to stop.', '`/prep mock` starts one');
  }
  // the scorecard stays in the conversation (a private command reply would vanish on reload)
  await ctx.adapters.post(s.place_ref, card);
  const place = await where(ctx, event, s);
  return {
    kind: 'info',
    text: `Your mock interview is stopped; the scorecard is ${place === 'here' ? 'above' : place}.`,
  };
}

function readFilters(ctx: AppContext, args: MockArgs): { employer?: string; category?: string } {
  const typed: { employer?: string; category?: string; extra?: string } = args.words
    ? readEmployerCategory(ctx.guides, args.words)
    : args;
  const guide = typed.employer?.trim()
    ? resolveEmployer(ctx.guides, typed.employer, (name) => `/prep mock ${name}`)
    : undefined;
  const category = typed.category?.trim() ? requireCategory(typed.category, '`/prep mock behavioral`') : undefined;
  if (typed.extra) {
    throw new UserError(
      `"${typed.extra}" is left over: \`/prep mock\` takes an employer, a category and a number of questions.`,
      '`/prep mock chop behavioral 3`',
    );
  }
  return { ...(guide ? { employer: guide.slug } : {}), ...(category ? { category } : {}) };
}

function tryAgain(err: PlatformError): UserError {
  return new UserError(
    `The mock interview could not start: the chat platform refused to send its first question (${err.code}).`,
    'run `/prep mock` again in a minute',
  );
}

/** Why the member's direct messages are closed, and what to change. */
function unreachable(err: PlatformError): UserError {
  return new UserError(
    `I could not send you a direct message for the mock interview (${err.code}).`,
    err.hint ?? 'allow direct messages from apps in this workspace, then run `/prep mock` again',
  );
}

/** Posts the first question in a direct message, else in a private thread where the platform has them. */
async function openPlace(
  ctx: AppContext,
  event: CommandEvent,
  first: (place: Ref) => Promise<void>,
): Promise<{ ref: Ref; direct: boolean }> {
  const adapter = ctx.adapters.for(event.channel);
  try {
    if (!adapter.openDirect) throw new PlatformError('user_unreachable', 'no_direct_messages');
    const dm = await adapter.openDirect(event.workspace, event.author.id);
    await first(dm);
    return { ref: dm, direct: true };
  } catch (err) {
    // only closed direct messages call for another way; a rate limit or an outage does not
    if (!(err instanceof PlatformError)) throw err;
    if (err.kind !== 'user_unreachable') throw tryAgain(err);
    if (!adapter.openPrivateThread) throw unreachable(err);
    ctx.logger.info({ code: err.code }, 'direct messages closed; the mock interview goes to a private thread');
    const thread = await adapter.openPrivateThread(
      event.channel,
      event.author.id,
      `Mock interview: ${event.author.name}`,
    );
    await first(thread);
    return { ref: thread, direct: false };
  }
}

async function start(ctx: AppContext, event: CommandEvent, args: MockArgs): Promise<OutboundMessage> {
  const filters = readFilters(ctx, args);
  const count = args.questions ?? DEFAULT_QUESTIONS;
  const now = ctx.clock().getTime();
  const questions: Pickable[] = await pickMockQuestions(ctx, {
    workspace: event.workspace,
    userId: event.author.id,
    ...filters,
    count,
    // the same choice for the same history (as the daily rotation), a new one each session
    seed: `${event.workspace}:${event.author.id}:${(await sessionsOf(ctx.db, event.workspace, event.author.id)).length}`,
  });
  const base = {
    workspace: event.workspace,
    userId: event.author.id,
    userName: event.author.name,
    channelRef: event.channel,
  };
  const q = questions.map((p) => ({ id: p.id, text: p.text, employer: p.guide.slug, category: p.category }));
  // the session exists before its first question goes out, so a reply cannot outrun it;
  // its place is set once the direct message (or private thread) is open
  const pending = `${PENDING}${event.channel}:${event.author.id}`;
  const session = await createSession(ctx.db, { ...base, placeRef: pending, questions: q, now });
  if (!session) {
    const open = await openSession(ctx.db, event.workspace, event.author.id);
    if (open) return (await stillOpening(ctx, open)) ?? resume(ctx, event, open);
    throw new Error('a mock interview was neither created nor found open');
  }
  const [item] = await itemsOf(ctx.db, session.id);
  let place: { ref: Ref; direct: boolean };
  try {
    place = await openPlace(ctx, event, async (at) => {
      // one conversation per place: a Discord DM serves every server the member shares with the bot
      const other = await sessionAt(ctx.db, at);
      if (other && other.id !== session.id) {
        throw new UserError(
          'You already have a mock interview open in your direct messages with me, started in another workspace or server.',
          'finish it there (or say `stop` in it), then run `/prep mock` again',
        );
      }
      await setPlace(ctx.db, session.id, at);
      if (item) {
        await ctx.adapters.post(at, questionPrompt(ctx.guides, { ...session, place_ref: at }, item, true));
        await announceMockQuestion(ctx, { ...session, place_ref: at }, item);
      }
    });
  } catch (err) {
    await deleteSession(ctx.db, session.id);
    if (!(err instanceof PlatformError)) throw err;
    throw err.kind === 'user_unreachable' ? unreachable(err) : tryAgain(err);
  }
  const fewer =
    questions.length < count
      ? ` Only ${questions.length} question${questions.length === 1 ? '' : 's'} matched, so this one is shorter.`
      : '';
  return {
    kind: 'info',
    text: `Your mock interview has started ${await where(ctx, event, { ...session, place_ref: place.ref }, place.direct)}: ${questions.length} question${questions.length === 1 ? '' : 's'}, with follow-ups.${fewer}`,
  };
}

export function registerMockCommand(registry: CommandRegistry<AppContext>): void {
  registry.register(
    defineCommand<AppContext, MockArgs>({
      name: 'mock',
      direct: true,
      home: 'Start a mock interview',
      form: {
        title: 'Mock interview',
        label: 'Mock for one employer…',
        submit: 'Start',
        fields: ['employer', 'category', 'questions'],
      },
      description: 'A private mock interview with follow-up questions and a scorecard',
      usage: '/prep mock [employer] [category] [questions] | stop',
      examples: ['/prep mock', '/prep mock chop behavioral', '/prep mock 5', '/prep mock stop'],
      notes: [
        `Asks ${DEFAULT_QUESTIONS} questions by default (at most ${MAX_QUESTIONS}), one at a time in your direct messages, your least-practised categories first.`,
        'After each answer it may ask up to two follow-ups about what the answer left out; your reply is added to the answer. Say `skip` to move on, `stop` to end.',
        '`/prep mock` while one is open asks its current question again. A session with no reply for a day closes by itself; its scorecard is kept.',
      ],
      options: [
        ...FILTER_OPTIONS,
        {
          name: 'questions',
          description: `How many questions (1-${MAX_QUESTIONS}, default ${DEFAULT_QUESTIONS})`,
          type: 'integer',
        },
        { name: 'stop', description: 'End the open mock interview with its scorecard', type: 'boolean' },
      ],
      args: Args,
      parseText: parseMockText,
      async run(ctx, args, event) {
        if (args.stop) return stop(ctx, event);
        const open = await openSession(ctx.db, event.workspace, event.author.id);
        if (open)
          return (
            (await stillOpening(ctx, open)) ??
            (open.place_ref.startsWith(PENDING) ? start(ctx, event, args) : resume(ctx, event, open))
          );
        return start(ctx, event, args);
      },
    }),
  );
}
