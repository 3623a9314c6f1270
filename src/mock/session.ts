// A mock interview's conversation: a reply read once, the session moved on by exactly
// one replica, then the follow-up, the next question or the scorecard sent. Sessions
// idle for a day close by themselves with their scorecard kept.
import { PlatformError } from '../chat/errors';
import type { MessageEvent, OutboundMessage, Ref } from '../chat/types';
import { coachedFollowup } from '../coach/on-followup';
import type { MockItem, MockSession } from '../db/schema';
import { type AppContext, announceQuestion } from '../practice/context';
import { asksForStory } from '../practice/feedback';
import { followupPrompt, questionPrompt } from './prompts';
import { advance, firstTurn, getSession, idleSessions, itemsOf, PENDING, sessionAt } from './store';
import { closing, type Pending, parseJson, readTurn, type Turn } from './turn';

const IDLE_MS = 24 * 3_600_000;
/** Two replicas moving one session at once: the loser reads it again, a few times at most. */
const TRIES = 3;

/** Sends to the session's place; a refusal is logged, the session is already saved. */
async function say(ctx: AppContext, place: Ref, messages: OutboundMessage[]): Promise<void> {
  for (const m of messages) {
    try {
      await ctx.adapters.post(place, m);
    } catch (err) {
      if (!(err instanceof PlatformError)) throw err;
      ctx.logger.warn({ kind: err.kind, code: err.code, place }, 'could not send a mock interview message');
      return;
    }
  }
}

/** A reply in a mock interview's place; false when the message belongs to none. */
export async function onMockMessage(ctx: AppContext, event: MessageEvent): Promise<boolean> {
  // a private thread is a session's place; in a DM, so is the DM, threads under its messages included
  const inThread = event.thread ? await sessionAt(ctx.db, event.thread) : undefined;
  const found = inThread ?? (event.direct ? await sessionAt(ctx.db, event.channel) : undefined);
  if (!found) return false;
  if (found.user_id !== event.author.id) {
    await event.reply(
      {
        kind: 'error',
        text: `This mock interview is <@${found.user_id}>'s, so your reply is not part of it. Start your own with \`/prep mock\`.`,
      },
      { private: true },
    );
    return true;
  }
  const text = event.text.trim();
  if (!text) return true;
  if (!(await firstTurn(ctx.db, found.id, event.ref, ctx.clock().getTime()))) return true;
  let session: MockSession | undefined = found;
  for (let i = 0; i < TRIES && session?.status === 'open'; i++) {
    const items = await itemsOf(ctx.db, session.id);
    const now = ctx.clock().getTime();
    const turn = readTurn({ guides: ctx.guides, session, items, text, isStory: storyTest(ctx), now });
    if (await advance(ctx.db, session, turn.change, now)) {
      await say(ctx, session.place_ref, await withCoach(ctx, session, turn));
      const next = turn.change.session.position;
      const item = next === undefined || turn.closed ? undefined : items.find((i) => Number(i.position) === next);
      if (item) await announceMockQuestion(ctx, session, item);
      return true;
    }
    session = await getSession(ctx.db, session.id);
  }
  ctx.logger.warn({ session: found.id }, 'a mock interview reply lost the race to another; not read');
  return true;
}

/** A follow-up asked by the AI coach instead, where it is on and answers in time. */
async function withCoach(ctx: AppContext, s: MockSession, turn: Turn): Promise<OutboundMessage[]> {
  const set = turn.change.item?.set;
  const pending = set?.state === 'following-up' ? parseJson<Pending>(String(set.pending)) : undefined;
  const item = (await itemsOf(ctx.db, s.id)).find((i) => Number(i.position) === turn.change.item?.position);
  if (!pending?.current || !item?.answer_text) return turn.say;
  const asked = pending.asked.slice(0, -1);
  const text = await coachedFollowup(ctx, s, { question: item.question_text, answer: item.answer_text, asked });
  return text ? [followupPrompt({ ...pending.current, text }), ...turn.say.slice(1)] : turn.say;
}

/** Tells the session's listeners (the story bank) about the question just asked; never fails the turn. */
export function announceMockQuestion(ctx: AppContext, s: MockSession, item: MockItem): Promise<void> {
  const asked = {
    workspace: s.workspace,
    channel: s.channel_ref,
    place: s.place_ref,
    questionText: item.question_text,
    category: item.category,
    onlyUserId: s.user_id,
    mockSessionId: s.id,
  };
  return announceQuestion(ctx, asked, { session: s.id });
}

/** What the session is waiting for, asked again (a resumed session). */
export async function currentPrompt(ctx: AppContext, s: MockSession): Promise<OutboundMessage | undefined> {
  const items = await itemsOf(ctx.db, s.id);
  const item = items.find((i) => Number(i.position) === Number(s.position));
  if (!item) return undefined;
  const pending = parseJson<Pending>(item.pending);
  if (item.state === 'following-up' && pending?.current) return followupPrompt(pending.current);
  return questionPrompt(ctx.guides, s, item, Number(s.position) === 0 && item.state === 'waiting');
}

const storyTest = (ctx: AppContext) => (questionId: string) => asksForStory(ctx, questionId);

/**
 * Closes a session now, keeping its scorecard; undefined if it was already closed. A
 * reply that moves it meanwhile is read first, then the session is closed as it stands.
 */
export async function closeSession(
  ctx: AppContext,
  s: MockSession,
  reason: 'stopped' | 'idle',
): Promise<OutboundMessage | undefined> {
  let session: MockSession | undefined = s;
  for (let i = 0; i < TRIES && session?.status === 'open'; i++) {
    const now = ctx.clock().getTime();
    const turn = closing({ session, items: await itemsOf(ctx.db, session.id), now, isStory: storyTest(ctx) }, reason);
    if (await advance(ctx.db, session, turn.change, now)) return turn.say.at(-1);
    session = await getSession(ctx.db, session.id);
  }
  return undefined;
}

/** Marks the session as active now, so a resumed one does not close as idle soon after. */
export async function touchSession(ctx: AppContext, s: MockSession): Promise<void> {
  await advance(ctx.db, s, { session: {} }, ctx.clock().getTime());
}

/** Closes sessions idle for a day and sends each its scorecard (the scheduler tick). */
export async function closeIdleSessions(ctx: AppContext, now: Date, platforms: readonly string[]): Promise<number> {
  let closed = 0;
  // only sessions this process can reach: another process runs the other platforms
  for (const s of await idleSessions(ctx.db, now.getTime() - IDLE_MS, platforms)) {
    try {
      const card = await closeSession(ctx, s, 'idle');
      if (!card) continue;
      closed++;
      if (!s.place_ref.startsWith(PENDING)) await say(ctx, s.place_ref, [card]);
    } catch (err) {
      ctx.logger.warn({ err, session: s.id }, 'could not close an idle mock interview; will try again');
    }
  }
  return closed;
}
