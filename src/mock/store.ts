// Mock interview sessions in the database. A session moves on only through `advance`,
// which checks the version it read: of two replicas handling the same session at once,
// one wins and the other reads the session again.
import { randomUUID } from 'node:crypto';
import type { Insertable, Updateable } from 'kysely';
import type { MockItem, MockItemsTable, MockSession, MockSessionsTable } from '../db/schema';
import { affected, type Db } from '../practice/store/db';

export interface NewSession {
  workspace: string;
  userId: string;
  userName: string;
  channelRef: string;
  placeRef: string;
  questions: { id: string; text: string; employer: string; category: string }[];
  now: number;
}

/** Creates a session and its questions; undefined if the member already has one open. */
export async function createSession(db: Db, s: NewSession): Promise<MockSession | undefined> {
  const id = randomUUID();
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('mock_sessions')
        .values({
          id,
          workspace: s.workspace,
          user_id: s.userId,
          user_name: s.userName,
          channel_ref: s.channelRef,
          place_ref: s.placeRef,
          status: 'open',
          position: 0,
          total: s.questions.length,
          created_at: s.now,
          updated_at: s.now,
        })
        .execute();
      const items: Insertable<MockItemsTable>[] = s.questions.map((q, position) => ({
        session_id: id,
        position,
        question_id: q.id,
        question_text: q.text,
        employer: q.employer,
        category: q.category,
        state: 'waiting',
        updated_at: s.now,
      }));
      await trx.insertInto('mock_items').values(items).execute();
    });
  } catch (err) {
    // the unique index on open sessions: another start won the race
    if (await openSession(db, s.workspace, s.userId)) return undefined;
    throw err;
  }
  return getSession(db, id);
}

export async function getSession(db: Db, id: string): Promise<MockSession | undefined> {
  return db.selectFrom('mock_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function openSession(db: Db, workspace: string, userId: string): Promise<MockSession | undefined> {
  return db
    .selectFrom('mock_sessions')
    .selectAll()
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

/** The open session whose conversation happens at `placeRef`, whoever it belongs to. */
export async function sessionAt(db: Db, placeRef: string): Promise<MockSession | undefined> {
  return db
    .selectFrom('mock_sessions')
    .selectAll()
    .where('place_ref', '=', placeRef)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export async function itemsOf(db: Db, sessionId: string): Promise<MockItem[]> {
  return db.selectFrom('mock_items').selectAll().where('session_id', '=', sessionId).orderBy('position').execute();
}

/** Records that a reply was read; false if it already was (a redelivery, another replica). */
export async function firstTurn(db: Db, sessionId: string, messageRef: string, now: number): Promise<boolean> {
  const r = await db
    .insertInto('mock_turns')
    .values({ session_id: sessionId, message_ref: messageRef, created_at: now })
    .onConflict((oc) => oc.columns(['session_id', 'message_ref']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface Change {
  session: Updateable<MockSessionsTable>;
  item?: { position: number; set: Updateable<MockItemsTable> };
}

/** Applies a change if the session is still at `version`; false if someone moved it meanwhile. */
export async function advance(db: Db, s: MockSession, change: Change, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const moved = affected(
      await trx
        .updateTable('mock_sessions')
        .set({ ...change.session, version: Number(s.version) + 1, updated_at: now })
        .where('id', '=', s.id)
        .where('version', '=', Number(s.version))
        .where('status', '=', 'open')
        .executeTakeFirst(),
    );
    if (moved === 0) return false;
    if (change.item) {
      await trx
        .updateTable('mock_items')
        .set({ ...change.item.set, updated_at: now })
        .where('session_id', '=', s.id)
        .where('position', '=', change.item.position)
        .execute();
    }
    return true;
  });
}

/** Where the conversation happens, once the direct message (or private thread) is open. */
export async function setPlace(db: Db, id: string, placeRef: string): Promise<void> {
  await db.updateTable('mock_sessions').set({ place_ref: placeRef }).where('id', '=', id).execute();
}

/** Removes a session that never reached the member. */
export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('mock_items').where('session_id', '=', id).execute();
  await db.deleteFrom('mock_sessions').where('id', '=', id).execute();
}

/** The place of a session whose conversation is still being opened. */
export const PENDING = 'pending:';

/** Open sessions nobody has touched since `before`, held on these platforms (or never opened). */
export async function idleSessions(
  db: Db,
  before: number,
  platforms: readonly string[],
  limit = 100,
): Promise<MockSession[]> {
  return db
    .selectFrom('mock_sessions')
    .selectAll()
    .where('status', '=', 'open')
    .where('updated_at', '<', before)
    .where((eb) =>
      eb.or([PENDING, ...platforms.map((p) => `${p}:`)].map((prefix) => eb('place_ref', 'like', `${prefix}%`))),
    )
    .orderBy('updated_at')
    .limit(limit)
    .execute();
}

/** A member's sessions, newest first (summaries, export). */
export async function sessionsOf(db: Db, workspace: string, userId: string): Promise<MockSession[]> {
  return db
    .selectFrom('mock_sessions')
    .selectAll()
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Deletes a member's sessions (their questions and turns go with them). */
export async function forgetSessions(db: Db, workspace: string, userId: string): Promise<number> {
  const ids = (await sessionsOf(db, workspace, userId)).map((s) => s.id);
  if (ids.length === 0) return 0;
  await db.deleteFrom('mock_turns').where('session_id', 'in', ids).execute();
  await db.deleteFrom('mock_items').where('session_id', 'in', ids).execute();
  return affected(await db.deleteFrom('mock_sessions').where('id', 'in', ids).executeTakeFirst());
}
