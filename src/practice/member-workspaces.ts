// Where a member's data is when a command comes from no workspace of its own (a Discord
// DM through a user install): the workspaces where they are a member. Reading commands
// use the most recent one and say so when there are several; the export takes them all.
import { type CommandEvent, platformOf } from '../chat/types';
import type { AppContext } from './context';
import { workspacesOfMember } from './store/members';

export interface MemberWorkspaces {
  /** Most recent first; the event's own workspace when it has one or nothing is found. */
  workspaces: string[];
  /** Said under the reply when the member is in several and only the latest is shown. */
  note?: string;
}

export async function memberWorkspaces(ctx: AppContext, event: CommandEvent): Promise<MemberWorkspaces> {
  if (!event.anyWorkspace) return { workspaces: [event.workspace] };
  const found = (await workspacesOfMember(ctx.db, platformOf(event.workspace), event.author.id)).filter(
    (w) => w !== event.workspace,
  );
  if (found.length === 0) return { workspaces: [event.workspace] };
  if (found.length === 1) return { workspaces: found };
  return {
    workspaces: found,
    note: `From the server you practised in most recently (you are in ${found.length} servers with Starling); run \`/prep ${event.name}\` in a server's channel to see that one.`,
  };
}

/** The one workspace a reading command shows, with the note to add to its reply. */
export async function readingWorkspace(
  ctx: AppContext,
  event: CommandEvent,
): Promise<{ workspace: string; note?: string }> {
  const { workspaces, note } = await memberWorkspaces(ctx, event);
  return { workspace: workspaces[0] ?? event.workspace, ...(note ? { note } : {}) };
}

/** The reply with the note, if any, as its last line. */
export function withNote<M extends { text: string }>(message: M, note: string | undefined): M {
  return note ? { ...message, text: `${message.text}\n\n_${note}_` } : message;
}
