// The AI coach against a loopback fake of the chat-completions endpoint: off until both
// the channel and the member allow it, labelled when it speaks, silent when the endpoint
// hangs, fails or answers nonsense, and the offline feedback never waiting for it.
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ada, bob, COMPLETE_1, COMPLETE_2, type Harness, harness, NO_RESULT, questions } from '../practice/helpers';
import { type FakeLlm, startFakeLlm } from './fake-llm';

const ANSWER = NO_RESULT;
const WEAK = 'I wrote validation scripts and ran the migration in small batches over a weekend.';
const GOOD_REVIEW = {
  weakest_sentence: WEAK,
  rewrite:
    'I wrote validation scripts and moved the records in small batches over one weekend, so that [X] records moved with none lost.',
  on_topic: 'yes',
  reason: 'It is one time you fixed a broken data job, which is what the question asks.',
};
const good = { content: JSON.stringify(GOOD_REVIEW) };

let llm: FakeLlm;
let h: Harness;
let logs: { level: number; msg: string }[];
let thread: string;

async function start(env: Record<string, string> = {}) {
  logs = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  h = await harness({
    env: { LLM_BASE_URL: llm.url, LLM_MODEL: 'fake-model', LLM_TIMEOUT_MS: '1500', ...env },
    logger,
  });
  await h.command(ada, 'question', 'acme behavioral');
  thread = questions(h.adapter, h.channel).at(-1)?.ref ?? '';
}

const feedbackFor = (id: string) => h.adapter.privateFor(id).filter((s) => s.message.kind === 'feedback');
const aiFor = (id: string) => feedbackFor(id).filter((s) => s.message.title?.includes('AI'));
const warnings = () => logs.filter((l) => l.level === 40);

beforeEach(async () => {
  llm = await startFakeLlm();
});
afterEach(async () => {
  await h?.app.ctx.coach?.idle();
  await h?.close();
  await llm.close();
});

describe('the AI coach is off until the channel and the member allow it', () => {
  it('sends nothing from a channel no admin turned it on in', async () => {
    await start();
    llm.answer(good);
    await h.say(bob, thread, ANSWER);
    await h.app.ctx.coach?.idle();
    expect(llm.requests).toHaveLength(0);
    expect(feedbackFor(bob.id)).toHaveLength(1);
    await h.command(ada, 'settings');
    expect(h.adapter.sent.at(-1)?.message.text).toMatch(
      /ai coach: \*\*off\*\* \(when on, answer text from this channel is sent to the AI model fake-model at 127\.0\.0\.1/,
    );
  });

  it('is turned on by an admin only, who is told where answer text goes', async () => {
    await start();
    await h.command(bob, 'settings', 'ai on');
    expect(h.adapter.sent.at(-1)?.message.text).toMatch(/Only channel admins can change channel settings/);
    await h.command(ada, 'settings', 'ai on');
    const said = h.adapter.sent.at(-1)?.message.text ?? '';
    expect(said).toMatch(/ai coach: \*\*on\*\*/);
    expect(said).toMatch(
      /the text of each answer in this channel goes to the AI model fake-model at 127\.0\.0\.1:\d+, outside Starling/,
    );
  });

  it('cannot be turned on where the host set up no endpoint', async () => {
    h = await harness();
    await h.command(ada, 'settings', 'ai on');
    const said = h.adapter.sent.at(-1)?.message.text ?? '';
    expect(said).toMatch(/cannot be turned on: this Starling has no AI endpoint[\s\S]*LLM_BASE_URL and LLM_MODEL/);
    await h.command(ada, 'settings', 'ai maybe');
    expect(h.adapter.sent.at(-1)?.message.text).toMatch(/on or off, not "maybe"/);
  });

  it('leaves out a member who opted out, and only them', async () => {
    await start();
    llm.answer(good);
    await h.command(ada, 'settings', 'ai on');
    await h.command(bob, 'settings', 'me ai off');
    expect(h.adapter.sent.at(-1)?.message.text).toMatch(
      /ai coach: \*\*off\*\* for you: your answers never go to an AI model/,
    );
    await h.say(bob, thread, ANSWER);
    await h.app.ctx.coach?.idle();
    expect(llm.requests).toHaveLength(0);
    await h.say(ada, thread, ANSWER);
    await h.app.ctx.coach?.idle();
    expect(llm.requests).toHaveLength(1);
    expect(aiFor(ada.id)).toHaveLength(1);
    expect(aiFor(bob.id)).toHaveLength(0);
  });
});

describe('what the coach adds, labelled', () => {
  beforeEach(async () => {
    await start({ LLM_API_KEY: 'sk-test' });
    await h.command(ada, 'settings', 'ai on');
  });

  it('asks the model for JSON about the answer, and shows the reply after the offline feedback', async () => {
    llm.answer(good);
    await h.say(bob, thread, ANSWER);
    await h.app.ctx.coach?.idle();
    const [request] = llm.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.authorization).toBe('Bearer sk-test');
    expect(request?.body.model).toBe('fake-model');
    expect(request?.body.messages.at(-1)?.content).toContain(ANSWER);
    expect(request?.body.messages.at(-1)?.content).toContain('Tell me about a time');
    expect(request?.body.response_format?.type).toBe('json_schema');
    const [offline, ai] = feedbackFor(bob.id);
    expect(offline?.message.text).toMatch(/STAR check/);
    expect(offline?.message.text).not.toContain('AI');
    expect(ai?.message.title).toMatch(/AI coach suggestion \(not part of the STAR check\)/);
    expect(ai?.message.text).toContain(`> ${WEAK}`);
    expect(ai?.message.text).toContain(`→ ${GOOD_REVIEW.rewrite}`);
    expect(ai?.message.text).toMatch(/Does it answer the question\?\*\* Yes: It is one time/);
    expect(ai?.message.footer).toMatch(/Written by the AI model fake-model.*\/prep settings me ai off/);
  });

  it.each([
    ['garbage', { raw: 'this is not json at all' }],
    ['JSON outside the schema', { content: JSON.stringify({ rewrite: 'Better.' }) }],
    ['an empty reply', { content: '' }],
    [
      'a sentence the member never wrote',
      { content: JSON.stringify({ ...GOOD_REVIEW, weakest_sentence: 'I led a team of fifty.' }) },
    ],
    ['a rewrite that repeats the sentence', { content: JSON.stringify({ ...GOOD_REVIEW, rewrite: WEAK }) }],
    ['a rewrite that repeats the answer', { content: JSON.stringify({ ...GOOD_REVIEW, rewrite: ANSWER }) }],
  ])('shows nothing for %s, and the offline feedback as ever', async (_what, reply) => {
    llm.answer(reply);
    await h.say(bob, thread, ANSWER);
    await h.app.ctx.coach?.idle();
    expect(llm.requests).toHaveLength(1);
    expect(feedbackFor(bob.id)).toHaveLength(1);
    expect(aiFor(bob.id)).toHaveLength(0);
  });

  it('sends the offline feedback on time while the endpoint hangs, and drops the late reply', async () => {
    llm.answer({ hang: true });
    const t0 = Date.now();
    await h.say(bob, thread, ANSWER);
    const offlineMs = Date.now() - t0;
    expect(feedbackFor(bob.id)).toHaveLength(1);
    expect(offlineMs).toBeLessThan(1000);
    await h.app.ctx.coach?.idle();
    const total = Date.now() - t0;
    expect(total).toBeGreaterThanOrEqual(1400);
    expect(total).toBeLessThan(3000);
    expect(aiFor(bob.id)).toHaveLength(0);
  });

  it('backs off after a 429 and shows the reply that follows', async () => {
    llm.answer({ status: 429, retryAfter: 0 }, good);
    await h.say(bob, thread, ANSWER);
    await h.app.ctx.coach?.idle();
    expect(llm.requests).toHaveLength(2);
    expect(aiFor(bob.id)).toHaveLength(1);
  });

  it('stops retrying a 503 at the deadline', async () => {
    llm.answer({ status: 503 });
    const t0 = Date.now();
    await h.say(bob, thread, ANSWER);
    await h.app.ctx.coach?.idle();
    expect(Date.now() - t0).toBeLessThan(2500);
    // 250 ms, 500 ms: a third wait (1 s) would pass the 1.5 s deadline
    expect(llm.requests.length).toBeGreaterThanOrEqual(2);
    expect(llm.requests.length).toBeLessThanOrEqual(3);
    expect(aiFor(bob.id)).toHaveLength(0);
  });
});

describe('limits and the breaker', () => {
  it('keeps a workspace to its requests a minute', async () => {
    await start({ LLM_REQUESTS_PER_MINUTE: '1' });
    await h.command(ada, 'settings', 'ai on');
    llm.answer(good);
    await h.say(bob, thread, ANSWER);
    await h.say(ada, thread, `${COMPLETE_1} ${COMPLETE_2}`);
    await h.app.ctx.coach?.idle();
    expect(llm.requests).toHaveLength(1);
    expect(feedbackFor(ada.id)).toHaveLength(1);
  });

  it('stops calling an endpoint that keeps failing, and warns once', async () => {
    await start();
    await h.command(ada, 'settings', 'ai on');
    llm.answer({ status: 401 });
    for (let i = 0; i < 6; i++) {
      await h.say(i % 2 ? ada : bob, thread, `${ANSWER} Attempt ${i}.`);
      await h.app.ctx.coach?.idle();
    }
    expect(llm.requests).toHaveLength(3);
    const warned = warnings().filter((l) => /AI coach endpoint keeps failing/.test(l.msg));
    expect(warned).toHaveLength(1);
    expect(feedbackFor(bob.id).length + feedbackFor(ada.id).length).toBe(6);
  });

  it('with the server down, members get their offline feedback and the log one warning', async () => {
    const url = llm.url;
    await llm.close();
    llm = await startFakeLlm();
    await start({ LLM_BASE_URL: url });
    await h.command(ada, 'settings', 'ai on');
    for (let i = 0; i < 5; i++) {
      await h.say(bob, thread, `${ANSWER} Try ${i}.`);
      await h.app.ctx.coach?.idle();
    }
    expect(feedbackFor(bob.id)).toHaveLength(5);
    expect(aiFor(bob.id)).toHaveLength(0);
    expect(warnings()).toHaveLength(1);
  });
});

describe("the member's choice in their data", () => {
  it('is in /prep export, and forget-me says the opt-out went with the record', async () => {
    await start();
    await h.command(bob, 'settings', 'me ai off');
    await h.command(bob, 'export');
    const files = h.adapter.privateFor(bob.id).flatMap((s) => s.message.attachments ?? []);
    const json = JSON.parse(files.find((f) => f.mime === 'application/json')?.content ?? '{}');
    expect(json.member.aiCoach).toBe('off');
    expect(files.find((f) => f.name.endsWith('.md'))?.content).toMatch(/AI coach: off for you/);
    await h.press(bob, `forget:confirm:${bob.id}`);
    expect(h.adapter.sent.at(-1)?.message.text).toMatch(/AI coach opt-out went with your record/);
  });
});
