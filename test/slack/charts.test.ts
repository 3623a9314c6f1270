// Progress charts through the real Bolt stack: `/prep me` answers privately and the
// chart follows in a direct message through files.uploadV2 (getUploadURLExternal, the
// bytes to the upload URL, completeUploadExternal); the App Home shows it as an image
// block; a failing upload never costs the text.
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app';
import { AdapterSet } from '../../src/chat/adapters';
import { loadGuides } from '../../src/guides/load';
import { decodePng } from '../charts/png';
import { type Harness, openDb, startSlack } from './harness';
import { CHANNEL, commandReplies, eventEnvelope, FORM, formBody, messageEvent, send, slashCommand } from './requests';

const ANSWER =
  'Last spring at my previous job our checkout service was failing during peak sales. As the on-call lead, my goal was to stop the outages. I profiled the service, found a slow query and added an index. As a result, checkout errors dropped from 4% to 0.2%.';
const ALICE = 'U0ALICE';

let h: Harness;
let app: App;
let closeDb: () => Promise<void>;
const warnings: string[] = [];
const now = new Date('2026-03-04T08:00:00Z');
let seq = 0;

// a fresh workspace per test; each answers the question it needs
beforeEach(async () => {
  warnings.length = 0;
  const opened = await openDb();
  closeDb = opened.close;
  const { library } = loadGuides('content/guides');
  const adapters = new AdapterSet();
  const logs = new Writable({
    write(chunk, _enc, done) {
      const line = JSON.parse(String(chunk)) as { level: number; msg: string };
      if (line.level >= 40) warnings.push(line.msg);
      done();
    },
  });
  h = await startSlack({
    db: opened.db,
    handler: (e) => app.handle(e),
    adapter: { homeView: (ws, user) => app.homeView(ws, user), logger: pino({ level: 'warn' }, logs) },
  });
  h.fake.addUser({ id: ALICE, name: 'Alice Moreau' });
  adapters.add(h.adapter);
  app = buildApp({
    config: h.config,
    logger: pino({ level: 'silent' }),
    db: opened.db,
    guides: library,
    adapters,
    clock: () => now,
  });
});

afterEach(async () => {
  await h?.close();
  await closeDb?.();
});

const tsNow = () => `${Math.floor(now.getTime() / 1000)}.${String(++seq).padStart(6, '0')}`;

async function slash(user: string, text: string) {
  const id = `r${++seq}`;
  const cmd = slashCommand(text, { user_id: user, responseId: id, responseBase: h.fake.responseUrl('') });
  const res = await send(h.port, formBody(cmd), FORM);
  await h.adapter.idle();
  return commandReplies(res, h.fake.responses, id);
}

async function event(payload: { type: string; [field: string]: unknown }) {
  await send(h.port, JSON.stringify(eventEnvelope(payload)), 'application/json');
  await h.adapter.idle();
}

/** Alice answers a question in its thread. */
async function answered() {
  await slash(ALICE, 'question CHOP behavioral');
  const question = h.fake.messages.find((m) => m.channel === CHANNEL && !m.thread_ts);
  await event(messageEvent({ user: ALICE, text: ANSWER, ts: tsNow(), thread_ts: question?.ts ?? '' }));
}

describe('charts on Slack', () => {
  it('/prep me replies privately at once, then uploads the chart as a real PNG to the direct message', async () => {
    await answered();

    const uploadsBefore = h.fake.uploads.length;
    const replies = await slash(ALICE, 'me');
    expect(replies[0]?.text).toContain('Answers given');

    const added = h.fake.uploads.slice(uploadsBefore);
    expect(added).toHaveLength(1);
    expect(added[0]?.filename).toMatch(/\.png$/);
    const png = decodePng(added[0]?.data ?? Buffer.alloc(0));
    expect(png).toMatchObject({ width: 800, height: 400 });
    expect(png.colours).toBeGreaterThan(8);
    expect(png.inked).toBeGreaterThan(0.001);

    const asked = h.fake.callsTo('files.getUploadURLExternal').at(-1)?.args;
    expect(asked?.alt_text).toMatch(/STAR checks passed/);
    const complete = h.fake.callsTo('files.completeUploadExternal').at(-1)?.args;
    expect(complete?.channel_id).toBe(`D${ALICE}`);
    expect(complete?.files?.[0]?.id).toBe(added[0]?.fileId);
  });

  it('the App Home shows the chart as an image block of the uploaded file, with alt text', async () => {
    await answered();
    await event({ type: 'app_home_opened', user: ALICE, channel: 'D0HOME', tab: 'home', event_ts: tsNow() });
    const view = h.fake.callsTo('views.publish').at(-1)?.args.view as {
      blocks: { type: string; slack_file?: { id: string }; alt_text?: string }[];
    };
    const image = view.blocks.find((b) => b.type === 'image');
    const file = h.fake.uploads.find((u) => u.fileId === image?.slack_file?.id);
    expect(decodePng(file?.data ?? Buffer.alloc(0)).width).toBe(800);
    expect(image?.alt_text).toMatch(/answers per week/);
    // the private file is not shared into any conversation
    const complete = h.fake.callsTo('files.completeUploadExternal').at(-1)?.args;
    expect(complete?.channel_id).toBeUndefined();

    const uploads = h.fake.uploads.length;
    await event({ type: 'app_home_opened', user: ALICE, channel: 'D0HOME', tab: 'home', event_ts: tsNow() });
    expect(h.fake.uploads.length).toBe(uploads);
  });

  it('when the file store fails, the summary still arrives and the failure is logged', async () => {
    await answered();
    h.fake.failUploads = 1;
    const replies = await slash(ALICE, 'me');
    expect(replies[0]?.text).toContain('Answers given');
    expect(warnings.some((w) => /could not upload a chart/.test(w))).toBe(true);
    expect(h.fake.failUploads).toBe(0);
  });
});
