// A whole app on an in-memory database with the memory adapter and a clock the
// test moves by hand.
import type { Kysely } from 'kysely';
import { MemoryAdapter, member } from '../../adapters/memory/index';
import { type App, buildApp } from '../../src/app';
import { AdapterSet } from '../../src/chat/adapters';
import type { Author, CommandEvent, Ref } from '../../src/chat/types';
import { coachFromConfig } from '../../src/coach/setup';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/db/schema';
import { GuideLibrary } from '../../src/guides/library';
import type { Guide } from '../../src/guides/schema';
import { type Logger, silentLogger } from '../../src/logger';
import { createTestDatabase, type DatabaseKind } from '../db/databases';
import { ManualTimers } from '../manual-timers';

export function guide(slug: string, employer: string, extra: Partial<Guide> = {}): Guide {
  return {
    slug,
    employer,
    aliases: [],
    role: 'Software Engineer',
    overview: `${employer} builds things.`,
    questions: [],
    evaluationAreas: [{ name: 'Problem solving', description: 'How you break a problem down.' }],
    process: ['Recruiter screen', 'Panel interview'],
    responsibilities: ['Maintain internal tools'],
    requirements: { mustHave: ['3 years of TypeScript'], niceToHave: ['Healthcare experience'] },
    faqs: [{ question: 'How long is the process?', answer: 'About four weeks.' }],
    tips: [`Quantify your results for ${employer}.`],
    focusAreas: ['Legacy systems'],
    source: `${slug}.txt`,
    ...extra,
  };
}

export const ACME = guide('acme-software-engineer', 'Acme Corp', {
  aliases: ['Acme'],
  questions: [
    {
      id: 'acme-b1',
      text: 'Tell me about a time you went above and beyond for a user.',
      category: 'behavioral',
      star: true,
    },
    {
      id: 'acme-b2',
      text: 'Describe a time you learned a new technology quickly.',
      category: 'behavioral',
      star: true,
    },
    {
      id: 'acme-s1',
      text: 'Tell me about a time requirements changed mid-project.',
      category: 'situational',
      star: true,
    },
    { id: 'acme-t1', text: 'How do you approach testing internal tools?', category: 'technical', star: false },
  ],
});

export const GLOBEX = guide('globex-data-engineer', 'Globex', {
  role: 'Data Engineer',
  questions: [
    { id: 'globex-b1', text: 'Tell me about a time you fixed a broken pipeline.', category: 'behavioral', star: true },
    {
      id: 'globex-d1',
      text: 'Design a system that ingests a million events a minute.',
      category: 'system-design',
      star: false,
    },
  ],
  tips: ['Talk about data quality.'],
});

export const COMPLETE_1 =
  'Last spring at my previous job our checkout service was failing during peak sales and customers were abandoning orders. As the on-call lead, my goal was to stop the outages before the holiday launch.';
export const COMPLETE_2 =
  'I profiled the service and found a slow database query, then I added an index and a cache in front of it. I also wrote a runbook and trained two colleagues. As a result, checkout errors dropped from 4% to 0.2% and we handled twice the traffic at launch.';
export const NO_RESULT =
  'In 2023 at Acme our team was behind on a data migration for a hospital client. I was responsible for moving the patient records safely. I wrote validation scripts and ran the migration in small batches over a weekend.';
export const RESULT_ADDED = `${NO_RESULT} As a result, we finished two days early with zero lost records.`;
export const GENERIC =
  'I usually try to stay calm under pressure and I always communicate clearly with my team. I would listen to everyone and find a compromise.';

export interface Harness {
  app: App;
  adapter: MemoryAdapter;
  db: Kysely<Database>;
  channel: Ref;
  now(): Date;
  setNow(iso: string | Date): void;
  advance(ms: number): void;
  /** Moves the clock on and runs the timers due by then (the feedback quiet period). */
  wait(ms: number): Promise<void>;
  timers: ManualTimers;
  command(who: Author, name: string, text?: string, extra?: CommandExtra): Promise<void>;
  say(who: Author, thread: Ref, text: string, ref?: Ref): Promise<Ref>;
  edit(who: Author, thread: Ref, ref: Ref, text: string): Promise<void>;
  remove(who: Author, thread: Ref, ref: Ref): Promise<void>;
  press(who: Author, actionId: string, value?: string): Promise<void>;
  close(): Promise<void>;
}

/** What a test may set on a command beyond its words: the thread, the place, a DM. */
type CommandExtra = Partial<Omit<CommandEvent, 'type' | 'reply' | 'name' | 'text' | 'author'>>;

export const ada = member('U-ada', 'Ada', true);
export const bob = member('U-bob', 'Bob');
export const cy = member('U-cy', 'Cy');

export interface HarnessOptions {
  guides?: Guide[];
  start?: string;
  workspace?: string;
  channel?: Ref;
  kind?: DatabaseKind;
  /** Settings as the environment would give them (the AI coach's, say). */
  env?: Record<string, string>;
  logger?: Logger;
  /** The feedback quiet period; 0 (every reply answered at once) unless a test is about it. */
  quietSeconds?: number;
}

export async function harness(options: HarnessOptions = {}): Promise<Harness> {
  const open = await createTestDatabase(options.kind ?? 'sqlite');
  const workspace = options.workspace ?? 'memory:W1';
  const channel = options.channel ?? `${workspace}:C1`;
  const adapter = new MemoryAdapter(workspace, channel);
  let now = new Date(options.start ?? '2026-03-02T08:00:00Z');
  const timers = new ManualTimers(() => now);
  const config = loadConfig({ FEEDBACK_QUIET_SECONDS: String(options.quietSeconds ?? 0), ...options.env });
  const logger = options.logger ?? silentLogger();
  const app = buildApp({
    config,
    timers,
    logger,
    coach: coachFromConfig(config, logger),
    db: open.db,
    guides: new GuideLibrary(options.guides ?? [ACME, GLOBEX]),
    adapters: new AdapterSet([adapter]),
    clock: () => now,
    replicaId: 'test',
  });
  await adapter.start((e) => app.handle(e));
  let seq = 0;
  const h: Harness = {
    app,
    adapter,
    db: open.db,
    channel,
    now: () => now,
    setNow(at) {
      now = new Date(at);
    },
    advance(ms) {
      now = new Date(now.getTime() + ms);
    },
    timers,
    async wait(ms) {
      now = new Date(now.getTime() + ms);
      await timers.runDue();
    },
    command: (who, name, text = '', extra = {}) =>
      adapter.emit({ type: 'command', name, text, author: who, at: now, channel, ...extra }),
    async say(who, thread, text, ref) {
      const r = ref ?? `${thread}:m${++seq}`;
      await adapter.emit({ type: 'message', ref: r, thread, text, author: who, at: now, channel });
      return r;
    },
    edit: (who, thread, ref, text) =>
      adapter.emit({ type: 'message_edited', ref, thread, text, author: who, at: now, channel }),
    remove: (who, thread, ref) => adapter.emit({ type: 'message_deleted', ref, thread, author: who, at: now, channel }),
    press: (who, actionId, value) => adapter.emit({ type: 'button', actionId, value, author: who, at: now, channel }),
    close: () => open.close(),
  };
  return h;
}

/** The last private message a user saw. */
export function lastPrivate(adapter: MemoryAdapter, userId: string) {
  const all = adapter.privateFor(userId);
  return all[all.length - 1]?.message;
}

/** Question posts the bot made in a channel. */
export function questions(adapter: MemoryAdapter, channel: Ref) {
  return adapter.publicIn(channel).filter((s) => s.message.kind === 'question');
}
