// One Starling process serving Slack and Discord at once (issue 6). The bot runs as
// `npm start` runs it: `node bin/starling.js start` in a child process, configured
// only through its environment, talking to the loopback fakes of both platforms.
// Everything is asserted on what each platform was asked to show its members, and
// the process must stop by itself with exit code 0 after a real SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, type RecordedRequest } from '../discord/fake-discord';
import { FakeSlack } from '../slack/fake-slack';
import {
  BOT_TOKEN,
  BOT_USER,
  CHANNEL,
  commandReplies,
  eventEnvelope,
  FORM,
  formBody,
  messageEvent,
  SIGNING_SECRET,
  send,
  slashCommand,
  TEAM,
} from '../slack/requests';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ANSWER =
  'Last spring at my previous job our checkout service was failing during peak sales and customers were abandoning orders. ' +
  'As the on-call lead, my goal was to stop the outages before the holiday launch. ' +
  'I profiled the service and found a slow database query, then I added an index and a cache in front of it. ' +
  'As a result, checkout errors dropped from 4% to 0.2% and we handled twice the traffic at launch.';
const CHOP = "Children's Hospital of Philadelphia";
const HARVARD = 'Harvard Medical School';
const HARVARD_SLUG = 'harvard-medical-school-software-engineer';

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

let slack: FakeSlack;
let discord: FakeDiscord;
let dir: string;
let bot: ChildProcess;
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
const logs: LogLine[] = [];
const rawLog: string[] = [];
let slackPort = 0;
/**
 * The Slack member is given the Discord member's user id on purpose: were the two
 * workspaces not kept apart, one person's practice would show up in the other's.
 */
let slackMember = '';

/** The bot's last log lines, so a failure shows what the process was doing. */
const logTail = () => rawLog.slice(-25).join('\n');

/** Polls until `check` returns a value; fails with the bot's log if it never does. */
async function until<T>(check: () => T | undefined | false, what: string, timeoutMs = 8000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}. The bot's log ends:\n${logTail()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  discord = await new FakeDiscord().start();
  slackMember = discord.users.alice.id;
  slack = await new FakeSlack().start();
  slack.addTeam(BOT_TOKEN, TEAM, BOT_USER, 'B0STARLING').addUser({ id: slackMember, name: 'Alice Moreau' });
  dir = mkdtempSync(join(tmpdir(), 'starling-both-'));

  // A clean environment (nothing inherited but PATH and HOME) and a working directory
  // without a .env, so the settings below are the only ones the bot sees.
  bot = spawn(process.execPath, [join(ROOT, 'bin/starling.js'), 'start'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: join(dir, 'starling.db'),
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      PORT: '0',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiBase,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // 'close' rather than 'exit': by then a crash trace on stderr has been read in full.
  exited = new Promise((resolve) => bot.once('close', (code, signal) => resolve({ code, signal })));
  let pending = '';
  bot.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      rawLog.push(line);
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        // Not a log line (a crash trace): kept in rawLog for the failure message.
      }
    }
  });
  bot.stdout?.setEncoding('utf8').on('data', (chunk: string) => rawLog.push(chunk));
  let exitedEarly = false;
  void exited.then(() => {
    exitedEarly = true;
  });

  // PORT=0 lets the system pick the Slack receiver's port; the bot logs which one.
  const listening = await until(
    () => {
      if (exitedEarly) throw new Error(`the bot exited during start-up:\n${logTail()}`);
      return logs.find((l) => l.msg === 'Slack HTTP receiver listening on /slack/events');
    },
    'the Slack HTTP receiver',
    12_000,
  );
  slackPort = Number(listening.port);
  // Registering /prep is the Discord adapter's last start-up step.
  await until(
    () => {
      if (exitedEarly) throw new Error(`the bot exited during start-up:\n${logTail()}`);
      return logs.some((l) => l.msg === 'registered /prep' || l.msg === '/prep is up to date');
    },
    'Discord to connect and register /prep',
    12_000,
  );
}, 20_000);

afterAll(async () => {
  if (bot && bot.exitCode === null && bot.signalCode === null) {
    bot.kill('SIGKILL');
    await exited;
  }
  await slack?.stop();
  await discord?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// ---- Slack: signed requests to the bot's receiver; answers land in the fake Slack ----

let slashSeq = 0;

/** `/prep <text>` from the Slack member; resolves with what Slack showed them privately. */
async function slackSlash(text: string): Promise<string> {
  const id = `both-${++slashSeq}`;
  const cmd = slashCommand(text, { user_id: slackMember, responseId: id, responseBase: slack.responseUrl('') });
  const res = await send(slackPort, formBody(cmd), FORM);
  expect(res.status).toBe(200);
  // a reply ready at once comes back in the acknowledgement; a slower one through response_url
  const replies = await until(() => {
    const r = commandReplies(res, slack.responses, id);
    return r.length ? r : undefined;
  }, `Slack's answer to /prep ${text}`);
  return replies.map((r) => String(r.text ?? '')).join('\n');
}

const slackChannelPosts = () => slack.messages.filter((m) => m.channel === CHANNEL && !m.thread_ts);
const slackFeedback = () =>
  slack.callsTo('chat.postEphemeral').filter((c) => /Feedback on your answer/.test(String(c.args.text)));

// ---- Discord: INTERACTION_CREATE and MESSAGE_CREATE on the gateway; REST answers ----

function discordText(responses: RecordedRequest[]): string {
  return responses
    .map((r) => {
      const data = r.body?.data ?? r.body ?? {};
      const embeds = (data.embeds ?? []) as { title?: string; description?: string }[];
      return [data.content ?? '', ...embeds.map((e) => `${e.title ?? ''}\n${e.description ?? ''}`)].join('\n');
    })
    .join('\n');
}

/** `/prep <sub>` from alice on Discord; resolves once the interaction is answered. */
async function discordSlash(
  sub: string,
  options: Record<string, string> = {},
): Promise<{ text: string; responses: RecordedRequest[]; id: string }> {
  const id = discord.interact(discord.command(discord.users.alice, sub, options));
  const responses = await until(() => {
    const r = discord.responses(id);
    const first = r[0]?.body?.type;
    if (first === InteractionResponseType.ChannelMessageWithSource) return r;
    if (first === InteractionResponseType.DeferredChannelMessageWithSource && r.length >= 2) return r;
    return undefined;
  }, `Discord's answer to /prep ${sub}`);
  return { text: discordText(responses), responses, id };
}

const discordFeedback = () =>
  discord.requests.filter(
    (r) => r.method === 'POST' && /^Feedback on your answer/.test(String(r.body?.embeds?.[0]?.title ?? '')),
  );

let slackQuestionTs = '';
let discordThreadId = '';

// One real `starling start` process for the whole story, as a user runs it: its steps
// build on each other and the last stops it with SIGTERM, so this one suite keeps its
// order under --sequence.shuffle (every other suite passes shuffled).
describe('one process serves Slack and Discord at once', { shuffle: false }, () => {
  it('answers /prep tips on each platform through that platform', async () => {
    const slackTips = await slackSlash('tips chop');
    expect(slackTips).toContain(CHOP);

    const { text: discordTips, responses, id } = await discordSlash('tips', { employer: HARVARD_SLUG });
    expect(discordTips).toContain(HARVARD);
    // Answered through the interaction's own callback, visible to alice alone.
    expect(responses[0]?.method).toBe('POST');
    expect(responses[0]?.path).toMatch(new RegExp(`^/interactions/${id}/[^/]+/callback$`));
    expect(Number(responses[0]?.body?.data?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    // Each answer went only where it was asked for.
    expect(slack.responses.map((r) => JSON.stringify(r.body)).join()).not.toContain(HARVARD);
    expect(discordTips).not.toContain(CHOP);
  });

  it("posts /prep question in each platform's own channel", async () => {
    const slackReply = await slackSlash('question chop');
    expect(slackReply).toMatch(/Posted a .*question/);
    const [slackQuestion] = await until(() => {
      const posts = slackChannelPosts();
      return posts.length ? posts : undefined;
    }, 'the question in the Slack channel');
    expect(slackChannelPosts()).toHaveLength(1);
    expect(`${slackQuestion?.text}${JSON.stringify(slackQuestion?.blocks)}`).toContain(CHOP);
    slackQuestionTs = slackQuestion?.ts ?? '';

    const { text: discordReply } = await discordSlash('question', { employer: HARVARD_SLUG });
    expect(discordReply).toMatch(new RegExp(`Posted a .* question from ${HARVARD}`));
    const discordQuestion = await until(
      () => discord.botMessages(discord.channelId).find((m) => m.embeds.length > 0),
      'the question in the Discord channel',
    );
    expect(JSON.stringify(discordQuestion.embeds)).toContain(HARVARD);
    // The bot starts the question's thread from the question itself.
    const thread = await until(() => discord.channels.get(discordQuestion.id), 'the question thread on Discord');
    discordThreadId = thread.id;

    // Neither question leaked to the other platform.
    expect(slackChannelPosts().map((m) => JSON.stringify(m))).not.toContain(HARVARD);
    expect(discord.botMessages(discord.channelId)).toHaveLength(1);
  });

  it('reads an answer in each thread and gives feedback on its own platform only', async () => {
    expect(slackQuestionTs).toMatch(/^\d+\.\d+$/);
    expect(discordThreadId).toMatch(/^\d{17,20}$/);

    const answerTs = `${Math.floor(Date.now() / 1000)}.000777`;
    const delivered = await send(
      slackPort,
      JSON.stringify(
        eventEnvelope(messageEvent({ user: slackMember, text: ANSWER, ts: answerTs, thread_ts: slackQuestionTs })),
      ),
      'application/json',
    );
    expect(delivered.status).toBe(200);
    const [slackNote] = await until(() => {
      const f = slackFeedback();
      return f.length ? f : undefined;
    }, 'feedback on the Slack answer');
    // Privately to the member, in the question's thread, with the public marker on the answer.
    expect(slackNote?.args).toMatchObject({ user: slackMember, channel: CHANNEL, thread_ts: slackQuestionTs });
    await until(
      () => slack.callsTo('reactions.add').some((c) => c.args.timestamp === answerTs),
      'the STAR marker on the Slack answer',
    );

    const message = discord.say(discord.users.alice, discordThreadId, ANSWER);
    const [discordNote] = await until(() => {
      const f = discordFeedback();
      return f.length ? f : undefined;
    }, 'feedback on the Discord answer');
    // Privately: a direct message to alice, not a post in the thread.
    expect(discordNote?.path).toBe(`/channels/${discord.dmChannelFor(discord.users.alice.id)}/messages`);
    await until(
      () => discord.calls('PUT', new RegExp(`/channels/${discordThreadId}/messages/${message.id}/reactions/`)).length,
      'the STAR marker on the Discord answer',
    );

    // One answer each, one note each: the Discord answer brought nothing to Slack.
    expect(slackFeedback()).toHaveLength(1);
    expect(discordFeedback()).toHaveLength(1);
  });

  it("/prep me shows each platform's member their own practice only", async () => {
    const slackMe = await slackSlash('me');
    expect(slackMe).toMatch(/Answers given:\**\s*1\b/);
    expect(slackMe).toContain(CHOP);
    expect(slackMe).not.toContain(HARVARD);

    const { text: discordMe } = await discordSlash('me');
    expect(discordMe).toMatch(/Answers given:\**\s*1\b/);
    expect(discordMe).toContain(HARVARD);
    expect(discordMe).not.toContain(CHOP);
  });

  it('stops by itself with exit code 0 on SIGTERM, having logged no errors', async () => {
    // start() listens for signals once every adapter has started; by now the bot has
    // answered a dozen requests on both platforms, so this is the real, handled SIGTERM.
    bot.kill('SIGTERM');
    const { code, signal } = await exited;
    expect({ code, signal }, logTail()).toEqual({ code: 0, signal: null });
    expect(logs.some((l) => l.msg === 'shutting down' && l.why === 'SIGTERM')).toBe(true);
    expect(logs.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
    // With the process gone the counts are final: still one note each, on its own platform.
    expect(slackFeedback()).toHaveLength(1);
    expect(discordFeedback()).toHaveLength(1);
  });
});
