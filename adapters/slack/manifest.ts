// The Slack app manifest, generated from what the adapter actually uses: each scope,
// event and setting below is there because a line of this adapter needs it.
import type { CommandDef } from '../../src/chat/registry';

/**
 * Every Web API method the adapter calls, with the bot scope Slack requires for it
 * (empty: none needed). test/slack/manifest.test.ts checks this list against the
 * adapter's source, so a new call without its scope fails the build.
 */
export const METHOD_SCOPES: Record<string, readonly string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'reactions.add': ['reactions:write'],
  'reactions.remove': ['reactions:write'],
  'users.info': ['users:read'],
  'conversations.open': ['im:write'],
  // Looking for an already posted occurrence, in public and private channels.
  'conversations.history': ['channels:history', 'groups:history'],
  'conversations.replies': ['channels:history', 'groups:history'],
  'views.open': [],
  'views.publish': [],
  'files.uploadV2': ['files:write'],
};

/** The events the adapter listens to, with the scope each subscription needs. */
export const EVENT_SCOPES: Record<string, readonly string[]> = {
  // Answers are thread replies in public and private channels.
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
  reaction_added: ['reactions:read'],
  reaction_removed: ['reactions:read'],
  app_home_opened: [],
  app_uninstalled: [],
  tokens_revoked: [],
};

export const BOT_EVENTS = Object.keys(EVENT_SCOPES);

/** `commands` for /prep, plus whatever the calls and events above need. */
export const BOT_SCOPES: string[] = [
  ...new Set(['commands', ...Object.values(METHOD_SCOPES).flat(), ...Object.values(EVENT_SCOPES).flat()]),
].sort();

export const SLASH_COMMAND = '/prep';

export interface ManifestOptions {
  commands: readonly CommandDef<any, any>[];
  name?: string;
  /** HTTP mode: the public base URL (https://bot.example.com); omitted means Socket Mode. */
  publicUrl?: string;
  /** Include the OAuth redirect URL for multi-workspace installs (HTTP mode). */
  oauth?: boolean;
}

function usageHint(commands: ManifestOptions['commands']): string {
  const names = commands.map((c) => c.name);
  const hint = `${names.join(' | ')}`;
  return hint.length <= 100 ? hint : `${names.slice(0, 6).join(' | ')} | …`;
}

export function buildManifest(options: ManifestOptions): Record<string, unknown> {
  const name = (options.name ?? 'Starling').slice(0, 35);
  const base = options.publicUrl?.replace(/\/+$/, '');
  const events = base ? `${base}/slack/events` : undefined;
  const helpLine = options.commands.find((c) => c.name === 'help')?.description;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: 'A daily interview question, STAR feedback on your answers, and employer tips.',
      long_description:
        "Starling turns a channel into an interview study group. Every day it posts one interview question from employer guides; members answer in the thread and get private feedback on the structure of their answer (Situation, Task, Action, Result). Over the weeks it keeps a summary of how each member is improving, shown on the app Home tab. Anyone can look up an employer's interview tips with /prep tips.",
      background_color: '#1f3a5f',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: false, messages_tab_read_only_enabled: false },
      bot_user: { display_name: name, always_online: true },
      slash_commands: [
        {
          command: SLASH_COMMAND,
          ...(events ? { url: events } : {}),
          description: (helpLine ?? 'Interview practice: questions, tips, schedules and your progress').slice(0, 100),
          usage_hint: usageHint(options.commands),
          should_escape: true,
        },
      ],
    },
    oauth_config: {
      ...(base && options.oauth ? { redirect_urls: [`${base}/slack/oauth_redirect`] } : {}),
      scopes: { bot: BOT_SCOPES },
    },
    settings: {
      event_subscriptions: { ...(events ? { request_url: events } : {}), bot_events: BOT_EVENTS },
      interactivity: { is_enabled: true, ...(events ? { request_url: events } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !base,
      token_rotation_enabled: false,
    },
  };
}
