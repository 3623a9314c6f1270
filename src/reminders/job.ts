// The reminder pass, a job of (ctx, now) that the scheduler tick calls: in channels
// whose admins turned reminders on, before the daily question's answer window
// closes, a private nudge to members who answered there in the last two weeks and
// not yet today. Never twice a day (claimed per member and local day), never in a
// member's quiet hours (they are left for a later tick), never to someone who opted out.
import { DateTime } from 'luxon';
import type { Post } from '../db/schema';
import type { AppContext } from '../practice/context';
import type { Db } from '../practice/store/db';
import { sendPrivately } from './direct';
import { reminderMessage } from './message';
import { quietAtMinute, quietOf, zoneOf } from './prefs';
import { claimReminders, markPassSent, markRemindersSent, type ReminderClaim, releaseReminder } from './store';

const DAY_MS = 86_400_000;
/** Who counts as someone who usually answers: an answer in the channel within this. */
const RECENT_MS = 14 * DAY_MS;
/** With no time set, the nudge goes this long before the window closes. */
const LEAD_MS = 60 * 60_000;
/** Sends in flight at once; the adapters pace each platform beneath this. */
const SENDS_AT_ONCE = 8;

interface DuePost {
  post: Post;
  zone: string;
}

export interface ReminderResult {
  sent: number;
  failed: number;
}

export async function runReminders(ctx: AppContext, now: Date, platforms: readonly string[]): Promise<ReminderResult> {
  const due = await duePosts(ctx.db, now, platforms);
  if (due.length === 0) return { sent: 0, failed: 0 };
  const candidates = await candidatesFor(ctx.db, due, now);
  const won = await claimReminders(ctx.db, candidates, ctx.replicaId, now.getTime());
  if (won.length === 0) return { sent: 0, failed: 0 };
  return sendAll(ctx, won, due, now);
}

/** The latest open daily question of each channel with reminders on, once its nudge time has come. */
async function duePosts(db: Db, now: Date, platforms: readonly string[]): Promise<DuePost[]> {
  const on = (await db.selectFrom('channel_reminders').selectAll().where('enabled', '=', 1).execute()).filter((c) =>
    platforms.some((p) => c.channel_ref.startsWith(`${p}:`)),
  );
  const out: DuePost[] = [];
  const t = now.getTime();
  for (let i = 0; i < on.length; i += 500) {
    const chunk = on.slice(i, i + 500);
    const refs = chunk.map((c) => c.channel_ref);
    const [posts, schedules] = await Promise.all([
      db
        .selectFrom('posts')
        .selectAll()
        .where('channel_ref', 'in', refs)
        .where('kind', '=', 'daily')
        .where('closes_at', '>', t)
        .where('posted_at', '<=', t)
        .execute(),
      db.selectFrom('schedules').select(['channel_ref', 'timezone']).where('channel_ref', 'in', refs).execute(),
    ]);
    const zones = new Map(schedules.map((s) => [s.channel_ref, s.timezone]));
    const latest = new Map<string, Post>();
    for (const p of posts) {
      const seen = latest.get(p.channel_ref);
      if (!seen || Number(p.posted_at) > Number(seen.posted_at)) latest.set(p.channel_ref, p);
    }
    for (const c of chunk) {
      const post = latest.get(c.channel_ref);
      if (!post) continue;
      const zone = zones.get(c.channel_ref) ?? 'UTC';
      if (t >= remindAt(post, c.at_time, zone)) out.push({ post, zone });
    }
  }
  return out;
}

/** When the nudge for a post goes: the channel's time on the post's day, else an hour before it closes. */
function remindAt(post: Pick<Post, 'posted_at' | 'closes_at'>, at: string | null, zone: string): number {
  const closes = Number(post.closes_at);
  const fallback = Math.max(Number(post.posted_at), closes - LEAD_MS);
  if (!at) return fallback;
  const [hour, minute] = at.split(':').map(Number);
  const posted = DateTime.fromMillis(Number(post.posted_at), { zone });
  let when = posted.set({ hour, minute, second: 0, millisecond: 0 });
  if (when.toMillis() < posted.toMillis()) when = when.plus({ days: 1 });
  // a time outside the window cannot nudge before it closes: use the default
  return when.toMillis() < closes ? when.toMillis() : fallback;
}

/** A zone's clock at the pass's moment, worked out once per zone: 100,000 members share a few zones. */
interface LocalNow {
  startOfDay: number;
  day: string;
  minute: number;
}

function localClock(t: number): (zone: string) => LocalNow {
  const seen = new Map<string, LocalNow>();
  return (zone) => {
    let local = seen.get(zone);
    if (!local) {
      const at = DateTime.fromMillis(t, { zone });
      local = { startOfDay: at.startOf('day').toMillis(), day: at.toISODate() ?? '', minute: at.hour * 60 + at.minute };
      seen.set(zone, local);
    }
    return local;
  };
}

/** A member who answered in a due channel lately, with their preferences and snooze. */
interface Recent {
  workspace: string;
  channel_ref: string;
  user_id: string;
  last: number | string | bigint;
  reminders_off: number | null;
  timezone: string | null;
  platform_timezone: string | null;
  quiet_from: number | null;
  quiet_to: number | null;
  snoozed_until: number | string | bigint | null;
}

/**
 * The members who answered in these channels within RECENT_MS, each with their last
 * answer, preferences and snooze: one statement for a hundred channels.
 */
async function recentIn(db: Db, channels: string[], t: number): Promise<Recent[]> {
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('answers')
        .select(['workspace', 'channel_ref', 'user_id', (f) => f.fn.max('created_at').as('last')])
        .where('channel_ref', 'in', channels)
        .where('created_at', '>=', t - RECENT_MS)
        .groupBy(['workspace', 'channel_ref', 'user_id'])
        .as('r'),
    )
    .leftJoin('member_prefs as p', (j) =>
      j.onRef('p.workspace', '=', 'r.workspace').onRef('p.user_id', '=', 'r.user_id'),
    )
    .leftJoin('members as m', (j) => j.onRef('m.workspace', '=', 'r.workspace').onRef('m.user_id', '=', 'r.user_id'))
    .select([
      'r.workspace',
      'r.channel_ref',
      'r.user_id',
      'r.last',
      'p.reminders_off',
      'p.timezone',
      'p.platform_timezone',
      'p.quiet_from',
      'p.quiet_to',
      'm.snoozed_until',
    ])
    .execute();
}

/** Members to nudge in the due channels, one claim each (the first channel wins a member in two). */
async function candidatesFor(db: Db, due: readonly DuePost[], now: Date): Promise<ReminderClaim[]> {
  const t = now.getTime();
  const claims: ReminderClaim[] = [];
  const taken = new Set<string>();
  const clock = localClock(t);
  for (let i = 0; i < due.length; i += 100) {
    const chunk = due.slice(i, i + 100);
    const byChannel = new Map(chunk.map((d) => [d.post.channel_ref, d]));
    for (const r of await recentIn(db, [...byChannel.keys()], t)) {
      const d = byChannel.get(r.channel_ref);
      const key = `${r.workspace}\u0000${r.user_id}`;
      if (!d || taken.has(key) || r.reminders_off === 1) continue;
      if (r.snoozed_until !== null && Number(r.snoozed_until) > t) continue;
      const local = clock(zoneOf(r, d.zone));
      if (Number(r.last) >= Math.min(local.startOfDay, Number(d.post.posted_at))) continue;
      if (quietAtMinute(quietOf(r), local.minute)) continue;
      taken.add(key);
      claims.push({
        workspace: r.workspace,
        userId: r.user_id,
        day: local.day,
        channel: r.channel_ref,
        postId: d.post.id,
      });
    }
  }
  return claims;
}

async function sendAll(ctx: AppContext, won: ReminderClaim[], due: readonly DuePost[], now: Date) {
  const posts = new Map(due.map((d) => [d.post.id, d.post]));
  // one message per question: every member of a channel gets the same words
  const messages = new Map<string, ReturnType<typeof reminderMessage>>();
  const messageFor = (post: Post) => {
    const m = messages.get(post.id) ?? reminderMessage(ctx.guides, post, now);
    messages.set(post.id, m);
    return m;
  };
  const result: ReminderResult = { sent: 0, failed: 0 };
  const sent: ReminderClaim[] = [];
  let kept = 0;
  let next = 0;
  const worker = async () => {
    while (next < won.length) {
      const claim = won[next++];
      const post = claim && posts.get(claim.postId);
      if (!claim || !post) continue;
      try {
        await sendPrivatelyTo(ctx, claim, messageFor(post));
        sent.push(claim);
        result.sent++;
      } catch (err) {
        result.failed++;
        ctx.logger.warn(
          { err, channel: claim.channel, user: claim.userId },
          'could not send a reminder; a later tick tries again',
        );
        await releaseReminder(ctx.db, claim).catch((e) => {
          kept++;
          ctx.logger.warn({ err: e }, 'could not give a reminder back');
        });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SENDS_AT_ONCE, won.length) }, worker));
  // Marked together: a claim is what keeps a reminder to once a day, the mark only
  // says it went (a claim left unmarked by a crash is never given back, so never re-sent).
  // The failed claims were given back, so the pass's claims left are the ones sent; only
  // when some could not be given back are the sent ones named one by one.
  if (kept === 0) await markPassSent(ctx.db, ctx.replicaId, now.getTime(), ctx.clock().getTime());
  else await markRemindersSent(ctx.db, sent, ctx.clock().getTime());
  return result;
}

function sendPrivatelyTo(ctx: AppContext, c: ReminderClaim, message: ReturnType<typeof reminderMessage>) {
  return sendPrivately(ctx, { workspace: c.workspace, channel: c.channel, userId: c.userId }, message);
}
