// The reminder pass at scale: `npx tsx bench/reminders.ts` (Postgres too with
// BENCH_DATABASE_URL or TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test).
//
// 100,000 members in 1,000 channels with reminders on, each member with an answer
// two days ago and a member row; a tenth with their own zone, quiet hours or reminders
// off, one in fifty snoozed. The pass
// picks who to nudge, claims one reminder per member and day, and sends each to a
// platform that answers at once (the real platforms' pacing is the adapters' own).
// Then the same pass again, when everything is claimed and nothing is sent.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, type KyselyPlugin, sql } from 'kysely';
import { AdapterSet } from '../src/chat/adapters';
import type { Adapter } from '../src/chat/types';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/connection';
import type { OpenDatabase } from '../src/db/handle';
import { migrateToLatest } from '../src/db/migrate';
import { openPostgres } from '../src/db/postgres';
import type { Database } from '../src/db/schema';
import { loadGuides } from '../src/guides/load';
import { silentLogger } from '../src/logger';
import type { AppContext } from '../src/practice/context';
import { runReminders } from '../src/reminders/job';

const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const CHANNELS = 1_000;
const PER_CHANNEL = 100;
const T = Date.parse('2026-06-01T20:00:30Z');
const DAY = 86_400_000;
/** One scheduler tick: the ticker runs every minute and skips a tick while the last one still runs. */
const BUDGET_MS = 60_000;

async function seed(db: Kysely<Database>): Promise<void> {
  const ws = 'bench:W';
  for (let c = 0; c < CHANNELS; c++) {
    const ch = `${ws}:C${c}`;
    await db
      .insertInto('channel_reminders')
      .values({ channel_ref: ch, workspace: ws, enabled: 1, at_time: null, updated_by: 'U0', updated_at: T - DAY })
      .execute();
    const post = (id: string, at: number) => ({
      id,
      workspace: ws,
      channel_ref: ch,
      message_ref: `${ch}:${id}`,
      thread_ref: `${ch}:${id}`,
      question_id: 'q',
      employer: 'acme',
      category: 'behavioral',
      question_text: 'Tell me about a time…',
      kind: 'daily',
      posted_by: null,
      occurrence_id: null,
      posted_at: at,
      closes_at: at + 12 * 3_600_000,
      digest_at: null,
    });
    await db
      .insertInto('posts')
      .values([post(`old${c}`, T - 2 * DAY - 11 * 3_600_000), post(`today${c}`, T - 11 * 3_600_000)])
      .execute();
    const answers = Array.from({ length: PER_CHANNEL }, (_, m) => ({
      id: `a${c}-${m}`,
      post_id: `old${c}`,
      workspace: ws,
      channel_ref: ch,
      user_id: `U${c}-${m}`,
      user_name: `Member ${m}`,
      text: 'An answer.',
      created_at: T - 2 * DAY,
      updated_at: T - 2 * DAY,
    }));
    await db.insertInto('answers').values(answers).execute();
    // every answerer has a member row (the core makes one with the first answer); one in 50 snoozed
    await db
      .insertInto('members')
      .values(
        answers.map((a, m) => ({
          workspace: ws,
          user_id: a.user_id,
          name: a.user_name,
          snoozed_until: m % 50 === 7 ? T + DAY : null,
          updated_at: T - 2 * DAY,
        })),
      )
      .execute();
    const prefs = answers
      .filter((_, m) => m % 10 === 0)
      .map((a, i) => ({
        workspace: ws,
        user_id: a.user_id,
        timezone: i % 3 === 0 ? 'Asia/Tokyo' : null,
        platform_timezone: i % 3 === 1 ? 'America/New_York' : null,
        quiet_from: i % 3 === 2 ? 19 * 60 : null,
        quiet_to: i % 3 === 2 ? 21 * 60 : null,
        reminders_off: i % 5 === 0 ? 1 : 0,
        updated_at: T - DAY,
      }));
    await db.insertInto('member_prefs').values(prefs).execute();
  }
}

/** Counts the statements sent to the database: the pass's round trips. */
function statementCounter(): KyselyPlugin & { count: number } {
  return {
    count: 0,
    transformQuery(args) {
      this.count++;
      return args.node;
    },
    async transformResult(args) {
      return args.result;
    },
  };
}

function fakePlatform(): Adapter & { sent: number } {
  return {
    platform: 'bench',
    sent: 0,
    async start() {},
    async stop() {},
    async openDirect(_w, user) {
      return `bench:W:D${user}`;
    },
    async post(to) {
      this.sent++;
      return { ref: `${to}:1`, threadRef: `${to}:1` };
    },
  };
}

async function open(kind: 'sqlite' | 'postgres'): Promise<{ o: OpenDatabase; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'starling-bench-'));
    const o = await openDatabase(join(dir, 'bench.db'));
    return { o, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = openPostgres(PG_URL as string, { max: 1 });
  const name = `starling_bench_${randomBytes(4).toString('hex')}`;
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  const u = new URL(PG_URL as string);
  u.pathname = `/${name}`;
  const o = openPostgres(u.toString(), { max: 4 });
  return {
    o,
    drop: async () => {
      await sql`drop database ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    },
  };
}

async function bench(kind: 'sqlite' | 'postgres'): Promise<boolean> {
  const { o, drop } = await open(kind);
  try {
    await migrateToLatest(o.db);
    const seeded = Date.now();
    await seed(o.db);
    const platform = fakePlatform();
    const statements = statementCounter();
    const ctx: AppContext = {
      db: o.db.withPlugin(statements),
      guides: loadGuides('content/guides').library,
      adapters: new AdapterSet([platform]),
      logger: silentLogger(),
      config: loadConfig({}),
      clock: () => new Date(T),
      replicaId: 'bench',
    };
    console.log(
      `${kind}: seeded ${CHANNELS * PER_CHANNEL} members in ${CHANNELS} channels in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
    );
    const start = performance.now();
    const first = await runReminders(ctx, new Date(T), ['bench']);
    const firstMs = performance.now() - start;
    const firstStatements = statements.count;
    const again = performance.now();
    const second = await runReminders(ctx, new Date(T + 60_000), ['bench']);
    const secondMs = performance.now() - again;
    console.log(
      `${kind}: first pass ${first.sent} sent (${platform.sent} posts) in ${(firstMs / 1000).toFixed(2)} s, ${firstStatements} statements; next tick ${second.sent} sent in ${(secondMs / 1000).toFixed(2)} s, ${statements.count - firstStatements} statements; budget ${BUDGET_MS / 1000} s`,
    );
    return firstMs < BUDGET_MS && secondMs < BUDGET_MS && second.sent === 0;
  } finally {
    await o.close();
    await drop();
  }
}

let ok = await bench('sqlite');
if (PG_URL) ok = (await bench('postgres')) && ok;
else console.log('postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
if (!ok) {
  console.error(`the reminder pass missed its ${BUDGET_MS / 1000} s budget`);
  process.exitCode = 1;
}
