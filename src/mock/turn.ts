// One reply in a mock interview: what it does to the session and what to say next.
// Pure: the caller stores the change (if the session is still where it was read) and
// then sends the messages.
import type { OutboundMessage } from '../chat/types';
import type { MockItem, MockSession } from '../db/schema';
import type { GuideLibrary } from '../guides/library';
import { type Analysis, analyzeAnswer, markerOf } from '../star';
import { type Followup, type FollowupKind, nextFollowup } from './followups';
import { followupPrompt, movingOn, questionPrompt } from './prompts';
import { type ScoredItem, scorecard } from './scorecard';
import type { Change } from './store';

export interface Pending {
  current: Followup | null;
  asked: FollowupKind[];
}

export interface Turn {
  change: Change;
  say: OutboundMessage[];
  /** Set when the reply ends the session. */
  closed?: 'finished' | 'stopped' | 'idle';
}

export interface TurnInput {
  guides: GuideLibrary;
  session: MockSession;
  items: MockItem[];
  text: string;
  /** Whether a question asks for a story (approach questions do not, and get no STAR score). */
  isStory: (questionId: string) => boolean;
  now: number;
}

// only the two words the prompts name: "done." or "next" may be the end of an answer
const SKIP = /^\s*skip[.!]?\s*$/i;
const STOP = /^\s*stop[.!]?\s*$/i;

export function parseJson<T>(text: string | null): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

function scoredItems(items: MockItem[], isStory: (questionId: string) => boolean): ScoredItem[] {
  return items.map((i) => ({
    position: Number(i.position),
    question: i.question_text,
    state: i.state,
    story: isStory(i.question_id),
    first: parseJson<Analysis>(i.first_analysis),
    last: parseJson<Analysis>(i.last_analysis),
  }));
}

/** Reads the reply against the current question. */
export function readTurn(t: TurnInput): Turn {
  const position = Number(t.session.position);
  const item = t.items.find((i) => Number(i.position) === position);
  if (!item || STOP.test(t.text)) return closing(t, 'stopped');
  const story = t.isStory(item.question_id);
  if (SKIP.test(t.text)) {
    if (item.state === 'waiting') return moveOn(t, item, { state: 'skipped' });
    // a follow-up skipped: the answer so far is kept, and said so
    const kept = parseJson<Analysis>(item.last_analysis);
    return moveOn(t, item, { state: 'done', pending: null }, kept && story ? markerOf(kept).text : 'kept', true);
  }
  const merged = item.state === 'following-up' && item.answer_text ? `${item.answer_text}\n\n${t.text}` : t.text;
  const analysis = analyzeAnswer(merged, { question: item.question_text });
  const pending = parseJson<Pending>(item.pending) ?? { current: null, asked: [] };
  const next = nextFollowup(analysis, story, pending.asked);
  const base = {
    answer_text: merged,
    last_analysis: JSON.stringify(analysis),
    ...(item.state === 'waiting' ? { first_analysis: JSON.stringify(analysis) } : {}),
  };
  if (next) {
    const asked = [...pending.asked, next.kind];
    const set = {
      ...base,
      state: 'following-up' as const,
      followups_asked: asked.length,
      pending: JSON.stringify({ current: next, asked }),
    };
    return { change: { session: {}, item: { position, set } }, say: [followupPrompt(next)] };
  }
  return moveOn(t, item, { ...base, state: 'done', pending: null }, story ? markerOf(analysis).text : 'kept');
}

/**
 * Closes the session where it stands: a follow-up left unanswered still counts the
 * answer it followed.
 */
export function closing(t: Pick<TurnInput, 'session' | 'items' | 'now' | 'isStory'>, reason: Reason): Turn {
  const item = t.items.find((i) => Number(i.position) === Number(t.session.position));
  const settled =
    item?.state === 'following-up'
      ? { position: Number(item.position), set: { state: 'done' as const, pending: null } }
      : undefined;
  return close(t, reason, settled);
}

function moveOn(
  t: TurnInput,
  item: MockItem,
  set: NonNullable<Change['item']>['set'],
  marker?: string,
  followupSkipped = false,
): Turn {
  const position = Number(item.position);
  const done = { position, set };
  const next = t.items.find((i) => Number(i.position) === position + 1);
  if (!next) return close(t, 'finished', done, marker, followupSkipped);
  return {
    change: { session: { position: position + 1 }, item: done },
    say: [movingOn(marker, followupSkipped), questionPrompt(t.guides, t.session, next)],
  };
}

type Reason = 'finished' | 'stopped' | 'idle';

function close(
  t: Pick<TurnInput, 'items' | 'now' | 'isStory'>,
  reason: Reason,
  item?: Change['item'],
  marker?: string,
  followupSkipped = false,
): Turn {
  const items = t.items.map((i) =>
    item && Number(i.position) === item.position ? ({ ...i, ...item.set } as MockItem) : i,
  );
  const say = [
    ...(marker ? [movingOn(marker, followupSkipped)] : []),
    scorecard(scoredItems(items, t.isStory), reason),
  ];
  return {
    change: { session: { status: 'closed', closed_reason: reason, closed_at: t.now }, ...(item ? { item } : {}) },
    say,
    closed: reason,
  };
}
