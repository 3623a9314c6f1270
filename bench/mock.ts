// `npx tsx bench/mock.ts`: how soon a mock interview's next message (a follow-up or the
// next question) reaches the member after their answer arrives, through the real Bolt
// HTTP receiver on loopback, the whole bot on SQLite, and a fake Slack answering at once.
// Beside it, in the same run, the bot's ordinary feedback on a thread answer: the same
// analysis, the reply the member was already waiting for before mock interviews existed.
import { performance } from 'node:perf_hooks';
import { createSlackAdapter } from '../adapters/slack/index';
import { buildApp } from '../src/app';
import { AdapterSet } from '../src/chat/adapters';
import { loadConfig } from '../src/config';
import { openSqlite } from '../src/db/connection';
import { migrateToLatest } from '../src/db/migrate';
import { loadGuides } from '../src/guides/load';
import { silentLogger } from '../src/logger';
import { type ApiCall, FakeSlack } from '../test/slack/fake-slack';
import { eventEnvelope, FORM, formBody, messageEvent, send, slashCommand, TEAM } from '../test/slack/requests';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 40);
const QUESTIONS = 10;
const TARGET_P99_MS = 50;
const NO_RESULT =
  'In 2023 our team was behind on a data migration for a hospital client. I was responsible for moving the patient records safely. I wrote validation scripts and ran the migration in small batches over a weekend.';
const RESULT = 'As a result, we finished two days early with zero lost records, and the client renewed for a year.';

let seq = 0;
const BOT = 'xoxb-bench-token';
const SECRET = 'bench-signing-secret';

async function start() {
  const fake = await new FakeSlack().start();
  fake.addTeam(BOT, TEAM, 'U0BENCHBOT', 'B0BENCH');
  for (let i = 0; i < MEMBERS; i++) fake.addUser({ id: `U0M${i}`, name: `Member ${i}` });
  const database = openSqlite(':memory:');
  await migrateToLatest(database.db);
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: 'silent',
  });
  const adapter = createSlackAdapter({
    config,
    logger: silentLogger(),
    db: database.db,
    retryConfig: { retries: 0 },
    port: 0,
  });
  const adapters = new AdapterSet([adapter]);
  const app = buildApp({
    config,
    logger: silentLogger(),
    db: database.db,
    guides: loadGuides('content/guides').library,
    adapters,
  });
  await adapter.start((e) => app.handle(e));
  const port = adapter.port ?? 0;
  const close = async () => {
    await adapter.stop();
    await database.close();
    await fake.stop();
  };
  return { fake, adapter, port, close };
}

type Setup = Awaited<ReturnType<typeof start>>;

/** Sends `body` and resolves with the milliseconds until the first call that `reached` accepts. */
function timed(s: Setup, body: string, reached: (c: ApiCall) => boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    s.fake.onCall = (c) => {
      if (!reached(c)) return;
      s.fake.onCall = undefined;
      resolve(performance.now() - t0);
    };
    send(s.port, body, 'application/json', { secret: SECRET }).catch(reject);
  });
}

function event(user: string, channel: string, text: string, thread?: string): string {
  const ts = `${1_800_000_000 + ++seq}.000100`;
  const ev = messageEvent({
    user,
    channel,
    channel_type: thread ? 'channel' : 'im',
    text,
    ts,
    ...(thread ? { thread_ts: thread } : {}),
  });
  return JSON.stringify(eventEnvelope(ev, { eventId: `EvBench${seq}` }));
}

async function slash(s: Setup, user: string, text: string): Promise<void> {
  const cmd = slashCommand(text, { user_id: user, responseBase: s.fake.responseUrl('') });
  await send(s.port, formBody(cmd as never), FORM, { secret: SECRET });
  await s.adapter.idle();
}

/** Every member answers through a whole mock interview; each reply's first answer timed. */
async function mockRound(s: Setup): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const user = `U0M${i}`;
    const dm = `D${user}`;
    await slash(s, user, `mock chop ${QUESTIONS}`);
    // a story without its result, then the result: the follow-ups decide how many replies a question takes
    for (let k = 0; k < QUESTIONS * 3; k++) {
      const text = k % 2 ? RESULT : NO_RESULT;
      out.push(await timed(s, event(user, dm, text), (c) => c.method === 'chat.postMessage' && c.args.channel === dm));
      await s.adapter.idle();
      const last = s.fake.messages.filter((m) => m.channel === dm).at(-1);
      if (/Mock interview scorecard/.test(last?.text ?? '')) break;
    }
  }
  return out;
}

/** The baseline: thread answers to a daily question, timed to their private feedback. */
async function feedbackRound(s: Setup, count: number): Promise<number[]> {
  await slash(s, 'U0M0', 'question chop behavioral');
  const thread = s.fake.messages.find((m) => m.channel === 'C0PRACTICE' && !m.thread_ts)?.ts;
  if (!thread) throw new Error('no question was posted');
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const user = `U0M${k % MEMBERS}`;
    out.push(
      await timed(
        s,
        event(user, 'C0PRACTICE', `${NO_RESULT} ${RESULT}`, thread),
        (c) => c.method === 'chat.postEphemeral',
      ),
    );
    await s.adapter.idle();
  }
  return out;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;

const s = await start();
try {
  const mock = await mockRound(s);
  const feedback = await feedbackRound(s, mock.length);
  const row = (name: string, xs: number[]) =>
    console.log(
      `  ${name.padEnd(44)} ${String(xs.length).padStart(5)}  ${pct(xs, 50).toFixed(1).padStart(6)}  ${pct(xs, 99).toFixed(1).padStart(6)}`,
    );
  console.log(
    `Mock interview replies through the Slack HTTP receiver on loopback (${MEMBERS} members, a ${QUESTIONS}-question interview each, one reply at a time):`,
  );
  console.log(`  ${''.padEnd(44)} ${'n'.padStart(5)}  ${'p50 ms'.padStart(6)}  ${'p99 ms'.padStart(6)}`);
  row('answer → follow-up or next question (mock)', mock);
  row('thread answer → private feedback (baseline)', feedback);
  const p99 = pct(mock, 99);
  console.log(
    `  follow-up p99 ${p99.toFixed(1)} ms (target within ${TARGET_P99_MS} ms: ${p99 <= TARGET_P99_MS ? 'met' : 'NOT met'})`,
  );
} finally {
  await s.close();
}
