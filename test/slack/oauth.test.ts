// Many workspaces: Slack's OAuth install flow through the real HTTP receiver, the
// installation kept in our database, the bot then answering in each workspace with
// that workspace's own token, and forgetting a workspace that uninstalls it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app';
import { AdapterSet } from '../../src/chat/adapters';
import { loadGuides } from '../../src/guides/load';
import { silentLogger } from '../../src/logger';
import { FakeSlack } from './fake-slack';
import { type Harness, openDb, startSlack } from './harness';
import { commandReplies, eventEnvelope, FORM, formBody, send, slashCommand } from './requests';

const ORANGE = { team: 'T0ORANGE', token: 'xoxb-orange-token', bot: 'U0BOTORANGE', name: 'Orange Cohort' };
const LIME = { team: 'T0LIME', token: 'xoxb-lime-token', bot: 'U0BOTLIME', name: 'Lime Club' };

let h: Harness;
let app: App;
let fake: FakeSlack;
let closeDb: () => Promise<void>;
const { library } = loadGuides('content/guides');

// a fresh server, fake Slack and database per test; each installs what it needs
beforeEach(async () => {
  fake = await new FakeSlack().start();
  const opened = await openDb();
  closeDb = opened.close;
  const adapters = new AdapterSet();
  h = await startSlack({
    fake,
    db: opened.db,
    env: {
      SLACK_BOT_TOKEN: '',
      SLACK_CLIENT_ID: '1234.5678',
      SLACK_CLIENT_SECRET: 'client-secret-abc',
      SLACK_STATE_SECRET: 'a-long-random-state-secret',
    },
    handler: (e) => app.handle(e),
  });
  adapters.add(h.adapter);
  app = buildApp({ config: h.config, logger: silentLogger(), db: opened.db, guides: library, adapters });
});

afterEach(async () => {
  await h.close();
  await fake.stop();
  await closeDb();
});

const base = () => `http://127.0.0.1:${h.port}`;

/** What a browser does: open /slack/install, then come back from Slack with a code. */
async function install(code: string, tamper?: 'cookie'): Promise<{ status: number; page: string }> {
  const landing = await fetch(`${base()}/slack/install`);
  expect(landing.status).toBe(200);
  const html = await landing.text();
  const cookie = landing.headers.get('set-cookie') ?? '';
  const state = /state=([^&"]+)/.exec(html)?.[1] ?? '';
  expect(state).not.toBe('');
  expect(html).toContain('client_id=1234.5678');
  const sent = tamper === 'cookie' ? 'slack-app-oauth-state=someone-elses-state' : (cookie.split(';')[0] ?? '');
  const back = await fetch(`${base()}/slack/oauth_redirect?code=${code}&state=${state}`, { headers: { cookie: sent } });
  return { status: back.status, page: await back.text() };
}

async function command(team: string, text: string, user = 'U0MEMBER'): Promise<{ status: number; replies: any[] }> {
  const id = `${team}-${Math.random().toString(36).slice(2)}`;
  const cmd = slashCommand(text, {
    team_id: team,
    channel_id: 'C0GENERAL',
    user_id: user,
    responseId: id,
    responseBase: fake.responseUrl(''),
  });
  const res = await send(h.port, formBody(cmd), FORM);
  await h.adapter.idle();
  return { status: res.status, replies: commandReplies(res, fake.responses, id) };
}

const rows = () => h.db.selectFrom('slack_installations').selectAll().orderBy('id').execute();

/** A workspace installs the app through the browser flow. */
async function installed(ws: typeof ORANGE): Promise<{ status: number; page: string }> {
  const code = `code-${ws.team}`;
  fake.addOAuthCode(code, { token: ws.token, team: ws.team, teamName: ws.name, botUserId: ws.bot });
  return install(code);
}

describe('installing into many workspaces', () => {
  it('the install callback exchanges the code and stores the installation', async () => {
    const { status, page } = await installed(ORANGE);
    expect(status).toBe(200);
    expect(page).toContain('Starling is installed');
    expect(fake.callsTo('oauth.v2.access').at(-1)?.args).toMatchObject({
      code: `code-${ORANGE.team}`,
      client_id: '1234.5678',
    });
    const stored = await rows();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      id: `T:${ORANGE.team}`,
      team_id: ORANGE.team,
      bot_token: ORANGE.token,
      bot_user_id: ORANGE.bot,
    });
  });

  it('a callback whose state does not match the browser is refused and stores nothing', async () => {
    await installed(ORANGE);
    fake.addOAuthCode('code-forged', { token: 'xoxb-forged', team: 'T0FORGED', teamName: 'Forged', botUserId: 'U0F' });
    const { status, page } = await install('code-forged', 'cookie');
    expect(status).toBe(400);
    expect(page).toContain('did not finish');
    expect((await rows()).map((r) => r.team_id)).toEqual([ORANGE.team]);
  });

  it('the bot answers in each workspace with that workspace token', async () => {
    expect((await installed(ORANGE)).status).toBe(200);
    expect((await installed(LIME)).status).toBe(200);

    await command(ORANGE.team, 'question');
    await command(LIME.team, 'question');
    const orangePost = fake.messages.filter((m) => m.token === ORANGE.token);
    const limePost = fake.messages.filter((m) => m.token === LIME.token);
    expect(orangePost).toHaveLength(1);
    expect(limePost).toHaveLength(1);
    expect(orangePost[0]?.channel).toBe('C0GENERAL');
    // Names were looked up in the right workspace too.
    const lookups = fake.callsTo('users.info').map((c) => c.token);
    expect(new Set(lookups)).toEqual(new Set([ORANGE.token, LIME.token]));
  });

  it('a thread reply in one workspace is answered there, with that token', async () => {
    await installed(ORANGE);
    await installed(LIME);
    await command(LIME.team, 'question');
    const question = fake.messages.find((m) => m.token === LIME.token);
    const before = fake.callsTo('chat.postEphemeral').length;
    await send(
      h.port,
      JSON.stringify(
        eventEnvelope(
          {
            type: 'message',
            channel: 'C0GENERAL',
            user: 'U0MEMBER',
            text: 'Last spring at my previous job our deploys kept failing. I was responsible for fixing them. I rewrote the pipeline and added checks. As a result, failed deploys dropped from 9 a month to 1.',
            ts: '1700000999.000100',
            thread_ts: question?.ts,
            channel_type: 'channel',
            event_ts: '1700000999.000100',
          },
          { team: LIME.team },
        ),
      ),
      'application/json',
    );
    await h.adapter.idle();
    const feedback = fake.callsTo('chat.postEphemeral').slice(before);
    expect(feedback).toHaveLength(1);
    expect(feedback[0]?.token).toBe(LIME.token);
  });

  it('uninstalling removes the installation; the workspace is then ignored', async () => {
    await installed(ORANGE);
    await installed(LIME);
    const status = await send(
      h.port,
      JSON.stringify(eventEnvelope({ type: 'app_uninstalled', event_ts: '1700001000.000100' }, { team: ORANGE.team })),
      'application/json',
    );
    await h.adapter.idle();
    expect(status.status).toBe(200);
    expect((await rows()).map((r) => r.team_id)).toEqual([LIME.team]);
    const posted = fake.messages.length;
    const after = await command(ORANGE.team, 'question');
    expect(after.status).toBe(200);
    expect(fake.messages.length).toBe(posted);
    expect(after.replies).toEqual([]);
  });

  it('revoked bot tokens are forgotten the same way', async () => {
    await installed(LIME);
    expect(await rows()).toHaveLength(1);
    await send(
      h.port,
      JSON.stringify(
        eventEnvelope(
          { type: 'tokens_revoked', tokens: { bot: [LIME.bot] }, event_ts: '1700001001.000100' },
          { team: LIME.team },
        ),
      ),
      'application/json',
    );
    await h.adapter.idle();
    expect(await rows()).toEqual([]);
  });
});
