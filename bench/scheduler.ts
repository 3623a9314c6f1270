// Scheduler figures: `npx tsx bench/scheduler.ts` (Postgres parts need
// TEST_DATABASE_URL or BENCH_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test).
//
//  1. tick query time with 100,000 schedules (SQLite, Postgres)
//  1b. the same tick in a Slack process while the Discord process is down, with
//     50,000 Discord schedules due and 10,000 of their questions waiting (Postgres)
//  2. claim + dispatch of 10,000 occurrences due the same minute to a fake
//     platform, without and with simulated rate limits (SQLite, Postgres)
//  3. the same fan-out with 2 replicas on Postgres
//  4. the naive design (one node-cron task per schedule, in memory) for memory and
//     tick cost, measured in a child process so its heap is its own
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { PlatformError } from '../src/chat/errors';
import { openDatabase } from '../src/db/connection';
import { migrateToLatest } from '../src/db/migrate';
import { openPostgres } from '../src/db/postgres';
import type { Database, Occurrence, Schedule } from '../src/db/schema';
import { silentLogger } from '../src/logger';
import { materialiseDue } from '../src/scheduler/occurrences';
import { type DueRunResult, runDueSchedules } from '../src/scheduler/run';
import { insertSchedules } from '../test/scheduler/fixtures';

const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const SELF = fileURLToPath(import.meta.url);
const T = Date.parse('2026-06-01T09:00:00Z');
const HOUR = 3_600_000;
const logger = silentLogger();
/** An instant when nothing is due: just after every schedule was set. */
const QUIET = T - 24 * HOUR + 1000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

interface Target {
  kind: 'sqlite' | 'postgres';
  url: string;
  drop(): Promise<void>;
}

async function newTarget(kind: 'sqlite' | 'postgres'): Promise<Target> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'starling-bench-'));
    return { kind, url: join(dir, 'bench.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = openPostgres(PG_URL as string, { max: 1 });
  const name = `starling_bench_${randomBytes(4).toString('hex')}`;
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  const u = new URL(PG_URL as string);
  u.pathname = `/${name}`;
  return {
    kind,
    url: u.toString(),
    drop: async () => {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    },
  };
}

async function open(t: Target, max = 10) {
  // Each bench database is dropped WITH (FORCE), which ends the pools' idle
  // connections on purpose: nothing to warn about.
  return t.kind === 'postgres' ? openPostgres(t.url, { max, onError: () => {} }) : openDatabase(t.url);
}

/** 1. The query a tick makes when nothing is due, and a whole idle tick, over 100,000 schedules. */
async function tickQuery(kind: 'sqlite' | 'postgres') {
  const t = await newTarget(kind);
  const o = await open(t);
  try {
    await migrateToLatest(o.db);
    // Spread over the day so a tick finds a handful due, as in production.
    const per = 100_000 / 96;
    for (let q = 0; q < 96; q++) {
      const hh = String(Math.floor(q / 4)).padStart(2, '0');
      const mm = String((q % 4) * 15).padStart(2, '0');
      await insertSchedules(o.db, {
        count: Math.round(per),
        workspaces: 1000,
        time: `${hh}:${mm}`,
        timezone: q % 2 ? 'Europe/Berlin' : 'America/New_York',
        setAt: new Date(T - 24 * HOUR),
        prefix: `q${q}-`,
      });
    }
    const total = Number(
      (
        await o.db
          .selectFrom('schedules')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );
    if (kind === 'postgres') await sql`analyze`.execute(o.db);
    const quiet = QUIET;
    const query = [];
    for (let i = 0; i < 50; i++) {
      const s = performance.now();
      await o.db
        .selectFrom('schedules')
        .selectAll()
        .where('paused', '=', 0)
        .where('next_run_at', '<=', quiet)
        .orderBy('next_run_at')
        .orderBy('id')
        .limit(64)
        .execute();
      query.push(performance.now() - s);
    }
    const idle = [];
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      await runDueSchedules({
        db: o.db,
        now: new Date(quiet),
        replicaId: 'bench',
        logger,
        catchupMs: 6 * HOUR,
        platforms: ['test'],
        post: fail,
      });
      idle.push(performance.now() - s);
    }
    const memory = kind === 'sqlite' ? await ourMemory(o.db) : undefined;
    return { kind, schedules: total, dueQuery: median(query), idleTick: median(idle), memory };
  } finally {
    await o.close();
    await t.drop();
  }
}

/**
 * 1b. A Slack process's idle tick while the Discord process is down: 50,000 Slack
 * schedules not yet due, 50,000 Discord ones due and 10,000 of those recorded and
 * waiting. The Slack process must leave them all alone, and pass them over cheaply.
 */
async function othersDue(kind: 'sqlite' | 'postgres') {
  const t = await newTarget(kind);
  const o = await open(t);
  try {
    await migrateToLatest(o.db);
    const setAt = new Date(T - 24 * HOUR);
    await insertSchedules(o.db, { count: 50_000, workspaces: 500, time: '09:00', setAt, platform: 'slack' });
    await insertSchedules(o.db, { count: 50_000, workspaces: 500, time: '08:00', setAt, platform: 'discord' });
    // The Discord process recorded 10,000 of its questions, then went down.
    for (let i = 0; i < 20; i++) {
      await materialiseDue(o.db, { now: T - HOUR + 60_000, catchupMs: 6 * HOUR, limit: 500, platforms: ['discord'] });
    }
    if (kind === 'postgres') await sql`analyze`.execute(o.db);
    const now = new Date(T - 10 * 60_000);
    const ticks = [];
    for (let i = 0; i < 10; i++) {
      const s = performance.now();
      const r = await runDueSchedules({
        db: o.db,
        now,
        replicaId: 'slack',
        logger,
        catchupMs: 6 * HOUR,
        platforms: ['slack'],
        post: fail,
      });
      ticks.push(performance.now() - s);
      if (r.posted || r.failed || r.deferred || r.skipped) throw new Error('the Slack process touched Discord work');
    }
    const waiting = await o.db
      .selectFrom('occurrences')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', '=', 'pending')
      .where('attempts', '=', 0)
      .executeTakeFirst();
    return { kind, tick: median(ticks), waiting: Number(waiting?.n) };
  } finally {
    await o.close();
    await t.drop();
  }
}

const fail = async (): Promise<{ postId: string }> => {
  throw new Error('nothing should be due');
};

/** A fake platform: answers after `latencyMs`; optionally rate limits each workspace. */
function fakePlatform(opts: { latencyMs: number; perWorkspacePerSecond?: number }) {
  const sent = new Map<string, number>();
  const windows = new Map<string, number[]>();
  let limited = 0;
  return {
    sent,
    get limited() {
      return limited;
    },
    async post(s: Schedule, o: Occurrence) {
      await new Promise((r) => setTimeout(r, opts.latencyMs));
      if (opts.perWorkspacePerSecond) {
        const now = Date.now();
        const w = (windows.get(s.workspace) ?? []).filter((at) => now - at < 1000);
        if (w.length >= opts.perWorkspacePerSecond) {
          limited++;
          throw new PlatformError('rate_limited', 'ratelimited', undefined, 1000);
        }
        w.push(now);
        windows.set(s.workspace, w);
      }
      sent.set(o.id, (sent.get(o.id) ?? 0) + 1);
      return { postId: o.id };
    },
  };
}

/** 2/3. 10,000 occurrences due the same minute, over `replicas` replicas, until all are posted. */
async function fanOut(kind: 'sqlite' | 'postgres', replicas: number, rateLimited: boolean) {
  const N = 10_000;
  const t = await newTarget(kind);
  const main = await open(t);
  const pools = [main];
  try {
    await migrateToLatest(main.db);
    await insertSchedules(main.db, { count: N, workspaces: 500, setAt: new Date(T - HOUR) });
    for (let i = 1; i < replicas; i++) pools.push(await open(t));
    const platform = fakePlatform({ latencyMs: 2, perWorkspacePerSecond: rateLimited ? 6 : undefined });
    const started = performance.now();
    const firstRun: DueRunResult[] = [];
    let runs = 0;
    let firstRunMs = 0;
    // Replicas tick together; later ticks pick up what was rate limited. The clock
    // passed in follows real time, as the ticker's would.
    while (true) {
      const now = new Date(T + (performance.now() - started));
      const results = await Promise.all(
        pools.map((p, i) =>
          runDueSchedules({
            db: p.db,
            now,
            replicaId: `r${i}`,
            logger,
            catchupMs: 6 * HOUR,
            platforms: ['test'],
            concurrency: 16,
            post: platform.post,
          }),
        ),
      );
      runs++;
      if (runs === 1) {
        firstRun.push(...results);
        firstRunMs = performance.now() - started;
      }
      const left = await main.db
        .selectFrom('occurrences')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', 'in', ['pending', 'claimed'])
        .executeTakeFirst();
      if (Number(left?.n) === 0 || runs > 60) break;
      // Wait for the retry time of what was rate limited, as the next tick would.
      await new Promise((r) => setTimeout(r, 1000));
    }
    const total = performance.now() - started;
    const posts = [...platform.sent.values()];
    const doubles = posts.filter((n) => n > 1).length;
    return {
      kind,
      replicas,
      rateLimited,
      posted: posts.length,
      doubles,
      firstRunMs,
      firstRunPosted: firstRun.reduce((s, r) => s + r.posted, 0),
      perReplica: firstRun.map((r) => r.posted),
      totalMs: total,
      runs,
      limitedAnswers: platform.limited,
    };
  } finally {
    for (const p of pools) await p.close();
    await t.drop();
  }
}

/** 4. The naive design, in a child process: one node-cron task per schedule. */
async function naiveChild(n: number) {
  const cron = (await import('node-cron')).default;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const m0 = process.memoryUsage();
  const s0 = performance.now();
  const tasks = [];
  for (let i = 0; i < n; i++) {
    const minute = i % 60;
    const tz = i % 2 ? 'Europe/Berlin' : 'America/New_York';
    tasks.push(cron.schedule(`${minute} 9 * * 1-5`, () => {}, { timezone: tz }));
  }
  const createMs = performance.now() - s0;
  gc?.();
  const m1 = process.memoryUsage();
  const c0 = process.cpuUsage();
  const idleMs = 3000;
  await new Promise((r) => setTimeout(r, idleMs));
  const c1 = process.cpuUsage(c0);
  for (const task of tasks) task.destroy();
  process.stdout.write(
    `${JSON.stringify({
      n,
      createMs,
      heap: m1.heapUsed - m0.heapUsed,
      rss: m1.rss - m0.rss,
      cpuPerMinuteMs: ((c1.user + c1.system) / 1000) * (60_000 / idleMs),
    })}\n`,
  );
}

/** Our design in the naive design's terms (run in a child with --expose-gc): heap and CPU of idle ticks. */
async function ourMemory(db: Kysely<Database>) {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const m0 = process.memoryUsage();
  const c0 = process.cpuUsage();
  for (let i = 0; i < 10; i++) {
    await runDueSchedules({
      db,
      now: new Date(QUIET),
      replicaId: 'm',
      logger,
      catchupMs: 6 * HOUR,
      platforms: ['test'],
      post: fail,
    });
  }
  const c1 = process.cpuUsage(c0);
  gc?.();
  const m1 = process.memoryUsage();
  // One tick a minute: the CPU of one idle tick is the cost per minute.
  return { heap: m1.heapUsed - m0.heapUsed, cpuPerMinuteMs: (c1.user + c1.system) / 1000 / 10 };
}

async function main() {
  if (process.argv[2] === '--naive') return naiveChild(Number(process.argv[3]));
  if (process.argv[2] === '--ours') {
    process.stdout.write(`${JSON.stringify(await tickQuery('sqlite'))}\n`);
    return;
  }
  const began = performance.now();
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const pg = Boolean(PG_URL);
  out(`# Scheduler bench (${new Date().toISOString()}, node ${process.version})`);
  if (!pg) out('Postgres: skipped (set TEST_DATABASE_URL or BENCH_DATABASE_URL to postgres://... to include it)');

  const child = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', SELF, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}');
  };
  out('\n## Tick with 100,000 schedules (nothing due; median)');
  out('| database | schedules | due query | whole idle tick |');
  out('|---|---|---|---|');
  const ours = child(['--ours']);
  const ticks = [ours, ...(pg ? [await tickQuery('postgres')] : [])];
  for (const r of ticks)
    out(`| ${r.kind} | ${r.schedules.toLocaleString('en')} | ${ms(r.dueQuery)} | ${ms(r.idleTick)} |`);

  // Postgres only: processes running different platforms need a shared server (SQLite allows one process).
  if (pg) {
    out('\n## Idle tick of a Slack process while the Discord process is down (Postgres; median)');
    out(
      '50,000 Slack schedules not yet due; 50,000 Discord schedules due, 10,000 of their questions recorded and waiting.',
    );
    out('| database | whole idle tick | Discord questions still waiting, untouched |');
    out('|---|---|---|');
    const r = await othersDue('postgres');
    out(`| ${r.kind} | ${ms(r.tick)} | ${r.waiting.toLocaleString('en')} |`);
  }

  out(
    '\n## 10,000 occurrences due the same minute (500 workspaces × 20 channels; fake platform answers in 2 ms; concurrency 16 per replica; default pace 1/s per channel, 5/s with bursts of 10 per workspace)',
  );
  out(
    '| database | replicas | platform | first tick | posted in first tick | all posted | ticks | rate-limit answers | posted once |',
  );
  out('|---|---|---|---|---|---|---|---|---|');
  const cases: ['sqlite' | 'postgres', number, boolean][] = [
    ['sqlite', 1, false],
    ['sqlite', 1, true],
  ];
  if (pg) cases.push(['postgres', 1, false], ['postgres', 2, false], ['postgres', 2, true]);
  for (const [kind, replicas, limited] of cases) {
    const r = await fanOut(kind, replicas, limited);
    out(
      `| ${kind} | ${replicas}${replicas > 1 ? ` (${r.perReplica.join(' + ')})` : ''} | ${limited ? 'limits 6/s per workspace' : 'no limits'} | ${ms(r.firstRunMs)} | ${r.firstRunPosted.toLocaleString('en')} | ${ms(r.totalMs)} | ${r.runs} | ${r.limitedAnswers} | ${r.posted === 10_000 && r.doubles === 0 ? 'yes, 10,000' : `NO: ${r.posted} posted, ${r.doubles} doubled`} |`,
    );
  }

  out('\n## Against the naive design (one node-cron task per schedule, in memory)');
  // Measured at the same scale as ours, not extrapolated: 100,000 tasks take a few
  // seconds to create and a few hundred MB, which this machine has.
  const NAIVE = 100_000;
  const naive = child(['--naive', String(NAIVE)]);
  out('| design | schedules | start-up | heap held | CPU per minute when idle |');
  out('|---|---|---|---|---|');
  out(
    `| naive, measured | ${NAIVE.toLocaleString('en')} | ${ms(naive.createMs)} to create the tasks | ${mb(naive.heap)} (RSS +${mb(naive.rss)}) | ${ms(naive.cpuPerMinuteMs)} |`,
  );
  out(
    `| database tick (ours) | 100,000 | none (nothing to rebuild) | ${mb(Math.max(0, ours.memory.heap))} | ${ms(ours.memory.cpuPerMinuteMs)} |`,
  );
  out(
    '\nThe naive design also has no claim, so two replicas would post everything twice, and a restart forgets what was missed.',
  );
  out(`\nBench took ${((performance.now() - began) / 1000).toFixed(1)} s.`);
}

await main();
