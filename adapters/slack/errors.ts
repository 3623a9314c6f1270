// Slack's Web API answers 200 with `ok:false` and an error code, or 429 with a
// Retry-After. The core only needs to know what to do about it: stop posting to a
// channel, fix a permission, wait, or give up on one user.
import { webApi } from '@slack/bolt';
import { PlatformError, type PlatformErrorKind } from '../../src/chat/errors';

const KINDS: Record<string, PlatformErrorKind> = {
  not_in_channel: 'channel_unavailable',
  channel_not_found: 'channel_unavailable',
  is_archived: 'channel_unavailable',
  channel_is_archived: 'channel_unavailable',
  message_not_found: 'channel_unavailable',
  thread_not_found: 'channel_unavailable',
  team_not_found: 'channel_unavailable',
  missing_scope: 'no_permission',
  not_allowed_token_type: 'no_permission',
  restricted_action: 'no_permission',
  restricted_action_read_only_channel: 'no_permission',
  restricted_action_thread_only_channel: 'no_permission',
  restricted_action_non_threadable_channel: 'no_permission',
  team_access_not_granted: 'no_permission',
  ekm_access_denied: 'no_permission',
  access_denied: 'no_permission',
  not_authed: 'no_permission',
  invalid_auth: 'no_permission',
  token_revoked: 'no_permission',
  token_expired: 'no_permission',
  no_permission: 'no_permission',
  // The bot's own account: a bot token gets it once the app is uninstalled or disabled
  // (or the workspace deleted). Nothing will post until someone reinstalls the app.
  account_inactive: 'no_permission',
  user_not_found: 'user_unreachable',
  user_not_in_channel: 'user_unreachable',
  user_disabled: 'user_unreachable',
  user_not_visible: 'user_unreachable',
  cannot_dm_bot: 'user_unreachable',
  ratelimited: 'rate_limited',
  rate_limited: 'rate_limited',
};

/** What a member can do about each refusal; the router shows it with the refusal. */
const HINTS: Partial<Record<PlatformErrorKind, string>> = {
  channel_unavailable:
    'Invite me with `/invite @Starling`, then try again. If the channel was archived or deleted, use another one.',
  no_permission:
    'Ask whoever installed Starling to reinstall it with the scopes in its manifest (`npx starling slack manifest`), then try again.',
  user_unreachable: 'Their Slack account is inactive or no longer in this workspace.',
};

/** Codes whose fix is not their kind's usual one. */
const CODE_HINTS: Record<string, string> = {
  account_inactive:
    "Starling's Slack app was uninstalled or disabled in this workspace, so its bot account is inactive. Ask a workspace admin to reinstall it (**Install App** in the app's settings at api.slack.com/apps, then put the new bot token in SLACK_BOT_TOKEN; or /slack/install when Starling serves many workspaces), then try again.",
};

export function platformKind(code: string): PlatformErrorKind {
  return KINDS[code] ?? 'other';
}

/** Turns whatever the WebClient threw into a PlatformError (already mapped errors pass through). */
export function toPlatformError(err: unknown, method: string, where?: string): PlatformError {
  if (err instanceof PlatformError) return err;
  const at = where ? ` in ${where}` : '';
  if (err instanceof webApi.WebAPIRateLimitedError) {
    return new PlatformError(
      'rate_limited',
      'ratelimited',
      `Slack rate-limited ${method}${at}: retry after ${err.retryAfter} s`,
      err.retryAfter * 1000,
    );
  }
  const coded = err as { code?: string; data?: { error?: string }; statusCode?: number; message?: string };
  if (coded?.code === webApi.ErrorCode.PlatformError && typeof coded.data?.error === 'string') {
    const code = coded.data.error;
    const kind = platformKind(code);
    const hint = CODE_HINTS[code] ?? HINTS[kind];
    return new PlatformError(
      kind,
      code,
      `Slack refused ${method}${at}: ${code}${hint ? `. ${hint}` : ''}`,
      undefined,
      hint,
    );
  }
  if (coded?.code === webApi.ErrorCode.HTTPError) {
    return new PlatformError(
      'other',
      `http_${coded.statusCode ?? 'error'}`,
      `Slack answered ${method}${at} with HTTP ${coded.statusCode}`,
    );
  }
  const why = err instanceof Error ? err.message : String(err);
  return new PlatformError('other', 'request_failed', `Could not reach Slack for ${method}${at}: ${why}`);
}
