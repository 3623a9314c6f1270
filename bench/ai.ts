// The AI coach adds nothing to the time the offline feedback takes: answers through the
// real router and the memory adapter, each timed from the reply until its offline feedback
// is sent, with the coach off, on against an endpoint that answers in 300 ms, and on
// against one that never answers (LLM_TIMEOUT_MS 2000). All three in one run.
//   npx tsx bench/ai.ts
import { performance } from 'node:perf_hooks';
import { MemoryAdapter, member } from '../adapters/memory/index';
import { buildApp } from '../src/app';
import { AdapterSet } from '../src/chat/adapters';
import { coachFromConfig } from '../src/coach/setup';
import { loadConfig } from '../src/config';
import { openSqlite } from '../src/db/connection';
import { migrateToLatest } from '../src/db/migrate';
import { loadGuides } from '../src/guides/load';
import { silentLogger } from '../src/logger';
import { startFakeLlm } from '../test/coach/fake-llm';

const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 100);
const ROUNDS = 3;
const ANSWER =
  'In 2023 at Acme our team was behind on a data migration for a hospital client. I was responsible for moving the patient records safely. I wrote validation scripts and ran the migration in small batches over a weekend.';
const REVIEW = JSON.stringify({
  weakest_sentence: 'I wrote validation scripts and ran the migration in small batches over a weekend.',
  rewrite: 'I wrote validation scripts and moved the records in small batches, and [X] records moved with none lost.',
  on_topic: 'yes',
  reason: 'It is one specific time, as the question asks.',
});

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1] ?? 0;

async function measure(label: string, env: Record<string, string>, aiOn: boolean) {
  const database = openSqlite(':memory:');
  await migrateToLatest(database.db);
  // every reply a whole answer, answered at once: the time measured is the feedback's own
  const config = loadConfig({ LOG_LEVEL: 'silent', FEEDBACK_QUIET_SECONDS: '0', ...env });
  const logger = silentLogger();
  const coach = coachFromConfig(config, logger);
  const adapter = new MemoryAdapter('memory:W1', 'memory:W1:C1');
  const app = buildApp({
    config,
    logger,
    db: database.db,
    guides: loadGuides('content/guides').library,
    adapters: new AdapterSet([adapter]),
    coach,
  });
  await adapter.start((e) => app.handle(e));
  const admin = member('U-admin', 'Admin', true);
  const emit = (e: object) => adapter.emit({ at: new Date(), channel: 'memory:W1:C1', ...e } as never);
  if (aiOn) await emit({ type: 'command', name: 'settings', text: 'ai on', author: admin });
  await emit({ type: 'command', name: 'question', text: '', author: admin });
  const thread =
    adapter
      .publicIn('memory:W1:C1')
      .filter((s) => s.message.kind === 'question')
      .at(-1)?.ref ?? '';
  const times: number[] = [];
  for (let i = 0; i < ANSWERS; i++) {
    const who = member(`U-${i}`, `Member ${i}`);
    const t0 = performance.now();
    await emit({ type: 'message', ref: `${thread}:a${i}`, thread, text: ANSWER, author: who });
    times.push(performance.now() - t0);
    if (!adapter.privateFor(who.id).some((s) => s.message.kind === 'feedback')) throw new Error('no offline feedback');
  }
  const t1 = performance.now();
  await coach?.idle();
  const drained = performance.now() - t1;
  const ai = adapter.sent.filter((s) => s.message.title?.includes('AI')).length;
  await database.close();
  console.log(
    `${label.padEnd(44)} offline feedback p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms; AI messages ${ai}/${ANSWERS} (last in ${drained.toFixed(0)} ms after the last answer)`,
  );
  return pct(times, 95);
}

async function main() {
  const slow = await startFakeLlm();
  slow.answer({ content: REVIEW, delayMs: 300 });
  const hang = await startFakeLlm();
  hang.answer({ hang: true });
  const llm = (url: string) => ({
    LLM_BASE_URL: url,
    LLM_MODEL: 'bench-model',
    LLM_TIMEOUT_MS: '2000',
    LLM_REQUESTS_PER_MINUTE: '1000',
  });
  console.log(
    `${ANSWERS} answers a run, one after another, each from a new member; ${ROUNDS} rounds, interleaved (bench/ai.ts)`,
  );
  await measure('warm-up (not counted)', {}, false);
  const p95 = { off: [] as number[], ok: [] as number[], hung: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    p95.off.push(await measure('coach off (no endpoint)', {}, false));
    p95.ok.push(await measure('coach on, endpoint answering in 300 ms', llm(slow.url), true));
    p95.hung.push(await measure('coach on, endpoint never answering', llm(hang.url), true));
  }
  const mid = (xs: number[]) => pct(xs, 50);
  console.log(
    `median p95 of the offline feedback: coach off ${mid(p95.off).toFixed(1)} ms, on (answering) ${mid(p95.ok).toFixed(1)} ms, on (hanging) ${mid(p95.hung).toFixed(1)} ms; the feedback never awaits the model, so what differs is the coach's own work sharing the process`,
  );
  await slow.close();
  await hang.close();
}

await main();
