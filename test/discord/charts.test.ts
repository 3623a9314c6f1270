// Progress charts through the real discord.js stack: `/prep me` answers with the
// chart as an attachment on the reply (the PNG decoded here), its alt text as the
// attachment's description; a refused file never costs the text.
import { afterEach, describe, expect, it } from 'vitest';
import { decodePng } from '../charts/png';
import { type Bot, startBot } from './bot';
import type { RecordedRequest } from './fake-discord';

const ANSWER =
  'Last spring at my previous job our checkout service was failing during peak sales. As the on-call lead, my goal was to stop the outages. I profiled the service, found a slow query and added an index. As a result, checkout errors dropped from 4% to 0.2%.';

let bot: Bot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const textOf = (rs: RecordedRequest[]) => rs.map((r) => JSON.stringify(r.body?.data ?? r.body ?? {})).join('\n');

/** Runs `/prep me` as Alice; returns the interaction's requests once one carrying the summary succeeded. */
async function me(b: Bot): Promise<RecordedRequest[]> {
  const id = b.fake.interact(b.fake.command(b.fake.users.alice, 'me', {}));
  return b.fake.waitUntil(() => {
    const r = b.fake.responses(id);
    return r.some((x) => x.status < 300 && textOf([x]).includes('Answers given')) ? r : undefined;
  });
}

async function withAnAnswer(): Promise<Bot> {
  const b = await startBot();
  const asked = b.fake.interact(b.fake.command(b.fake.users.alice, 'question', { employer: 'CHOP' }));
  await b.fake.waitUntil(() => (b.fake.responses(asked).length ? true : undefined));
  const question = await b.fake.waitUntil(() => b.fake.botMessages(b.fake.channelId).find((m) => m.embeds[0]?.title));
  const before = b.fake.requests.length;
  b.fake.say(b.fake.users.alice, question.id, ANSWER);
  await b.fake.waitForRequest(
    (r) => r.method === 'POST' && /^Feedback on your answer/.test(r.body?.embeds?.[0]?.title ?? ''),
    before,
  );
  return b;
}

describe('charts on Discord', () => {
  it('/prep me carries the chart as a PNG attachment with alt text', async () => {
    bot = await withAnAnswer();
    const responses = await me(bot);
    expect(textOf(responses)).toContain('Answers given');
    const withFile = responses.find((r) => r.files.length > 0);
    const file = withFile?.files[0];
    expect(file?.name).toMatch(/\.png$/);
    const png = decodePng(file?.data ?? Buffer.alloc(0));
    expect(png).toMatchObject({ width: 800, height: 400 });
    expect(png.colours).toBeGreaterThan(8);
    expect(png.inked).toBeGreaterThan(0.001);
    const data = withFile?.body?.data ?? withFile?.body;
    expect(data?.attachments?.[0]?.description).toMatch(/STAR checks passed/);
    // the chart comes with the summary's text, not instead of it
    expect(JSON.stringify(data)).toContain('Answers given');
  });

  it('when Discord refuses the file, the summary goes again without it and the refusal is logged', async () => {
    bot = await withAnAnswer();
    const b = bot;
    b.fake.refuseFiles = 1;
    const responses = await me(b);
    expect(responses.find((r) => r.files.length > 0)?.status).toBe(413);
    expect(responses.filter((r) => r.status < 300 && r.files.length > 0)).toHaveLength(0);
    expect(b.logs.some((l) => /refused a message with a chart/.test(l.msg))).toBe(true);
  });
});
