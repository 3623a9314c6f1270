// The platform-neutral bot: every /prep command, answers and feedback, scheduled
// questions and digests. Adapters feed it events; main wires it to cron.

import type { Kysely } from 'kysely';
import type { AdapterSet } from './chat/adapters';
import type { PlatformError } from './chat/errors';
import { type CommandRegistry, formButton, RUN_PREFIX } from './chat/registry';
import { createRouter } from './chat/router';
import type { Button, InboundEvent, MessageEvent, OutboundMessage, Ref } from './chat/types';
import type { Coach } from './coach/coach';
import type { Config } from './config';
import type { Database, Schedule } from './db/schema';
import type { GuideLibrary } from './guides/library';
import { QUESTION_CATEGORIES } from './guides/schema';
import type { Logger } from './logger';
import { onMockMessage } from './mock/session';
import { answerHandlers } from './practice/answering';
import { practiceRegistry } from './practice/commands';
import type { AppContext } from './practice/context';
import { categoryLabel } from './practice/format';
import type { Timers } from './practice/quiet';
import { getMember } from './practice/store/members';
import { memberSummary } from './practice/summary';
import { pauseReason } from './scheduler/pause-reason';
import { makeReplicaId } from './scheduler/run';
import { getSchedule, pauseSchedule } from './scheduler/store';
import { suggestStories } from './stories/suggest';
import { runTick, tickJobs } from './tick';

export interface AppOptions {
  config: Config;
  logger: Logger;
  db: Kysely<Database>;
  guides: GuideLibrary;
  adapters: AdapterSet;
  clock?: () => Date;
  replicaId?: string;
  /** The AI coach, when the host set one up. */
  coach?: Coach;
  /** Timers for the feedback quiet period (tests move time by hand). */
  timers?: Timers;
}

export interface App {
  /** Every /prep command (Discord registers options from it, Slack builds its manifest and help). */
  registry: CommandRegistry<AppContext>;
  /** The router: adapters call this for every event. */
  handle(event: InboundEvent): Promise<void>;
  /** Due schedules and closed answer windows; main's cron calls it every minute. */
  tick(now?: Date): Promise<void>;
  /** A member's own summary and streak (Slack App Home). */
  homeView(workspace: string, userId: string): Promise<OutboundMessage>;
  autocomplete(kind: 'employer' | 'category', prefix: string): { name: string; value: string }[];
  /** A platform refused to post in a channel: pause its schedule and tell whoever set it. */
  onPlatformError(channelRef: Ref, err: PlatformError): Promise<void>;
  /** Before the adapters stop: sends feedback still waiting for its quiet period. */
  stop(): Promise<void>;
  /** The context handed to commands (for tests and tools). */
  ctx: AppContext;
}

/** Refusals that mean "stop posting here until someone fixes it". */
function isLasting(err: PlatformError): boolean {
  return err.kind === 'channel_unavailable' || err.kind === 'no_permission';
}

const NO_MOCK_OPEN: OutboundMessage = {
  kind: 'info',
  text: 'There is no mock interview open here, so I did not read that. `/prep mock` starts one; `/prep help` lists everything else.',
};

/**
 * The member's home buttons: the commands that offer one (a mock, tips, stories), and the
 * forms of those that work in a direct message, where the platform opens forms.
 */
function homeButtons(registry: CommandRegistry<AppContext>, adapters: AdapterSet, workspace: string): Button[] {
  const commands = registry.list();
  const buttons = commands.flatMap((c) => (c.home ? [{ id: `${RUN_PREFIX}${c.name}`, label: c.home }] : []));
  if (!adapters.opensForms(workspace)) return buttons;
  return [...buttons, ...commands.flatMap((c) => (c.direct && c.form ? [formButton(c.name, c.form)] : []))];
}

export function buildApp(options: AppOptions): App {
  const { config, logger, db, guides, adapters } = options;
  const clock = options.clock ?? (() => new Date());
  const ctx: AppContext = {
    db,
    guides,
    adapters,
    logger,
    config,
    clock,
    replicaId: options.replicaId ?? makeReplicaId(),
    coach: options.coach,
  };
  ctx.questionAsked = async (q) => {
    await suggestStories(ctx, q);
  };
  const registry = practiceRegistry();
  const answers = answerHandlers(ctx, options.timers);
  const handlers = {
    ...answers,
    // a reply in a mock interview's conversation is the mock's; any other goes on to answers
    message: async (e: MessageEvent) => {
      if (await onMockMessage(ctx, e)) return;
      if (e.direct) await e.reply(NO_MOCK_OPEN, { private: true });
      else await answers.message?.(e);
    },
  };
  const router = createRouter({ registry, ctx, logger, handlers });
  const catchupMs = config.CATCHUP_WINDOW_MINUTES * 60_000;

  /** Direct-messages whoever set the schedule: what happened in which channel, the fix, how to resume. */
  async function tellOwner(schedule: Schedule, err: PlatformError): Promise<void> {
    try {
      const adapter = adapters.for(schedule.channel_ref);
      if (!adapter.openDirect) return;
      const dm = await adapter.openDirect(schedule.workspace, schedule.created_by);
      // A mention, not the ref: each platform shows it as the channel people know.
      const text = pauseReason(err, `<#${schedule.channel_ref}>`);
      await adapter.post(dm, { kind: 'error', title: 'The daily question is paused', text });
    } catch (err) {
      logger.warn({ err, channel: schedule.channel_ref }, 'could not tell the schedule owner it was paused');
    }
  }

  async function onPlatformError(channelRef: Ref, err: PlatformError): Promise<void> {
    logger.warn({ channel: channelRef, kind: err.kind, code: err.code }, 'platform refused a post');
    if (!isLasting(err)) return;
    const schedule = await getSchedule(db, channelRef);
    if (!schedule || schedule.paused) return;
    await pauseSchedule(db, channelRef, pauseReason(err), clock());
    await tellOwner(schedule, err);
  }

  const platforms = () => adapters.all().map((a) => a.platform);
  const jobs = tickJobs({
    ctx,
    catchupMs,
    platforms,
    tellOwner,
    onPlatformError,
    flushOverdue: (now) => answers.sendOverdue(now),
  });

  return {
    registry,
    ctx,
    onPlatformError,
    stop: () => answers.flush(),
    async handle(event) {
      if (event.author.isBot) return;
      await router(event);
    },
    tick: (now = clock()) => runTick(jobs, logger, now),
    async homeView(workspace, userId) {
      const member = await getMember(db, workspace, userId);
      const summary = await memberSummary(ctx, { workspace, userId, name: member?.name ?? userId });
      const buttons = homeButtons(registry, ctx.adapters, workspace);
      return { ...summary, buttons: [...(summary.buttons ?? []), ...buttons] };
    },
    autocomplete(kind, prefix) {
      if (kind === 'employer') return ctx.guides.complete(prefix, 25);
      const p = prefix.trim().toLowerCase().replace(/\s+/g, '-');
      return QUESTION_CATEGORIES.filter((c) => c.startsWith(p) || c.includes(p)).map((c) => ({
        name: categoryLabel(c),
        value: c,
      }));
    },
  };
}
