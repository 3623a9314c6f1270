// A bot replica as a real process, for the crash and restart tests: one scheduler
// run against DATABASE_URL at NOW, posting to the fake_posts table. With
// HANG_AFTER=n it stops answering at its n-th post, right after the "platform"
// accepted it and before the scheduler could record it: the worst moment to die.
import { openDatabase } from '../../src/db/connection';
import { silentLogger } from '../../src/logger';
import { runDueSchedules } from '../../src/scheduler/run';
import { fakePoster } from './fixtures';

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`replica-child needs ${name}`);
  return v;
};

const opened = await openDatabase(env('DATABASE_URL'));
const hangAfter = Number(process.env.HANG_AFTER ?? 0);
// how long the "platform" takes to answer each post (bench/takeover.ts)
const postDelay = Number(process.env.POST_DELAY_MS ?? 0);
const poster = fakePoster(opened.db, env('REPLICA_ID'), {
  idempotent: true,
  afterPost: async (n) => {
    if (postDelay) await new Promise((r) => setTimeout(r, postDelay));
    process.stdout.write(`posted ${n}\n`);
    if (hangAfter && n >= hangAfter) await new Promise(() => {});
  },
});
const result = await runDueSchedules({
  db: opened.db,
  now: new Date(Number(env('NOW'))),
  replicaId: env('REPLICA_ID'),
  logger: silentLogger(),
  catchupMs: Number(process.env.CATCHUP_MS ?? 6 * 3_600_000),
  platforms: ['test'],
  ...(process.env.LEASE_MS ? { leaseMs: Number(process.env.LEASE_MS) } : {}),
  concurrency: 4,
  batchSize: 50,
  pacing: { channelIntervalMs: 0, workspacePerSecond: Number.POSITIVE_INFINITY },
  post: poster.post,
});
process.stdout.write(`done ${JSON.stringify(result)}\n`);
await opened.close();
