// Slack refs: `slack:T:C` for a channel, `slack:T:C:ts` for a message or the thread
// under it. The team id travels in every ref because one process may serve many
// workspaces, each with its own bot token.
import type { Ref, WorkspaceId } from '../../src/chat/types';

export const PLATFORM = 'slack';

export interface SlackRef {
  team: string;
  channel: string;
  /** The message timestamp; posting to a ref with one replies in its thread. */
  ts?: string;
}

export function channelRef(team: string, channel: string): Ref {
  return `${PLATFORM}:${team}:${channel}`;
}

export function messageRef(team: string, channel: string, ts: string): Ref {
  return `${PLATFORM}:${team}:${channel}:${ts}`;
}

export function workspaceId(team: string): WorkspaceId {
  return `${PLATFORM}:${team}`;
}

/** The team id inside `slack:T`; throws for a workspace of another platform. */
export function teamOf(workspace: WorkspaceId): string {
  const [platform, team, ...rest] = workspace.split(':');
  if (platform !== PLATFORM || !team || rest.length) {
    throw new Error(`"${workspace}" is not a Slack workspace id (expected slack:T0123)`);
  }
  return team;
}

/** Decodes a Slack ref; throws a readable error for anything else. */
export function parseRef(ref: Ref): SlackRef {
  const [platform, team, channel, ts, ...rest] = ref.split(':');
  if (platform !== PLATFORM || !team || !channel || rest.length || (ts !== undefined && !/^\d+\.\d+$/.test(ts))) {
    throw new Error(`"${ref}" is not a Slack ref (expected slack:T:C or slack:T:C:1700000000.000100)`);
  }
  return ts === undefined ? { team, channel } : { team, channel, ts };
}
