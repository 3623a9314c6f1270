// A saved guide page shared in the bot's direct messages on Slack, through the real Bolt
// stack (signed events to the HTTP receiver): downloaded from a loopback file store with the
// bot's token, previewed with the same checks and button as `/prep guide add <address>`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app';
import { AdapterSet } from '../../src/chat/adapters';
import { chatGuides } from '../../src/guides/chat-store';
import { loadGuides } from '../../src/guides/load';
import { silentLogger } from '../../src/logger';
import { type FileServer, startFileServer } from '../file-server';
import { type Harness, openDb, startSlack } from './harness';
import { BOT_TOKEN, buttonClick, eventEnvelope, FORM, interactionBody, messageEvent, send } from './requests';

const SAM = 'U0SAMADMIN';
const ALICE = 'U0ALICE';
const PAGE = `# Initech Interview Questions

## Coding
- Implement a rate limiter for the public API.
- Design a cache for the report service.
`;

let h: Harness;
let app: App;
let files: FileServer;
let closeDb: () => Promise<void>;
let seq = 0;

beforeAll(async () => {
  const opened = await openDb();
  closeDb = opened.close;
  files = await startFileServer(
    { 'initech.md': { body: PAGE }, 'scan.md': { body: Buffer.from([0x25, 0x50, 0, 0, 1, 2, 3]) } },
    { token: BOT_TOKEN },
  );
  const adapters = new AdapterSet();
  h = await startSlack({ db: opened.db, handler: (e) => app.handle(e) });
  h.fake.addUser({ id: SAM, name: 'Sam Lee', isAdmin: true }).addUser({ id: ALICE, name: 'Alice Moreau' });
  adapters.add(h.adapter);
  app = buildApp({
    config: h.config,
    logger: silentLogger(),
    db: opened.db,
    guides: loadGuides('content/guides').library,
    adapters,
  });
});

afterAll(async () => {
  await h.close();
  await files.close();
  await closeDb();
});

/** `user` shares a file in their direct messages with the bot (a message.im file_share event). */
async function share(user: string, file: { name: string; size: number; mimetype?: string; url?: string }) {
  const ts = `${1_800_100_000 + ++seq}.000100`;
  const ev = messageEvent({
    user,
    channel: `D${user}`,
    channel_type: 'im',
    subtype: 'file_share',
    text: '',
    ts,
    files: [
      {
        id: `F0${seq}`,
        name: file.name,
        size: file.size,
        mimetype: file.mimetype ?? 'text/plain',
        ...(file.url ? { url_private_download: file.url, url_private: file.url } : {}),
      },
    ],
  });
  const calls = h.fake.calls.length;
  await send(h.port, JSON.stringify(eventEnvelope(ev, { eventId: `EvFile${seq}` })), 'application/json');
  await h.adapter.idle();
  return h.fake.calls.slice(calls).filter((c) => /^chat\.post/.test(c.method));
}

const shown = (calls: { args: Record<string, unknown> }[]) =>
  calls.map((c) => `${String(c.args.text ?? '')}\n${JSON.stringify(c.args.blocks ?? [])}`).join('\n');

describe('a guide page shared in the direct messages with the bot on Slack', () => {
  it("downloads it with the bot's token, previews it privately, and adds it when its admin presses the button", async () => {
    const posted = await share(SAM, { name: 'initech.md', size: PAGE.length, url: files.url('initech.md') });
    expect(files.requests.at(-1)).toEqual({ path: '/files/initech.md', auth: `Bearer ${BOT_TOKEN}` });
    expect(posted.map((c) => c.args.channel)).toEqual([`D${SAM}`]);
    expect(shown(posted)).toContain('Read from initech.md: 2 questions');
    expect(await chatGuides(h.db)).toEqual([]);

    const blocks = JSON.stringify(posted[0]?.args.blocks ?? []);
    const actionId = /"action_id":"(guide:confirm:[^"]+)"/.exec(blocks)?.[1];
    expect(actionId).toBeDefined();
    const res = await send(
      h.port,
      interactionBody(
        buttonClick(
          { action_id: actionId ?? '' },
          { ts: String(posted[0]?.args.ts ?? '1.1') },
          { user: SAM, channel: `D${SAM}` },
        ),
      ),
      FORM,
    );
    await h.adapter.idle();
    expect(res.status).toBe(200);
    const stored = await chatGuides(h.db);
    expect(stored.map((g) => [g.employer, g.source, g.questions.length])).toEqual([['Initech', 'initech.md', 2]]);
  });

  it('refuses a file that is not a text, Markdown or HTML page, or is binary, or comes from a member who is not an admin', async () => {
    const before = files.requests.length;
    const pdf = await share(SAM, {
      name: 'guide.pdf',
      size: 2000,
      mimetype: 'application/pdf',
      url: files.url('guide.pdf'),
    });
    expect(shown(pdf)).toContain('guide.pdf is not a text, Markdown or HTML file');
    const big = await share(SAM, { name: 'huge.txt', size: 3 * 1024 * 1024, url: files.url('huge.txt') });
    expect(shown(big)).toContain('larger than the 1.0 MB a guide page can be');
    expect(files.requests.length).toBe(before);
    const binary = await share(SAM, { name: 'scan.md', size: 7, url: files.url('scan.md') });
    expect(shown(binary)).toContain('scan.md looks like a binary file, not text');
    const noUrl = await share(SAM, { name: 'lost.md', size: 10 });
    expect(shown(noUrl)).toContain('Slack sent lost.md without a download address the bot can use. Share it again.');
    const member = await share(ALICE, { name: 'initech.md', size: PAGE.length, url: files.url('initech.md') });
    expect(shown(member)).toMatch(/admin/i);
  });
});
