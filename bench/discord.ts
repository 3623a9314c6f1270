// `npx tsx bench/discord.ts`: the whole bot (core + Discord adapter on the real
// discord.js Client) against the fake Discord on 127.0.0.1. Thread replies (answers)
// and /prep commands are dispatched through the gateway; latency runs from the
// dispatch to the bot's first REST request for that event (a reaction marker or the
// DM channel for an answer, the interaction callback for a command) and to its last
// (the feedback DM).
//
// discord.js holds every client to Discord's global limit of 50 requests a second, and
// an answer costs three to six requests (markers, DM channel, DM), so that limit, not
// the bot, sets sustained throughput. The last phase raises it (Discord grants large
// bots more) to show what one process sustains.
import { type Bot, startBot } from '../test/discord/bot';
import type { FakeUser, RecordedRequest } from '../test/discord/fake-discord';

const ANSWERS = [
  'Last spring at my previous job our checkout service was failing during peak sales. As the on-call lead, my goal was to stop the outages. I profiled the service, found a slow query and added an index. As a result, checkout errors dropped from 4% to 0.2%.',
  'In 2023 at Acme our team was behind on a data migration for a hospital client. I was responsible for moving the patient records safely. I wrote validation scripts and ran the migration in small batches over a weekend.',
  'I usually try to stay calm under pressure and I always communicate clearly with my team. I would listen to everyone and find a compromise.',
  'When our release pipeline broke two days before a launch, I owned the fix. I bisected the failing builds, found a cache bug, and patched it; we shipped on time and build times fell by 30%.',
];

interface Sample {
  first: number;
  last: number;
}

interface Pending {
  t0: number;
  first?: number;
  resolve(s: Sample): void;
}

/** Matches the bot's REST requests to the events that caused them, as they arrive. */
class Tracker {
  private readonly byMessage = new Map<string, Pending>();
  private readonly byUser = new Map<string, Pending>();
  private readonly byDm = new Map<string, Pending>();
  private readonly byInteraction = new Map<string, Pending>();

  constructor(private readonly b: Bot) {
    b.fake.onRequest((r) => this.see(r));
  }

  private see(r: RecordedRequest): void {
    const reaction = /\/messages\/(\d+)\/reactions\//.exec(r.path);
    if (reaction?.[1]) {
      const p = this.byMessage.get(reaction[1]);
      if (p) p.first ??= r.at;
      return;
    }
    if (r.path === '/users/@me/channels') {
      const userId = String(r.body?.recipient_id);
      const p = this.byUser.get(userId);
      const dm = this.b.fake.dmChannelFor(userId);
      if (p && dm) {
        p.first ??= r.at;
        this.byDm.set(dm, p);
      }
      return;
    }
    const post = /^\/channels\/(\d+)\/messages$/.exec(r.path);
    if (post?.[1] && r.method === 'POST') {
      const p = this.byDm.get(post[1]);
      if (p) {
        this.byDm.delete(post[1]);
        p.resolve({ first: (p.first ?? r.at) - p.t0, last: r.at - p.t0 });
      }
      return;
    }
    const callback = /^\/interactions\/(\d+)\//.exec(r.path);
    if (callback?.[1]) {
      const p = this.byInteraction.get(callback[1]);
      if (p) {
        this.byInteraction.delete(callback[1]);
        p.resolve({ first: r.at - p.t0, last: r.at - p.t0 });
      }
    }
  }

  answer(user: FakeUser, thread: string, text: string): Promise<Sample> {
    return new Promise((resolve) => {
      const p: Pending = { t0: Date.now(), resolve };
      const m = this.b.fake.userMessage(user, thread, text);
      this.byMessage.set(m.id, p);
      this.byUser.set(user.id, p);
      this.b.fake.dispatch('MESSAGE_CREATE' as never, m as never);
    });
  }

  command(user: FakeUser, sub: string, options: Record<string, string>): Promise<Sample> {
    return new Promise((resolve) => {
      const interaction = this.b.fake.command(user, sub, options);
      this.byInteraction.set(interaction.id, { t0: Date.now(), resolve });
      this.b.fake.interact(interaction);
    });
  }
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const ms = (v: number) => `${Math.round(v)} ms`.padStart(8);

function report(name: string, samples: Sample[]): void {
  const first = samples.map((s) => s.first);
  const last = samples.map((s) => s.last);
  console.log(
    `  ${name.padEnd(34)} n=${String(samples.length).padStart(4)}  first REST p50 ${ms(pct(first, 50))} p99 ${ms(pct(first, 99))}   ` +
      `done p50 ${ms(pct(last, 50))} p99 ${ms(pct(last, 99))}`,
  );
}

async function withBot(
  title: string,
  globalPerSecond: number | undefined,
  run: (t: Tracker, b: Bot, thread: string) => Promise<void>,
) {
  const bot = await startBot({
    quiet: true,
    clientOptions: globalPerSecond ? { rest: { globalRequestsPerSecond: globalPerSecond } } : {},
  });
  try {
    const id = bot.fake.interact(bot.fake.command(bot.fake.users.carol, 'question', {}));
    await bot.fake.waitForResponses(id, 1, 10_000);
    const thread = await bot.fake.waitUntil(() =>
      [...bot.fake.channels.values()].find(
        (c) => c.type === 11 && (c as { parent_id?: string }).parent_id === bot.fake.channelId,
      ),
    );
    console.log(`\n${title}`);
    await run(new Tracker(bot), bot, thread.id);
  } finally {
    await bot.close();
  }
}

const TIPS = { employer: 'harvard-medical-school-software-engineer' };

async function oneAtATime(t: Tracker, b: Bot, thread: string, count: number) {
  const answers: Sample[] = [];
  const commands: Sample[] = [];
  for (let i = 0; i < count; i++) {
    // Each answer by a different member: a new answer and a new DM channel, the costly case.
    answers.push(await t.answer(b.fake.addUser(`m${i}`), thread, ANSWERS[i % ANSWERS.length] ?? ''));
    commands.push(await t.command(b.fake.users.alice, i % 2 ? 'help' : 'tips', i % 2 ? {} : TIPS));
  }
  report('thread reply (answer)', answers);
  report('/prep help, /prep tips', commands);
}

async function burst(t: Tracker, b: Bot, thread: string, count: number) {
  const before = b.fake.requests.length;
  const start = Date.now();
  const work: Promise<Sample>[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 5 === 4) work.push(t.command(b.fake.users.bob, i % 2 ? 'help' : 'tips', i % 2 ? {} : TIPS));
    else work.push(t.answer(b.fake.addUser(`burst${i}`), thread, ANSWERS[i % ANSWERS.length] ?? ''));
  }
  const samples = await Promise.all(work);
  const seconds = (Date.now() - start) / 1000;
  report(
    'thread replies',
    samples.filter((_, i) => i % 5 !== 4),
  );
  report(
    'commands',
    samples.filter((_, i) => i % 5 === 4),
  );
  const requests = b.fake.requests.length - before;
  console.log(
    `  ${count} events (4 answers : 1 command) in ${seconds.toFixed(2)} s = ${(count / seconds).toFixed(1)} events/s sustained, ${requests} REST requests (${(requests / seconds).toFixed(0)}/s)`,
  );
}

const started = Date.now();
console.log(
  'Starling on Discord: core + adapter, real discord.js 14 Client, fake Discord on 127.0.0.1, in-memory SQLite',
);
await withBot('One event at a time (default client: 50 REST requests/s)', undefined, (t, b, th) =>
  oneAtATime(t, b, th, 60),
);
await withBot('Burst at the default 50 REST requests/s', undefined, (t, b, th) => burst(t, b, th, 150));
await withBot('Burst with the global REST limit raised to 5,000/s', 5000, (t, b, th) => burst(t, b, th, 600));
console.log(`\n(total ${((Date.now() - started) / 1000).toFixed(1)} s)`);
