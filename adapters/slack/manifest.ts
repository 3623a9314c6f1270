// The Slack app manifest, generated from what the adapter actually uses: each scope,
// event and setting below is there because a line of this adapter needs it.
import type { CommandDef, MessageActionDef } from '../../src/chat/registry';

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

/** The events the bot subscribes to, with the scope each subscription needs. */
export const EVENT_SCOPES: Record<string, readonly string[]> = {
  // Answers are thread replies in public and private channels.
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
  // A mock interview is a conversation in the member's direct messages with the bot; a guide
  // page shared there is downloaded from Slack's file store (adapters/slack/guide-file.ts).
  'message.im': ['im:history', 'files:read'],
  app_home_opened: [],
  app_uninstalled: [],
  tokens_revoked: [],
};

/**
 * Events the adapter can map but the core does not use yet: reactions become neutral
 * `reaction` events, but no feature reads them, so the manifest leaves them out (every
 * reaction in every channel would be sent for nothing). `--reactions` adds them.
 */
export const REACTION_EVENT_SCOPES: Record<string, readonly string[]> = {
  reaction_added: ['reactions:read'],
  reaction_removed: ['reactions:read'],
};

function events(reactions = false): Record<string, readonly string[]> {
  return reactions ? { ...EVENT_SCOPES, ...REACTION_EVENT_SCOPES } : EVENT_SCOPES;
}

export function botEvents(reactions = false): string[] {
  return Object.keys(events(reactions));
}

/** `commands` for /prep, plus whatever the calls and events above need. */
export function botScopes(reactions = false): string[] {
  return [
    ...new Set(['commands', ...Object.values(METHOD_SCOPES).flat(), ...Object.values(events(reactions)).flat()]),
  ].sort();
}

export const BOT_SCOPES = botScopes();

export const SLASH_COMMAND = '/prep';

export interface ManifestOptions {
  commands: readonly CommandDef<any, any>[];
  /** Offered in every message's More actions menu, as message shortcuts. */
  messageActions?: readonly MessageActionDef<any>[];
  name?: string;
  /** HTTP mode: the public base URL (https://bot.example.com); omitted means Socket Mode. */
  publicUrl?: string;
  /** Include the OAuth redirect URL for multi-workspace installs (HTTP mode). */
  oauth?: boolean;
  /** Subscribe to reaction events (for a feature that reads them). */
  reactions?: boolean;
}

/** Slack shows the hint beside the command as people type; it cuts long ones. */
function usageHint(commands: ManifestOptions['commands']): string {
  const names = commands.map((c) => c.name);
  let hint = names.join(' | ');
  while (hint.length > 150 && names.length > 1) {
    names.pop();
    hint = `${names.join(' | ')} | …`;
  }
  return hint;
}

/** A message action as a message shortcut: Slack caps the description at 80 characters. */
function shortcut(action: MessageActionDef<any>) {
  const description = action.description.length <= 80 ? action.description : `${action.description.slice(0, 79)}…`;
  return { name: action.label, type: 'message', callback_id: action.name, description };
}

export function buildManifest(options: ManifestOptions): Record<string, unknown> {
  const name = (options.name ?? 'Starling').slice(0, 35);
  const base = options.publicUrl?.replace(/\/+$/, '');
  const events = base ? `${base}/slack/events` : undefined;
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
      // the Messages tab is where a mock interview happens (`/prep mock`)
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: name, always_online: true },
      slash_commands: [
        {
          command: SLASH_COMMAND,
          ...(events ? { url: events } : {}),
          description: 'Interview practice: questions, employer tips, schedules, your progress',
          usage_hint: usageHint(options.commands),
          should_escape: true,
        },
      ],
      ...(options.messageActions?.length ? { shortcuts: options.messageActions.map(shortcut) } : {}),
    },
    oauth_config: {
      ...(base && options.oauth ? { redirect_urls: [`${base}/slack/oauth_redirect`] } : {}),
      scopes: { bot: botScopes(options.reactions) },
    },
    settings: {
      event_subscriptions: { ...(events ? { request_url: events } : {}), bot_events: botEvents(options.reactions) },
      // the options URL serves typeahead in modal selects (block_suggestion)
      interactivity: {
        is_enabled: true,
        ...(events ? { request_url: events, message_menu_options_url: events } : {}),
      },
      org_deploy_enabled: false,
      socket_mode_enabled: !base,
      token_rotation_enabled: false,
    },
  };
}
