// Installations from Slack's OAuth flow, kept in our own database so every replica
// sees them and a restart loses nothing. One row per workspace (or per Enterprise
// Grid organisation for an org-wide install); the full installation is kept as JSON.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';

/** The row key: the organisation for an org-wide install, else the workspace. */
function keyOf(q: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string | undefined {
  if (q.isEnterpriseInstall && q.enterpriseId) return `E:${q.enterpriseId}`;
  return q.teamId ? `T:${q.teamId}` : undefined;
}

export class DatabaseInstallationStore implements InstallationStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  async storeInstallation(installation: Installation<'v1' | 'v2', boolean>): Promise<void> {
    const id = keyOf({
      isEnterpriseInstall: installation.isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    if (!id) throw new Error('Slack sent an installation with neither a workspace nor an organisation id');
    if (!installation.bot?.token) {
      throw new Error('Slack sent an installation without a bot token: add bot scopes to the app and install again');
    }
    const row = {
      id,
      team_id: installation.team?.id ?? null,
      enterprise_id: installation.enterprise?.id ?? null,
      bot_token: installation.bot.token,
      bot_user_id: installation.bot.userId ?? null,
      data: JSON.stringify(installation),
      installed_at: this.now(),
    };
    await this.db
      .insertInto('slack_installations')
      .values(row)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          team_id: row.team_id,
          enterprise_id: row.enterprise_id,
          bot_token: row.bot_token,
          bot_user_id: row.bot_user_id,
          data: row.data,
          installed_at: row.installed_at,
        }),
      )
      .execute();
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const found = await this.find(query);
    if (!found) {
      const who = query.isEnterpriseInstall ? `organisation ${query.enterpriseId}` : `workspace ${query.teamId}`;
      throw new Error(`Starling is not installed in ${who}: install it through /slack/install`);
    }
    return found;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const ids = [keyOf(query), query.enterpriseId ? `E:${query.enterpriseId}` : undefined].filter((v): v is string =>
      Boolean(v),
    );
    if (ids.length) await this.db.deleteFrom('slack_installations').where('id', 'in', ids).execute();
  }

  /** The installation serving a workspace: its own, or its organisation's org-wide one. */
  async find(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean> | undefined> {
    const ids = [keyOf(query), query.enterpriseId ? `E:${query.enterpriseId}` : undefined].filter((v): v is string =>
      Boolean(v),
    );
    if (!ids.length) return undefined;
    const rows = await this.db.selectFrom('slack_installations').selectAll().where('id', 'in', ids).execute();
    const row = rows.find((r) => r.id === ids[0]) ?? rows[0];
    return row ? (JSON.parse(row.data) as Installation<'v1' | 'v2', boolean>) : undefined;
  }

  /** The bot token for a workspace, for posts that start outside any event (schedules). */
  async botToken(teamId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('slack_installations')
      .select('bot_token')
      .where('team_id', '=', teamId)
      .orderBy('installed_at', 'desc')
      .executeTakeFirst();
    return row?.bot_token;
  }
}
