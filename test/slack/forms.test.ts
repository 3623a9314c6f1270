// Command forms as Slack modals, through the real Bolt stack against the loopback fake:
// a `form:<command>` button opens the modal, its employer field is an external_select
// whose options Slack asks for as the member types (block_suggestion), and the
// submission runs the command with what was picked. Also the App Home buttons and
// /prep used in a direct message.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app';
import { AdapterSet } from '../../src/chat/adapters';
import { loadGuides } from '../../src/guides/load';
import { getTarget } from '../../src/interview/store';
import { silentLogger } from '../../src/logger';
import { getSchedule } from '../../src/scheduler/store';
import { type Harness, openDb, startSlack } from './harness';
import {
  buttonClick,
  CHANNEL,
  commandReplies,
  eventEnvelope,
  FORM,
  formBody,
  interactionBody,
  send,
  slashCommand,
  TEAM,
} from './requests';

const ALICE = 'U0ALICE';
const SAM = 'U0SAMADMIN';
const CHOP = 'childrens-hospital-of-philadelphia-software-engineer';
const HMS = 'harvard-medical-school-software-engineer';
const CH = `slack:${TEAM}:${CHANNEL}`;

let h: Harness;
let app: App;
let closeDb: () => Promise<void>;
let seq = 0;
const { library } = loadGuides('content/guides');

// a fresh workspace per test
beforeEach(async () => {
  const opened = await openDb();
  closeDb = opened.close;
  const adapters = new AdapterSet();
  h = await startSlack({
    db: opened.db,
    handler: (e) => app.handle(e),
    // wired as main.ts does it
    adapter: {
      homeView: (ws, user) => app.homeView(ws, user),
      suggest: (kind, prefix) => app.autocomplete(kind, prefix),
      command: (name) => app.registry.get(name),
    },
  });
  h.fake.addUser({ id: ALICE, name: 'Alice Moreau' }).addUser({ id: SAM, name: 'Sam Lee', isAdmin: true });
  adapters.add(h.adapter);
  app = buildApp({
    config: h.config,
    logger: silentLogger(),
    db: opened.db,
    guides: library,
    adapters,
  });
});

afterEach(async () => {
  await h.close();
  await closeDb();
});

async function slash(user: string, text: string, over: { channel_id?: string; channel_name?: string } = {}) {
  const id = `f${++seq}`;
  const cmd = slashCommand(text, { user_id: user, responseId: id, responseBase: h.fake.responseUrl(''), ...over });
  const res = await send(h.port, formBody(cmd), FORM);
  await h.adapter.idle();
  return commandReplies(res, h.fake.responses, id);
}

async function interact(payload: unknown) {
  const res = await send(h.port, interactionBody(payload), FORM);
  await h.adapter.idle();
  return res;
}

type Block = {
  type: string;
  block_id?: string;
  optional?: boolean;
  element?: { type: string; action_id: string };
  elements?: { action_id: string; text: { text: string } }[];
};
type Modal = { callback_id: string; private_metadata: string; title: { text: string }; blocks: Block[] };

const buttonsIn = (blocks: unknown[] | undefined) =>
  ((blocks ?? []) as Block[]).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));

/** Presses a button on an ephemeral reply in the practice channel; returns the modal Slack was asked to open. */
async function pressForm(user: string, actionId: string, responseId: string): Promise<Modal> {
  const before = h.fake.callsTo('views.open').length;
  const click = buttonClick(
    { action_id: actionId },
    { ts: '1800000000.000100' },
    { user, ephemeral: true, responseUrl: h.fake.responseUrl(responseId) },
  );
  expect((await interact(click)).status).toBe(200);
  const opened = h.fake.callsTo('views.open');
  expect(opened).toHaveLength(before + 1);
  expect(opened.at(-1)?.args.trigger_id).toBe(click.trigger_id);
  return opened.at(-1)?.args.view as Modal;
}

/** What Slack sends as the member types in an external_select of an open modal. */
async function typeahead(actionId: string, value: string, user = SAM): Promise<{ value: string; text: string }[]> {
  const res = await interact({
    type: 'block_suggestion',
    action_id: actionId,
    block_id: 'employer',
    value,
    team: { id: TEAM, domain: 'study-group' },
    user: { id: user, name: 'sam', team_id: TEAM },
    container: { type: 'view', view_id: 'V0MODAL' },
    api_app_id: 'A0STARLING',
    token: 'verification-token-unused',
  });
  expect(res.status).toBe(200);
  return (JSON.parse(res.body).options as { value: string; text: { text: string } }[]).map((o) => ({
    value: o.value,
    text: o.text.text,
  }));
}

type Field = { type: string; value?: string | null; selected_option?: { value: string; text: unknown } | null };

/** Submits a modal as Slack does: each input block's state under its block and action ids. */
function submit(modal: Modal, fields: Record<string, Field>, user = SAM) {
  const values: Record<string, Record<string, Field>> = {};
  for (const block of modal.blocks) {
    const field = block.block_id ? fields[block.block_id] : undefined;
    if (block.element && block.block_id) {
      values[block.block_id] = { [block.element.action_id]: field ?? { type: block.element.type, value: null } };
    }
  }
  return interact({
    type: 'view_submission',
    team: { id: TEAM, domain: 'study-group' },
    user: { id: user, name: user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0STARLING',
    token: 'verification-token-unused',
    trigger_id: `${++seq}.9999.abc`,
    view: {
      id: 'V0MODAL',
      team_id: TEAM,
      type: 'modal',
      callback_id: modal.callback_id,
      private_metadata: modal.private_metadata,
      state: { values },
      hash: '1700000000.abc',
      title: modal.title,
      blocks: modal.blocks,
      app_id: 'A0STARLING',
      bot_id: 'B0STARLING',
    },
    response_urls: [],
  });
}

const text = (value: string): Field => ({ type: 'plain_text_input', value });
const picked = (value: string): Field => ({
  type: 'external_select',
  selected_option: { value, text: { type: 'plain_text', text: value } },
});

describe('the schedule form (a modal with employer typeahead)', () => {
  let modal: Modal;
  const berlin = {
    time: text('09:30'),
    timezone: text('Europe/Berlin'),
    days: text('weekdays'),
    employer: picked(CHOP),
  };

  // Sam has opened the form
  beforeEach(async () => {
    modal = await pressForm(SAM, 'form:schedule', 'open1');
  });

  it('offers the form on `/prep schedule` to admins only', async () => {
    const [shown] = await slash(SAM, 'schedule');
    expect(shown?.text).toMatch(/no daily question|not set/i);
    expect(buttonsIn(shown?.blocks).map((b) => [b.action_id, b.text.text])).toEqual([
      ['form:schedule', 'Set the daily question…'],
    ]);
    const [forAlice] = await slash(ALICE, 'schedule');
    expect(buttonsIn(forAlice?.blocks)).toEqual([]);
  });

  it('opens a modal whose employer and category fields are external selects, the time required', async () => {
    expect(modal.title.text).toBe('Daily question');
    const fields = modal.blocks.map((b) => [b.block_id, b.element?.type, b.optional]);
    expect(fields).toEqual([
      ['time', 'plain_text_input', false],
      ['timezone', 'plain_text_input', true],
      ['days', 'plain_text_input', true],
      ['employer', 'external_select', true],
      ['category', 'external_select', true],
    ]);
  });

  it('serves employers filtered by what the member typed', async () => {
    const employer = modal.blocks.find((b) => b.block_id === 'employer')?.element?.action_id ?? '';
    const harv = await typeahead(employer, 'harv');
    expect(harv.map((o) => o.value)).toEqual([HMS]);
    const chil = await typeahead(employer, 'child');
    expect(chil.map((o) => o.value)).toContain(CHOP);
    expect(chil.map((o) => o.value)).not.toContain(HMS);
    const category = modal.blocks.find((b) => b.block_id === 'category')?.element?.action_id ?? '';
    expect((await typeahead(category, 'behav')).map((o) => o.value)).toEqual(['behavioral']);
  });

  it('keeps the modal open with a field error when the time is left out', async () => {
    const res = await submit(modal, { employer: picked(CHOP) });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ response_action: 'errors', errors: { time: 'Fill this in.' } });
    expect(await getSchedule(h.db, CH)).toBeUndefined();
  });

  it('creates the schedule with the chosen employer and announces it in the channel', async () => {
    const before = h.fake.messages.length;
    const res = await submit(modal, berlin);
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const s = await getSchedule(h.db, CH);
    expect(s).toMatchObject({ time: '09:30', timezone: 'Europe/Berlin', employer: CHOP, category: null });
    const posted = h.fake.messages.slice(before).filter((m) => m.channel === CHANNEL);
    expect(posted.at(-1)?.text).toMatch(
      /^Daily question set by <@U0SAMADMIN>: \*09:30\* \(Europe\/Berlin\), weekdays, from Children's Hospital of Philadelphia,/,
    );
  });

  it("answers a value the command refuses privately, through the button's response_url", async () => {
    await submit(modal, berlin);
    const again = await pressForm(SAM, 'form:schedule', 'open2');
    await submit(again, { time: text('25:00') });
    const shown = h.fake.responses.filter((r) => r.id === 'open2').map((r) => r.body);
    expect(shown.at(-1)?.response_type).toBe('ephemeral');
    expect(shown.at(-1)?.text).toContain('"25:00" is not a time of day');
    expect((await getSchedule(h.db, CH))?.time).toBe('09:30');
  });

  it('refuses a form whose command it does not know inside the modal', async () => {
    const res = await submit({ ...modal, private_metadata: '{"n":"nothing","t":"T0STUDY01"}' }, {});
    expect(JSON.parse(res.body).response_action).toBe('errors');
  });
});

describe('the App Home', () => {
  async function openHome(user: string) {
    const ev = { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: '1800000000.000200' };
    await send(h.port, JSON.stringify(eventEnvelope(ev)), 'application/json');
    await h.adapter.idle();
    const view = h.fake.callsTo('views.publish').at(-1)?.args.view as { blocks: Block[] };
    return buttonsIn(view.blocks).map((b) => [b.action_id, b.text.text]);
  }

  it('has buttons for the story bank, the interview, a mock and their forms', async () => {
    expect(await openHome(ALICE)).toEqual(
      expect.arrayContaining([
        ['run:mock', 'Start a mock interview'],
        ['run:employers', 'Employer tips'],
        ['run:stories', 'Your stories'],
        ['run:interview', 'Your interview'],
        ['form:mock', 'Mock for one employer…'],
        ['form:interview', 'Set an interview…'],
      ]),
    );
  });

  it('shows the story bank in the DM when "Your stories" is pressed', async () => {
    const press = {
      type: 'block_actions',
      team: { id: TEAM, domain: 'study-group' },
      user: { id: ALICE, username: 'alice', name: 'alice', team_id: TEAM },
      api_app_id: 'A0STARLING',
      token: 'verification-token-unused',
      container: { type: 'view', view_id: 'V0HOME' },
      view: { id: 'V0HOME', type: 'home', team_id: TEAM },
      trigger_id: '1.2.home',
      actions: [{ type: 'button', action_id: 'run:stories', block_id: 'b1', action_ts: '1800000000.000900' }],
    };
    await interact(press);
    const shown = h.fake.callsTo('chat.postEphemeral').at(-1)?.args;
    expect(shown).toMatchObject({ channel: `D${ALICE}`, user: ALICE });
    expect(String(shown?.text)).toContain('No stories yet.');
  });

  it('sets an interview from the form on the Home tab, the employer picked by typeahead', async () => {
    const press = {
      type: 'block_actions',
      team: { id: TEAM, domain: 'study-group' },
      user: { id: ALICE, username: 'alice', name: 'alice', team_id: TEAM },
      api_app_id: 'A0STARLING',
      token: 'verification-token-unused',
      container: { type: 'view', view_id: 'V0HOME' },
      view: { id: 'V0HOME', type: 'home', team_id: TEAM },
      trigger_id: '1.3.home',
      actions: [{ type: 'button', action_id: 'form:interview', block_id: 'b1', action_ts: '1800000000.001000' }],
    };
    const opensBefore = h.fake.callsTo('conversations.open').length;
    await interact(press);
    const modal = h.fake.callsTo('views.open').at(-1)?.args.view as Modal;
    // the modal opens on the click itself: no DM is opened before it
    expect(h.fake.callsTo('views.open').at(-1)?.args.trigger_id).toBe('1.3.home');
    expect(h.fake.callsTo('conversations.open')).toHaveLength(opensBefore);
    expect(modal.blocks.map((b) => [b.block_id, b.element?.type, b.optional])).toEqual([
      ['employer', 'external_select', false],
      ['date', 'plain_text_input', false],
    ]);
    const employer = modal.blocks[0]?.element?.action_id ?? '';
    expect((await typeahead(employer, 'harv', ALICE)).map((o) => o.value)).toEqual([HMS]);
    await submit(modal, { employer: picked(HMS), date: text('in 10 days') }, ALICE);
    expect(await getTarget(h.db, `slack:${TEAM}`, ALICE)).toMatchObject({ employer: HMS });
    const shown = h.fake.callsTo('chat.postEphemeral').at(-1)?.args;
    expect(shown).toMatchObject({ channel: `D${ALICE}`, user: ALICE });
    expect(String(shown?.text)).toContain('Harvard Medical School');
  });
});

describe('/prep in a direct message with the bot', () => {
  const dm = { channel_id: `D${ALICE}`, channel_name: 'directmessage' };

  it('answers /prep stories and /prep interview there', async () => {
    const [stories] = await slash(ALICE, 'stories', dm);
    expect(stories?.text).toContain('No stories yet.');
    await slash(ALICE, 'interview harvard in 10 days', dm);
    const [interview] = await slash(ALICE, 'interview', dm);
    expect(interview?.text).toContain('Harvard Medical School');
    expect(buttonsIn(interview?.blocks).map((b) => b.action_id)).toEqual(['form:interview']);
  });

  it('refuses a channel command there, saying where it belongs', async () => {
    const [refused] = await slash(SAM, 'schedule 09:00', { channel_id: `D${SAM}`, channel_name: 'directmessage' });
    expect(refused?.text).toContain('`/prep schedule` belongs to a channel of your group');
    expect(await getSchedule(h.db, `slack:${TEAM}:D${SAM}`)).toBeUndefined();
  });
});
