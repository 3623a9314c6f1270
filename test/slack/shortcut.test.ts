// Slack interactions beyond /prep through the real Bolt stack: the "STAR check"
// message shortcut (a signed message_action to the real HTTP receiver, the real core,
// the answer seen only by the member through its response_url) and the typeahead of
// modal selects (block_suggestion answered from the guides).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildManifest } from '../../adapters/slack/manifest';
import { suggestSelect } from '../../adapters/slack/suggest';
import { type App, buildApp } from '../../src/app';
import { AdapterSet } from '../../src/chat/adapters';
import { loadGuides } from '../../src/guides/load';
import { silentLogger } from '../../src/logger';
import { type Harness, openDb, startSlack } from './harness';
import { FORM, interactionBody, messageShortcut, send } from './requests';

const STORY =
  'Last spring at my previous job our checkout service was failing during peak sales. As the on-call lead, my goal was to stop the outages before the launch. I profiled the service, found a slow query and added an index. As a result, checkout errors dropped from 4% to 0.2%.';
const ALICE = 'U0ALICE';
const BOB = 'U0BOB';

let h: Harness;
let app: App;
let closeDb: () => Promise<void>;
let seq = 0;

beforeAll(async () => {
  const opened = await openDb();
  closeDb = opened.close;
  const adapters = new AdapterSet();
  h = await startSlack({
    db: opened.db,
    handler: (e) => app.handle(e),
    // wired as main.ts does it
    adapter: { suggest: (kind, prefix) => app.autocomplete(kind, prefix) },
  });
  h.fake.addUser({ id: ALICE, name: 'Alice Moreau' }).addUser({ id: BOB, name: 'Bob Okafor' });
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
  await closeDb();
});

/** Bob uses a shortcut on a message; returns the HTTP status and what Slack showed him. */
async function useShortcut(callbackId: string, message: { text: string; user: string }, channel?: string) {
  const id = `s${++seq}`;
  const payload = messageShortcut(
    callbackId,
    { ...message, ts: `1800000000.${String(seq).padStart(6, '0')}` },
    { user: BOB, responseUrl: h.fake.responseUrl(id), ...(channel ? { channel } : {}) },
  );
  const res = await send(h.port, interactionBody(payload), FORM);
  await h.adapter.idle();
  return { status: res.status, shown: h.fake.responses.filter((r) => r.id === id).map((r) => r.body) };
}

describe('STAR check message shortcut', () => {
  it('is in the manifest as a message shortcut whose callback the adapter serves', () => {
    const manifest = buildManifest({ commands: app.registry.list(), messageActions: app.registry.messageActions() });
    expect((manifest.features as { shortcuts: unknown[] }).shortcuts).toEqual([
      {
        name: 'STAR check',
        type: 'message',
        callback_id: 'star-check',
        description: 'A private STAR check of a message: yours, or an answer you are reviewing',
      },
    ]);
  });

  it("checks Alice's answer for Bob alone, saying whose it is, and posts nothing in the channel", async () => {
    const before = h.fake.messages.length;
    const { status, shown } = await useShortcut('star-check', { text: STORY, user: ALICE });
    expect(status).toBe(200);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.response_type).toBe('ephemeral');
    const text = JSON.stringify(shown[0]);
    expect(text).toContain("STAR check of Alice Moreau's message");
    expect(text).toContain('S ✓ · T ✓ · A ✓ · R ✓');
    expect(text).toContain('Alice Moreau is not told');
    expect(h.fake.messages.length).toBe(before);
  });

  it('checks his own message in a DM with someone else, where the bot is not a member', async () => {
    const { shown } = await useShortcut(
      'star-check',
      { text: 'I usually just fix things when they break.', user: BOB },
      'D0BOBALICE',
    );
    const text = JSON.stringify(shown[0]);
    expect(text).toContain('STAR check of your message');
    expect(text).toMatch(/not what happened on one occasion|specific time/);
  });

  it('explains a shortcut the bot no longer offers instead of failing silently', async () => {
    const { status, shown } = await useShortcut('retired-shortcut', { text: STORY, user: ALICE });
    expect(status).toBe(200);
    expect(JSON.stringify(shown[0])).toContain('That menu entry is no longer offered.');
  });
});

describe('typeahead in Slack modals (external_select)', () => {
  async function suggest(actionId: string, value: string) {
    const payload = {
      type: 'block_suggestion',
      action_id: actionId,
      block_id: 'employer',
      value,
      team: { id: 'T0STUDY01', domain: 'study-group' },
      user: { id: BOB, name: 'bob', team_id: 'T0STUDY01' },
      container: { type: 'view', view_id: 'V0MODAL' },
      api_app_id: 'A0STARLING',
      token: 'verification-token-unused',
    };
    const res = await send(h.port, interactionBody(payload), FORM);
    return { status: res.status, body: JSON.parse(res.body) };
  }

  it('serves employers from the guides as the member types, answered in the acknowledgement', async () => {
    const { status, body } = await suggest(suggestSelect('employer', 'Employer').action_id, 'harv');
    expect(status).toBe(200);
    expect(body.options).toEqual([
      {
        text: { type: 'plain_text', text: 'Harvard Medical School · HMS' },
        value: 'harvard-medical-school-software-engineer',
      },
    ]);
    const all = await suggest('suggest:employer', '');
    expect(all.body.options.map((o: { value: string }) => o.value)).toContain(
      'childrens-hospital-of-philadelphia-software-engineer',
    );
  });

  it('answers a select it did not build with no options rather than an error', async () => {
    expect((await suggest('someone-elses-select', 'ac')).body).toEqual({ options: [] });
  });
});

describe('App Home buttons', () => {
  it('offers a mock and the employer tips on the Home tab, and a press answers in the DM with the bot', async () => {
    const home = await app.homeView('slack:T0STUDY01', BOB);
    const buttons = home.buttons?.map((b) => [b.id, b.label]);
    expect(buttons).toEqual(
      expect.arrayContaining([
        ['run:mock', 'Start a mock interview'],
        ['run:employers', 'Employer tips'],
      ]),
    );
    const press = {
      type: 'block_actions',
      team: { id: 'T0STUDY01', domain: 'study-group' },
      user: { id: BOB, username: 'bob', name: 'bob', team_id: 'T0STUDY01' },
      api_app_id: 'A0STARLING',
      token: 'verification-token-unused',
      container: { type: 'view', view_id: 'V0HOME' },
      view: { id: 'V0HOME', type: 'home', team_id: 'T0STUDY01' },
      trigger_id: '1.2.home',
      actions: [
        {
          type: 'button',
          action_id: 'run:employers',
          block_id: 'b1',
          text: { type: 'plain_text', text: 'Employer tips' },
          action_ts: '1800000000.000900',
        },
      ],
    };
    const res = await send(h.port, interactionBody(press), FORM);
    await h.adapter.idle();
    expect(res.status).toBe(200);
    expect(h.fake.callsTo('conversations.open').at(-1)?.args.users).toBe(BOB);
    const shown = h.fake.callsTo('chat.postEphemeral').at(-1)?.args;
    expect(shown).toMatchObject({ channel: 'DU0BOB', user: BOB });
    expect(String(shown?.text)).toContain('*Harvard Medical School* – Software Engineer');
  });
});
