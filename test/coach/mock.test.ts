// In a mock interview where the channel turned the coach on, the follow-up question is the
// model's, labelled; a model that is slow or says nonsense leaves the offline follow-up.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ada, bob, type Harness, harness, NO_RESULT } from '../practice/helpers';
import { type FakeLlm, startFakeLlm } from './fake-llm';

const DM = `memory:W1:dm-${bob.id}`;
const ASK = 'You moved the records over a weekend: how many records moved, and how did the client know none were lost?';

let llm: FakeLlm;
let h: Harness;
let seq = 0;
const inDm = () => h.adapter.publicIn(DM).map((s) => s.message);
const reply = (text: string) =>
  h.adapter.emit({
    type: 'message',
    ref: `${DM}:r${++seq}`,
    text,
    author: bob,
    at: h.now(),
    channel: DM,
    direct: true,
  });

async function startMock(aiOn: boolean) {
  h = await harness({ env: { LLM_BASE_URL: llm.url, LLM_MODEL: 'fake-model', LLM_TIMEOUT_MS: '6000' } });
  if (aiOn) await h.command(ada, 'settings', 'ai on');
  await h.command(bob, 'mock', 'acme behavioral 2');
}

beforeEach(async () => {
  llm = await startFakeLlm();
});
afterEach(async () => {
  await h?.app.ctx.coach?.idle();
  await h?.close();
  await llm.close();
});

describe('mock interview follow-ups from the AI coach', () => {
  it("asks the model's follow-up, labelled as AI, with the answer in the request", async () => {
    await startMock(true);
    llm.answer({ content: JSON.stringify({ question: ASK }) });
    await reply(NO_RESULT);
    expect(llm.requests[0]?.body.messages.at(-1)?.content).toContain(NO_RESULT);
    const followup = inDm().at(-1);
    expect(followup?.text).toContain(`🤖 AI follow-up: ${ASK}`);
    expect(followup?.text).toMatch(/Reply to add it to your answer, or say `skip`/);
    expect(followup?.awaitsReply).toBe(true);
  });

  it('keeps the offline follow-up where the channel has the coach off', async () => {
    await startMock(false);
    llm.answer({ content: JSON.stringify({ question: ASK }) });
    await reply(NO_RESULT);
    expect(llm.requests).toHaveLength(0);
    expect(inDm().at(-1)?.text).toMatch(/what was the result/i);
  });

  it('asks the offline follow-up within the 4 s budget when the model hangs', async () => {
    await startMock(true);
    llm.answer({ hang: true });
    const t0 = Date.now();
    await reply(NO_RESULT);
    const waited = Date.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(3900);
    expect(waited).toBeLessThan(5500);
    expect(inDm().at(-1)?.text).toMatch(/what was the result/i);
    expect(inDm().at(-1)?.text).not.toContain('AI');
  }, 15_000);

  it('keeps the offline follow-up when the model answers with no question', async () => {
    await startMock(true);
    llm.answer({ content: JSON.stringify({ question: 'Tell me more about that project' }) });
    await reply(NO_RESULT);
    expect(inDm().at(-1)?.text).toMatch(/what was the result/i);
  });
});
