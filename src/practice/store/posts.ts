// Question posts: what was asked where, its thread, its answer window and digest.

import type { Insertable } from 'kysely';
import type { Post, PostsTable } from '../../db/schema';
import { onPlatforms } from '../../scheduler/platforms';
import { affected, type Db } from './db';

export type NewPost = Insertable<PostsTable>;

export async function insertPost(db: Db, post: NewPost): Promise<Post> {
  await db.insertInto('posts').values(post).execute();
  const saved = await db.selectFrom('posts').selectAll().where('id', '=', post.id).executeTakeFirstOrThrow();
  return saved;
}

export async function getPost(db: Db, workspace: string, id: string): Promise<Post | undefined> {
  return db.selectFrom('posts').selectAll().where('workspace', '=', workspace).where('id', '=', id).executeTakeFirst();
}

export async function postByThread(db: Db, workspace: string, threadRef: string): Promise<Post | undefined> {
  return db
    .selectFrom('posts')
    .selectAll()
    .where('workspace', '=', workspace)
    .where('thread_ref', '=', threadRef)
    .executeTakeFirst();
}

export async function postByOccurrence(db: Db, occurrenceId: string): Promise<Post | undefined> {
  return db.selectFrom('posts').selectAll().where('occurrence_id', '=', occurrenceId).executeTakeFirst();
}

export async function latestPost(db: Db, workspace: string, channelRef: string): Promise<Post | undefined> {
  return db
    .selectFrom('posts')
    .selectAll()
    .where('workspace', '=', workspace)
    .where('channel_ref', '=', channelRef)
    .orderBy('posted_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The question in the channel this member answered most recently. */
export async function latestAnsweredPost(
  db: Db,
  workspace: string,
  channelRef: string,
  userId: string,
): Promise<Post | undefined> {
  const row = await db
    .selectFrom('answers')
    .select('post_id')
    .where('workspace', '=', workspace)
    .where('channel_ref', '=', channelRef)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? getPost(db, workspace, row.post_id) : undefined;
}

/** How often each question has been asked in the channel. */
export async function questionCounts(db: Db, workspace: string, channelRef: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('posts')
    .select(['question_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace', '=', workspace)
    .where('channel_ref', '=', channelRef)
    .groupBy('question_id')
    .execute();
  return new Map(rows.map((r) => [r.question_id, Number(r.n)]));
}

/** Answers given in the channel per question category, for choosing what to practise. */
export async function answersPerCategory(db: Db, workspace: string, channelRef: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('answers')
    .innerJoin('posts', 'posts.id', 'answers.post_id')
    .select(['posts.category', (eb) => eb.fn.countAll<number>().as('n')])
    .where('answers.workspace', '=', workspace)
    .where('answers.channel_ref', '=', channelRef)
    .groupBy('posts.category')
    .execute();
  return new Map(rows.map((r) => [r.category, Number(r.n)]));
}

/**
 * Posts whose answer window has closed and whose digest nobody has claimed yet, on
 * the given platforms. Filtered in the query, not after it: with a page of 50, posts
 * of a platform whose process is down would otherwise fill every page and starve
 * this process's own digests.
 */
export async function postsAwaitingDigest(
  db: Db,
  now: Date,
  platforms: readonly string[],
  limit = 50,
): Promise<Post[]> {
  if (platforms.length === 0) return [];
  return db
    .selectFrom('posts')
    .selectAll()
    .where('digest_at', 'is', null)
    .where('closes_at', '<=', now.getTime())
    .where(onPlatforms(db, 'thread_ref', platforms))
    .orderBy('closes_at')
    .limit(limit)
    .execute();
}

/**
 * Claims a post's digest. Only one caller (across replicas) sees true: the update
 * succeeds only while digest_at is still empty.
 */
export async function claimDigest(db: Db, postId: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('posts')
    .set({ digest_at: now.getTime() })
    .where('id', '=', postId)
    .where('digest_at', 'is', null)
    .executeTakeFirst();
  return affected(r) === 1;
}

/**
 * Whether another post in the channel whose answer window closed since `since` has had
 * its digest: the week's first digest carries the channel chart. (A digest skipped for
 * a window that closed long ago does not count.)
 */
export async function otherDigestSince(db: Db, channelRef: string, postId: string, since: number): Promise<boolean> {
  const row = await db
    .selectFrom('posts')
    .select('id')
    .where('channel_ref', '=', channelRef)
    .where('posted_at', '>=', since - 7 * 86_400_000)
    .where('closes_at', '>=', since)
    .where('digest_at', 'is not', null)
    .where('id', '!=', postId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Gives a claimed digest back (its post failed for a passing reason), so a later
 * tick, on this replica or another, tries again. Only the claim made at `claimedAt`
 * is undone, never a later one.
 */
export async function releaseDigest(db: Db, postId: string, claimedAt: Date): Promise<void> {
  await db
    .updateTable('posts')
    .set({ digest_at: null })
    .where('id', '=', postId)
    .where('digest_at', '=', claimedAt.getTime())
    .execute();
}

/** When each question in the channel was posted (only the daily ones if asked), newest first, since a time. */
export async function postTimes(
  db: Db,
  workspace: string,
  channelRef: string,
  since: number,
  kind?: 'daily' | 'adhoc',
): Promise<number[]> {
  let q = db
    .selectFrom('posts')
    .select('posted_at')
    .where('workspace', '=', workspace)
    .where('channel_ref', '=', channelRef)
    .where('posted_at', '>=', since);
  if (kind) q = q.where('kind', '=', kind);
  const rows = await q.orderBy('posted_at', 'desc').execute();
  return rows.map((r) => Number(r.posted_at));
}
