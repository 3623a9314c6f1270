// What the adapter checks as it starts, and how a failed start is told: in terms of
// the setting to fix (the token, the app-level token, the port).
import type { webApi } from '@slack/bolt';
import { toPlatformError } from './errors';

/** The bot's identity in a single-workspace install. */
export interface BotIdentity {
  userId: string;
  id?: string;
  team?: string;
}

/** Asks Slack who SLACK_BOT_TOKEN is; a refusal says what to fix. */
export async function whoAmI(client: webApi.WebClient, token: string): Promise<BotIdentity> {
  try {
    const res = (await client.auth.test({ token })) as { user_id?: string; bot_id?: string; team_id?: string };
    if (!res.user_id) throw new Error('auth.test returned no user id');
    return { userId: res.user_id, id: res.bot_id, team: res.team_id };
  } catch (err) {
    const e = toPlatformError(err, 'auth.test');
    if (e.code === 'request_failed' || e.code.startsWith('http_')) {
      throw new Error(
        `Could not reach Slack to check SLACK_BOT_TOKEN (${e.message}). Check the network, or SLACK_API_URL if you set it, and restart.`,
      );
    }
    throw new Error(
      `Slack did not accept SLACK_BOT_TOKEN (${e.code}): copy the Bot User OAuth Token from your app's OAuth & Permissions page and restart. ${e.message}`,
    );
  }
}

/** Why the receiver could not start, in terms of the setting to fix. */
export function startError(err: unknown, mode: 'socket' | 'http', port: number): Error {
  const code = (err as { code?: string; data?: { error?: string } }).data?.error ?? (err as { code?: string }).code;
  if (mode === 'socket') {
    return new Error(
      code === 'invalid_auth' || code === 'not_authed'
        ? `Slack did not accept SLACK_APP_TOKEN (${code}): create an app-level token with the connections:write scope (Basic Information > App-Level Tokens) and restart.`
        : `Slack Socket Mode did not connect (${code ?? (err as Error).message}). Check that Socket Mode is enabled for the app and SLACK_APP_TOKEN is its app-level token.`,
      { cause: err },
    );
  }
  if (code === 'EADDRINUSE') {
    return new Error(`Port ${port} is already in use: set PORT to a free port, or stop whatever listens there.`, {
      cause: err,
    });
  }
  if (code === 'EACCES')
    return new Error(`Port ${port} needs privileges: use a port above 1023 (PORT).`, { cause: err });
  return new Error(`The Slack HTTP receiver did not start on port ${port}: ${(err as Error).message}`, { cause: err });
}
