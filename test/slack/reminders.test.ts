// Reminders and /prep interview through the real Bolt stack: signed requests to the
// real HTTP receiver, the real core, a fake Slack Web API, and a clock the test
// moves. The member's zone comes from their Slack profile (users.info tz).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app';
import { AdapterSet } from '../../src/chat/adapters';
import { loadGuides } from '../../src/guides/load';
import { silentLogger } from '../../src/logger';
import { type Harness, openDb, startSlack } from './harness';
import {
  buttonClick,
  CHANNEL,
  commandReplies,
  eventEnvelope,
  FORM,
  formBody,
  interactionBody,
  messageEvent,
  send,
  slashCommand,
} from './requests';

const ANSWER =
  'Last spring at my previous job our checkout service was failing during peak sales and customers were abandoning orders. As the on-call lead, my goal was to stop the outages. I profiled the service, then I added an index and a cache. As a result, checkout errors dropped from 4% to 0.2%.';
const ALICE = 'U0ALICE';
const BOB = 'U0BOB';
const CARL = 'U0CARL';
const SAM = 'U0SAMADMIN';

let h: Harness;
let app: App;
let closeDb: () => Promise<void>;
let now: Date;
let seq = 0;

// a fresh workspace per test, each setting up what it needs
beforeEach(async () => {
  now = new Date('2026-03-02T08:00:00Z');
  const opened = await openDb();
  closeDb = opened.close;
  const adapters = new AdapterSet();
  h = await startSlack({ db: opened.db, handler: (e) => app.handle(e) });
  h.fake
    .addUser({ id: ALICE, name: 'Alice Moreau', tz: 'America/Los_Angeles' })
    .addUser({ id: BOB, name: 'Bob Okafor' })
    .addUser({ id: CARL, name: 'Carl Jung' })
    .addUser({ id: SAM, name: 'Sam Lee', isAdmin: true });
  adapters.add(h.adapter);
  const { library } = loadGuides('content/guides');
  app = buildApp({
    config: h.config,
    logger: silentLogger(),
    db: opened.db,
    guides: library,
    adapters,
    clock: () => now,
  });
});

afterEach(async () => {
  await h.close();
  await closeDb();
});

const tsNow = () => `${Math.floor(now.getTime() / 1000)}.${String(++seq).padStart(6, '0')}`;

async function slash(user: string, text: string): Promise<string> {
  const id = `r${++seq}`;
  const cmd = slashCommand(text, {
    user_id: user,
    user_name: user.toLowerCase(),
    responseId: id,
    responseBase: h.fake.responseUrl(''),
  });
  const res = await send(h.port, formBody(cmd), FORM);
  await h.adapter.idle();
  return commandReplies(res, h.fake.responses, id)
    .map((r) => r.text)
    .join('\n');
}

async function reply(user: string, threadTs: string, text: string): Promise<void> {
  await send(
    h.port,
    JSON.stringify(eventEnvelope(messageEvent({ user, text, ts: tsNow(), thread_ts: threadTs }))),
    'application/json',
  );
  await h.adapter.idle();
}

async function tick(at: string): Promise<void> {
  now = new Date(at);
  await app.tick(now);
  await h.adapter.idle();
}

const dms = (user: string, title: string) =>
  h.fake.messages.filter((m) => m.channel === `D${user}` && JSON.stringify(m.blocks ?? m.text).includes(title));
const latestQuestion = () => h.fake.messages.filter((m) => m.channel === CHANNEL && !m.thread_ts).at(-1)?.ts ?? '';

describe('on Slack', () => {
  it('/prep interview chop answers with the days left, read in the Slack profile zone', async () => {
    const text = await slash(ALICE, 'interview chop 2026-03-06');
    expect(text).toContain("Children's Hospital of Philadelphia");
    expect(text).toContain('in 4 days');
    expect(text).toContain('America/Los_Angeles (from your chat profile)');
  });

  it('reminders: only after an admin turns them on; once; not to who answered; not in quiet hours; Stop ends them', async () => {
    expect(await slash(ALICE, 'settings reminders on')).toMatch(/admin/i);
    await slash(SAM, 'schedule 09:00 UTC daily CHOP');
    await slash(SAM, 'settings window 12');
    expect(await slash(SAM, 'settings reminders on')).toContain('reminders: *on');
    expect(await slash(CARL, 'settings me quiet 19:00-23:00')).toContain('quiet hours: *19:00-23:00*');

    await tick('2026-03-02T09:00:20Z');
    const monday = latestQuestion();
    for (const who of [ALICE, BOB, CARL]) await reply(who, monday, ANSWER);
    await tick('2026-03-03T09:00:20Z');
    await reply(BOB, latestQuestion(), ANSWER);

    await tick('2026-03-03T20:00:30Z');
    await tick('2026-03-03T20:01:30Z');
    const nudges = dms(ALICE, "Today's question is still open");
    expect(nudges).toHaveLength(1);
    expect(dms(BOB, "Today's question is still open")).toHaveLength(0);
    expect(dms(CARL, "Today's question is still open")).toHaveLength(0);

    const buttons = (nudges[0]?.blocks ?? []).flatMap(
      (b: { elements?: { action_id?: string; value?: string }[] }) => b.elements ?? [],
    );
    const stop = buttons.find((e: { action_id?: string }) => e.action_id?.startsWith('reminders:stop'));
    expect(stop?.value).toBe('slack:T0STUDY01');
    const responseId = `r${++seq}`;
    await send(
      h.port,
      interactionBody(
        buttonClick(
          { action_id: stop?.action_id ?? '', value: stop?.value },
          { ts: nudges[0]?.ts ?? '' },
          { user: ALICE, channel: `D${ALICE}`, responseUrl: h.fake.responseUrl(responseId) },
        ),
      ),
      FORM,
    );
    await h.adapter.idle();
    const said = [
      ...h.fake.responses.filter((r) => r.id === responseId).map((r) => String(r.body.text)),
      ...h.fake.messages.map((m) => m.text),
    ];
    expect(said.some((t) => t.includes('Reminders are off'))).toBe(true);
    expect(await slash(ALICE, 'settings me')).toContain('reminders: *off*');

    await tick('2026-03-04T09:00:20Z');
    await tick('2026-03-04T20:00:30Z');
    expect(dms(ALICE, "Today's question is still open")).toHaveLength(1);
  });

  it('the brief reaches the member by direct message at 09:00 the day before, in their zone, once', async () => {
    expect(await slash(ALICE, 'interview chop 2026-03-06')).toContain('in 4 days');
    await slash(ALICE, 'question CHOP behavioral');
    await reply(ALICE, latestQuestion(), ANSWER);
    // 09:00 on 5 March in Los Angeles is 17:00 UTC
    await tick('2026-03-05T16:59:00Z');
    expect(dms(ALICE, "Tomorrow: Children's Hospital of Philadelphia")).toHaveLength(0);
    await tick('2026-03-05T17:00:30Z');
    await tick('2026-03-05T17:01:30Z');
    const brief = dms(ALICE, "Tomorrow: Children's Hospital of Philadelphia");
    expect(brief).toHaveLength(1);
    const body = JSON.stringify(brief[0]?.blocks ?? brief[0]?.text);
    expect(body).toContain('What they evaluate');
    expect(body).toContain('The process');
    expect(body).toContain('Your three best-fitting stories');
    expect(body).toContain('checkout service was failing');
  });
});
