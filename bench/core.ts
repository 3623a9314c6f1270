// `/prep me` and `/prep leaderboard` on a SQLite file holding 1,000,000 answers
// from 10,000 members in 100 channels (10 workspaces), through the real router.
// The seeded file is kept in bench/out/ and reused; delete it to seed again.
//   npx tsx bench/core.ts            (seed if needed, then measure)
//   npx tsx bench/core.ts --reseed
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { MemoryAdapter } from '../adapters/memory/index';
import { buildApp } from '../src/app';
import { AdapterSet } from '../src/chat/adapters';
import { loadConfig } from '../src/config';
import { openSqlite } from '../src/db/connection';
import { migrateToLatest } from '../src/db/migrate';
import { GuideLibrary } from '../src/guides/library';
import { silentLogger } from '../src/logger';

const WORKSPACES = 10;
const CHANNELS_PER_WS = 10;
const MEMBERS = 10_000;
const ANSWERS_PER_MEMBER = 100;
const DAYS = 365;
const SAMPLES = 400;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 2, 12);
const VERSION = 'v3';

const dir = join(import.meta.dirname, 'out');
const file = join(dir, `core-${VERSION}.db`);

/** A small deterministic generator so every seed is the same database. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ws = (w: number) => `bench:W${w}`;
const channel = (c: number) => `${ws(Math.floor(c / CHANNELS_PER_WS))}:C${c}`;
const memberChannel = (m: number) => m % (WORKSPACES * CHANNELS_PER_WS);

async function seed(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const open = openSqlite(file);
  await migrateToLatest(open.db);
  await open.close();
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -200000');
  const started = performance.now();
  const insertPost = db.prepare(
    `insert into posts (id, workspace, channel_ref, message_ref, thread_ref, question_id, employer, category, question_text, kind, posted_by, occurrence_id, posted_at, closes_at, digest_at)
     values (?, ?, ?, ?, ?, ?, 'acme', ?, ?, 'daily', null, null, ?, ?, ?)`,
  );
  const insertMember = db.prepare(
    'insert into members (workspace, user_id, name, snoozed_until, updated_at) values (?, ?, ?, null, ?)',
  );
  const insertAnswer = db.prepare(
    `insert into answers (id, post_id, workspace, channel_ref, user_id, user_name, attempt, text, late, created_at, updated_at, checks_passed, checks_total, complete)
     values (?, ?, ?, ?, ?, ?, 1, ?, 0, ?, ?, ?, 6, ?)`,
  );
  const insertAnalysis = db.prepare(
    `insert into analyses (answer_id, story, situation, task, action, result, result_measured, ownership, ownership_flagged, checks_passed, checks_total, word_count, data, created_at)
     values (?, ?, ?, ?, ?, ?, ?, 1, 0, ?, 6, ?, '{}', ?)`,
  );
  const categories = ['behavioral', 'technical', 'situational', 'system-design', 'project-deep-dive'];
  const random = rng(42);
  db.transaction(() => {
    for (let c = 0; c < WORKSPACES * CHANNELS_PER_WS; c++) {
      const w = ws(Math.floor(c / CHANNELS_PER_WS));
      for (let d = 0; d < DAYS; d++) {
        const at = NOW - (DAYS - d) * DAY;
        const id = `p-${c}-${d}`;
        const ref = `${channel(c)}:${d}`;
        insertPost.run(
          id,
          w,
          channel(c),
          ref,
          ref,
          `q-${d % 40}`,
          categories[d % 5],
          `Question ${d % 40}?`,
          at,
          at + DAY,
          at + DAY,
        );
      }
    }
    for (let m = 0; m < MEMBERS; m++) {
      const c = memberChannel(m);
      const w = ws(Math.floor(c / CHANNELS_PER_WS));
      insertMember.run(w, `U${m}`, `Member ${m}`, NOW);
      // 100 distinct days out of 365, spread over the year.
      const days = new Set<number>();
      while (days.size < ANSWERS_PER_MEMBER) days.add(Math.floor(random() * DAYS));
      for (const d of days) {
        const at = NOW - (DAYS - d) * DAY + 3_600_000 + Math.floor(random() * 3_600_000);
        const id = randomUUID();
        const r = random();
        const parts = [1, r > 0.1 ? 1 : 0, r > 0.3 ? 1 : 0, 1, r > 0.5 ? 1 : 0];
        const passed = parts.reduce((x, y) => x + y, 0) + (r > 0.7 ? 1 : 0);
        const complete = parts.slice(1).every(Boolean) ? 1 : 0;
        const text = 'I did the thing and it worked out well.';
        insertAnswer.run(id, `p-${c}-${d}`, w, channel(c), `U${m}`, `Member ${m}`, text, at, at, passed, complete);
        insertAnalysis.run(id, ...parts, r > 0.7 ? 1 : 0, passed, 80 + Math.floor(r * 200), at);
      }
    }
  })();
  db.pragma('optimize');
  db.exec('analyze');
  db.close();
  const count = MEMBERS * ANSWERS_PER_MEMBER;
  console.log(`seeded ${count.toLocaleString('en')} answers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(): Promise<void> {
  const open = openSqlite(file);
  await migrateToLatest(open.db);
  const adapter = new MemoryAdapter('bench:W0', channel(0));
  const app = buildApp({
    config: loadConfig({ FEEDBACK_QUIET_SECONDS: '0' }),
    logger: silentLogger(),
    db: open.db,
    guides: new GuideLibrary([]),
    adapters: new AdapterSet([adapter]),
    clock: () => new Date(NOW),
    replicaId: 'bench',
  });
  await adapter.start((e) => app.handle(e));
  const random = rng(7);
  const run = async (
    name: string,
    pick: () => { user: number; c: number },
    check: (title: string, text: string) => boolean,
  ) => {
    const times: number[] = [];
    for (let i = 0; i < SAMPLES + 20; i++) {
      const { user, c } = pick();
      const w = ws(Math.floor(c / CHANNELS_PER_WS));
      adapter.clear();
      const t = performance.now();
      await adapter.emit({
        type: 'command',
        name,
        text: '',
        author: { id: `U${user}`, name: `Member ${user}` },
        workspace: w,
        channel: channel(c),
        at: new Date(NOW),
      } as never);
      const ms = performance.now() - t;
      const reply = adapter.sent[0]?.message;
      // A refusal or an empty board would be fast for the wrong reason.
      if (!reply || !check(reply.title ?? '', reply.text))
        throw new Error(`/prep ${name} did not answer as expected: ${reply?.text}`);
      if (i >= 20) times.push(ms); // the first few warm the caches
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const p99 = percentile(times, 99);
    console.log(
      `/prep ${name.padEnd(11)} p50 ${p50.toFixed(2)} ms  p99 ${p99.toFixed(2)} ms  (${SAMPLES} runs)  ${p99 < 20 ? 'ok' : 'OVER the 20 ms target'}`,
    );
    return p99;
  };
  const member = () => {
    const user = Math.floor(random() * MEMBERS);
    return { user, c: memberChannel(user) };
  };
  const me = await run(
    'me',
    member,
    (title, text) => title === 'Your practice summary' && text.includes('**Answers given:** 100'),
  );
  const board = await run(
    'leaderboard',
    member,
    (title, text) => title.startsWith('Leaderboard') && text.includes('🥇'),
  );
  const worst = Math.max(me, board);
  await open.close();
  process.exitCode = worst < 20 ? 0 : 1;
}

if (process.argv.includes('--reseed') || !existsSync(file)) await seed();
await measure();
