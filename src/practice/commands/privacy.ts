// A member's own data: export everything, or delete it after confirming.

import { z } from 'zod';
import { UserError } from '../../chat/errors';
import { type CommandRegistry, defineAction, defineCommand } from '../../chat/registry';
import type { Attachment } from '../../chat/types';
import { memberOptedOut } from '../../coach/gate';
import { mockMarkdown } from '../../mock/export';
import { formatDays } from '../../scheduler/time';
import type { AppContext } from '../context';
import { plural } from '../format';
import { memberWorkspaces } from '../member-workspaces';
import { exportMember, forgetMember, type MemberExport } from '../store/privacy';

function exportMarkdown(data: MemberExport): string {
  const lines = [
    `# Starling data for ${data.member?.name ?? data.userId}`,
    '',
    `- Workspace: ${data.workspace}`,
    `- User id: ${data.userId}`,
    `- Exported: ${data.exportedAt}`,
    `- Answers: ${data.answers.length}`,
    `- Mock interviews: ${data.mockInterviews.length}`,
    `- Story bank changes (retag, merge): ${data.storyMarks.length}`,
  ];
  if (data.member?.snoozedUntil) lines.push(`- Snoozed until: ${data.member.snoozedUntil}`);
  if (data.member?.aiCoach === 'off') lines.push('- AI coach: off for you (your answers never go to an AI model)');
  if (data.snoozes.length) {
    lines.push('', '## Snoozes', '', ...data.snoozes.map((s) => `- ${s.from} to ${s.until}`));
  }
  if (data.pendingRetry)
    lines.push('', `Pending retry of post ${data.pendingRetry.postId} since ${data.pendingRetry.since}`);
  if (data.schedules.length) {
    lines.push(
      '',
      '## Daily questions you set',
      '',
      ...data.schedules.map((s) => {
        const from = [s.employer ?? 'every guide', s.category ?? 'any category'].join(', ');
        const state = s.paused
          ? `paused${s.pausedReason ? `: ${s.pausedReason}` : ''}`
          : `next ${s.nextRunAt ?? 'never'}`;
        return `- ${s.channel}: ${s.time} (${s.timezone}), ${formatDays(s.days)}, from ${from}; ${state}; set ${s.updatedAt}`;
      }),
    );
  }
  for (const a of data.answers) {
    lines.push(
      '',
      `## ${a.question.text}`,
      '',
      `${a.question.employer} · ${a.question.category} · asked ${a.question.postedAt} in ${a.channel}`,
      `Attempt ${a.attempt}${a.late ? ' (late)' : ''}, answered ${a.createdAt}${a.updatedAt !== a.createdAt ? `, last changed ${a.updatedAt}` : ''}`,
      '',
      ...a.text.split('\n').map((l) => `> ${l}`),
    );
    const an = a.analysis as { checks?: { passed?: number; total?: number } } | null;
    // a score only where the bot gave one: not for an approach question, nor an unreadable answer
    if (an?.checks && a.scored) lines.push('', `STAR checks passed: ${an.checks.passed} of ${an.checks.total}`);
    else if (an) lines.push('', 'No STAR score: the question asks for an approach, or the answer could not be read.');
  }
  lines.push(...mockMarkdown(data.mockInterviews));
  if (data.guidesAdded.length) {
    lines.push(
      '',
      '## Guides you added',
      '',
      ...data.guidesAdded.map(
        (g) =>
          `- ${g.employer} (${g.slug}) from ${g.source}, ${g.addedAt}${g.confirmed ? '' : ' (preview, not added)'}`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

function exportCounts(data: MemberExport | undefined): string {
  if (!data) return 'nothing';
  return `${plural(data.answers.length, 'answer')} with their analyses${data.snoozes.length ? `, ${plural(data.snoozes.length, 'snooze')}` : ''}${data.schedules.length ? `, ${plural(data.schedules.length, 'daily question schedule')} you set` : ''}${data.mockInterviews.length ? `, ${plural(data.mockInterviews.length, 'mock interview')}` : ''}`;
}

/** The JSON and Markdown files of one export; named by workspace when there are several. */
function exportFiles(data: MemberExport, byWorkspace: boolean): Attachment[] {
  const stamp = data.exportedAt.slice(0, 10);
  const base = `starling-export-${stamp}${byWorkspace ? `-${data.workspace.replace(/[^\w-]+/g, '-')}` : ''}`;
  return [
    { name: `${base}.json`, mime: 'application/json', content: `${JSON.stringify(data, null, 2)}\n` },
    { name: `${base}.md`, mime: 'text/markdown', content: exportMarkdown(data) },
  ];
}

export function registerPrivacyCommands(registry: CommandRegistry<AppContext>): void {
  registry.register(
    defineCommand<AppContext, Record<string, never>>({
      name: 'export',
      direct: true,
      description: 'All your data in this workspace, as JSON and Markdown files, privately (in a DM: every server)',
      usage: '/prep export',
      examples: ['/prep export'],
      notes: [
        'In a direct message with me (Discord, with Starling installed to your account): your data in every server you practise in, two files for each server.',
      ],
      options: [],
      args: z.object({}),
      slow: true,
      async run(ctx, _args, event) {
        // in a DM through a user install: every server the member practises in, a pair of files each
        const { workspaces } = await memberWorkspaces(ctx, event);
        const exports = await Promise.all(workspaces.map((w) => exportMember(ctx.db, w, event.author.id, ctx.clock())));
        const several = exports.length > 1;
        return {
          kind: 'info',
          text: several
            ? `Everything Starling keeps about you in the ${exports.length} servers you practise in, two files for each: JSON (complete) and Markdown (readable), named by server.\n${exports.map((d) => `- ${d.workspace}: ${exportCounts(d)}`).join('\n')}`
            : `Everything Starling keeps about you in this workspace: ${exportCounts(exports[0])}. Two files follow: JSON (complete) and Markdown (readable).`,
          attachments: exports.flatMap((data) => exportFiles(data, several)),
        };
      },
    }),
    defineCommand<AppContext, Record<string, never>>({
      name: 'forget-me',
      direct: true,
      description: 'Delete all your answers, analyses and streaks in this workspace (asks to confirm)',
      usage: '/prep forget-me',
      examples: ['/prep forget-me'],
      options: [],
      args: z.object({}),
      async run(_ctx, _args, event) {
        return {
          kind: 'info',
          text: 'This deletes **all** your answers, their analyses, your mock interviews, your streaks and snoozes in this workspace. It cannot be undone. `/prep export` first if you want a copy.',
          buttons: [
            {
              id: `forget:confirm:${event.author.id}`,
              label: 'Delete all my data',
              style: 'danger',
              value: event.author.id,
            },
            { id: `forget:cancel:${event.author.id}`, label: 'Keep it', value: event.author.id },
          ],
        };
      },
    }),
  );
  registry.registerAction(
    defineAction<AppContext>({
      prefix: 'forget:',
      async run(ctx, event) {
        const [, what, owner] = event.actionId.split(':');
        if (owner && owner !== event.author.id) {
          throw new UserError("That button belongs to someone else's request.", 'run `/prep forget-me` yourself');
        }
        if (what !== 'confirm') return { kind: 'info', text: 'Nothing was deleted.' };
        const optedOut = await memberOptedOut(ctx, event.workspace, event.author.id);
        const gone = await forgetMember(ctx.db, event.workspace, event.author.id);
        if (
          gone.answers === 0 &&
          !gone.member &&
          gone.snoozes === 0 &&
          gone.mockInterviews === 0 &&
          gone.settings === 0
        ) {
          return { kind: 'info', text: 'There was nothing about you to delete in this workspace.' };
        }
        return {
          kind: 'info',
          text: `Deleted ${plural(gone.answers, 'answer')} (${plural(gone.replies, 'reply', 'replies')}), ${plural(gone.analyses, 'analysis', 'analyses')}${gone.mockInterviews ? `, ${plural(gone.mockInterviews, 'mock interview')}` : ''}${gone.storyMarks ? `, your story bank's ${plural(gone.storyMarks, 'change')}` : ''}, your streaks${gone.settings ? ', your own settings and interview date' : ''}${gone.snoozes ? `, ${plural(gone.snoozes, 'snooze')}` : ''} and your member record in this workspace. Your messages in the chat itself are untouched; delete them there if you wish.${optedOut ? ' Your AI coach opt-out went with your record: `/prep settings me ai off` sets it again.' : ''}`,
        };
      },
    }),
  );
}
