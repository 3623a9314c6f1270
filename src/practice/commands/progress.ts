// Progress commands: my summary, a member's summary, the leaderboard (retry and snooze: again.ts).
import { z } from 'zod';
import { UserError } from '../../chat/errors';
import { type CommandRegistry, defineCommand } from '../../chat/registry';
import type { AppContext } from '../context';
import { pct, plural } from '../format';
import { readingWorkspace, withNote } from '../member-workspaces';
import { ensureChannel, settingsOf } from '../store/channels';
import { findMember, getMember } from '../store/members';
import { leaderboard } from '../store/stats';
import { memberSummary } from '../summary';
import { retryCommand, snoozeCommand } from './again';

const DAY = 24 * 3_600_000;
const LEADERBOARD_DAYS = 30;

/** `<@U123>`, `<@U123|ada>`, `<@!123>` (Discord nickname form), `@ada` or `ada`. */
export function parseMemberRef(text: string): { id?: string; name?: string } {
  const t = text.trim();
  const m = /^<@!?([^>|\s]+)(?:\|[^>]*)?>$/.exec(t);
  if (m?.[1]) return { id: m[1] };
  const name = t.replace(/^@/, '').trim();
  return name ? { name } : {};
}

const meCommand = defineCommand<AppContext, Record<string, never>>({
  name: 'me',
  direct: true,
  description: 'Your own practice summary and progress chart, privately',
  usage: '/prep me',
  examples: ['/prep me'],
  notes: [
    'The chart (a PNG) shows your answers per week and the share of STAR checks you passed, in all and per part, over the last 13 weeks; its text alternative says the same in words. On Slack it arrives in your direct messages with me, on Discord with the reply, in the terminal as a file under the data folder.',
    'In a direct message with me (Discord, with Starling installed to your account): your summary in the server you practised in most recently; when you practise in several, the reply says so.',
  ],
  options: [],
  args: z.object({}),
  async run(ctx, _args, event) {
    const { workspace, note } = await readingWorkspace(ctx, event);
    const summary = await memberSummary(ctx, {
      workspace,
      userId: event.author.id,
      name: event.author.name,
      channel: event.channel,
    });
    return withNote(summary, note);
  },
});

const summaryCommand = defineCommand<AppContext, { member?: string }>({
  name: 'summary',
  description: "A member's practice summary (admins, or anyone where the channel allows)",
  usage: '/prep summary @member',
  examples: ['/prep summary @ada'],
  notes: [
    'Name the member by mention, or by their name or its start, in any case: `/prep summary @bob` finds "Bob Smith" when no other name starts so. Otherwise the reply lists the names it could mean, or the closest ones.',
    "Comes with the member's progress chart, as `/prep me` does.",
  ],
  options: [{ name: 'member', description: 'The member', type: 'user', required: true, rest: true }],
  args: z.object({ member: z.string().optional() }),
  async run(ctx, args, event) {
    const ref = parseMemberRef(args.member ?? '');
    if (!ref.id && !ref.name) throw new UserError('Whose summary? Name a member.', '`/prep summary @ada`');
    let userId = ref.id;
    if (!userId) {
      // Platforms with a user picker (Discord) send the bare id; people type a name.
      const name = ref.name ?? '';
      const found = await findMember(ctx.db, event.workspace, name);
      const example = (m: { name: string } | undefined) => `\`/prep summary @${m ? m.name : 'ada'}\``;
      if (found.ambiguous) {
        throw new UserError(
          `"${name}" fits ${found.candidates.length} members: ${found.candidates.map((m) => m.name).join(', ')}. Say which one (or mention them).`,
          example(found.candidates[0]),
        );
      }
      if (!found.member) {
        const near = found.candidates.map((m) => m.name);
        throw new UserError(
          `Nobody called "${name}" has answered a question in this workspace.${near.length ? ` Closest: ${near.join(', ')}.` : ''}`,
          near.length
            ? example(found.candidates[0])
            : '`/prep leaderboard` shows who has answered; or mention them: `/prep summary @ada`',
        );
      }
      userId = found.member.user_id;
    }
    if (!userId) throw new UserError('Whose summary? Name a member.', '`/prep summary @ada`');
    if (userId !== event.author.id && !event.author.isAdmin) {
      const settings = settingsOf(await ensureChannel(ctx.db, event.workspace, event.channel, ctx.clock()));
      if (!settings.summariesPublic) {
        throw new UserError(
          "Only admins can see other members' summaries in this channel.",
          'use `/prep me` for your own, or ask an admin to run `/prep settings summaries everyone`',
        );
      }
    }
    const member = await getMember(ctx.db, event.workspace, userId);
    if (!member)
      throw new UserError(
        'That member has not answered a question in this workspace yet.',
        '`/prep leaderboard` shows who has',
      );
    return memberSummary(ctx, {
      workspace: event.workspace,
      userId,
      name: member.name,
      channel: event.channel,
      third: userId !== event.author.id,
    });
  },
});

const leaderboardCommand = defineCommand<AppContext, Record<string, never>>({
  name: 'leaderboard',
  description: `Participation and STAR progress in this channel (last ${LEADERBOARD_DAYS} days)`,
  usage: '/prep leaderboard',
  examples: ['/prep leaderboard'],
  options: [],
  args: z.object({}),
  async run(ctx, _args, event) {
    const since = ctx.clock().getTime() - LEADERBOARD_DAYS * DAY;
    const rows = await leaderboard(ctx.db, event.workspace, event.channel, since, 10);
    if (rows.length === 0) {
      return {
        kind: 'info',
        text: `Nobody has answered in this channel in the last ${LEADERBOARD_DAYS} days. Be the first: answer today's question in its thread.`,
      };
    }
    const medal = ['🥇', '🥈', '🥉'];
    return {
      kind: 'info',
      title: `Leaderboard · last ${LEADERBOARD_DAYS} days`,
      text: rows
        .map(
          (r, i) =>
            `${medal[i] ?? `${i + 1}.`} **${r.name}** – ${plural(r.questions, 'question')} answered · ${r.checksTotal ? `STAR checks ${pct(r.checksPassed, r.checksTotal)} · ${r.complete} complete` : 'no story questions yet'}`,
        )
        .join('\n'),
      footer:
        'Ranked by questions answered, then by share of STAR checks passed. Answers to approach questions (design, technical) count as answered, not in the STAR checks.',
    };
  },
});

export function registerProgressCommands(registry: CommandRegistry<AppContext>): void {
  registry.register(meCommand, summaryCommand, leaderboardCommand, retryCommand, snoozeCommand);
}
