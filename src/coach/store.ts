// The two switches of the AI coach: the channel's (admins) and the member's own.

import { ensureChannel } from '../practice/store/channels';
import type { Db } from '../practice/store/db';
import { upsertMember } from '../practice/store/members';

export async function setChannelCoach(db: Db, workspace: string, ref: string, on: boolean, now: Date) {
  await ensureChannel(db, workspace, ref, now);
  await db
    .updateTable('channels')
    .set({ ai_coach: on ? 1 : 0 })
    .where('workspace', '=', workspace)
    .where('ref', '=', ref)
    .execute();
}

export async function setMemberOptOut(
  db: Db,
  workspace: string,
  userId: string,
  name: string,
  out: boolean,
  now: Date,
) {
  await upsertMember(db, workspace, userId, name, now.getTime());
  await db
    .updateTable('members')
    .set({ ai_opt_out: out ? 1 : 0 })
    .where('workspace', '=', workspace)
    .where('user_id', '=', userId)
    .execute();
}
