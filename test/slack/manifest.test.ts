// The app manifest asks for exactly what the adapter uses: every Web API call and
// event in the source has its scope listed, and nothing is listed that no line uses.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVED_EVENTS } from '../../adapters/slack/events';
import {
  BOT_SCOPES,
  botEvents,
  buildManifest,
  EVENT_SCOPES,
  METHOD_SCOPES,
  REACTION_EVENT_SCOPES,
} from '../../adapters/slack/manifest';
import { cli } from '../../src/cli/slack';
import { practiceRegistry } from '../../src/practice/commands';

const dir = 'adapters/slack';
const source = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n');

/** Web API methods named in the adapter's calls. */
function calledMethods(): Set<string> {
  const found = new Set<string>();
  for (const m of source.matchAll(/\.call(?:<[^>]*>)?\(\s*[\w.]+,\s*'([a-z]+\.[A-Za-z.]+)'/g)) found.add(m[1] ?? '');
  for (const m of source.matchAll(/\.(auth\.test|filesUploadV2)\(/g))
    found.add(m[1] === 'filesUploadV2' ? 'files.uploadV2' : (m[1] ?? ''));
  return found;
}

/** Events the listeners subscribe to, as manifest event names. */
function listenedEvents(): Set<string> {
  const found = new Set<string>();
  // the one event listener serves these, each a case of its switch
  const handled = [...readFileSync(join(dir, 'events.ts'), 'utf8').matchAll(/case '([a-z_]+)':/g)].map((m) => m[1]);
  expect([...handled].sort()).toEqual([...SERVED_EVENTS].sort());
  for (const name of SERVED_EVENTS) {
    if (name === 'message') {
      found.add('message.channels');
      found.add('message.groups');
      found.add('message.im');
    } else found.add(name);
  }
  return found;
}

describe('the Slack manifest', () => {
  it('lists a scope for every Web API method the adapter calls, and no method it does not call', () => {
    const called = calledMethods();
    expect(called.size).toBeGreaterThan(8);
    expect([...called].sort()).toEqual(Object.keys(METHOD_SCOPES).sort());
  });

  it('subscribes to the events the listeners handle; reactions only when asked, since no feature reads them yet', () => {
    expect([...listenedEvents()].sort()).toEqual(
      [...Object.keys(EVENT_SCOPES), ...Object.keys(REACTION_EVENT_SCOPES)].sort(),
    );
    const plain = buildManifest({ commands: [] }) as any;
    expect(plain.settings.event_subscriptions.bot_events).toEqual(Object.keys(EVENT_SCOPES));
    expect(plain.oauth_config.scopes.bot).not.toContain('reactions:read');
    const withReactions = buildManifest({ commands: [], reactions: true }) as any;
    expect(withReactions.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['reaction_added', 'reaction_removed']),
    );
    expect(withReactions.oauth_config.scopes.bot).toContain('reactions:read');
  });

  it('asks for the scopes those calls and events need, and nothing else', () => {
    const needed = new Set([
      'commands',
      ...[...calledMethods()].flatMap((m) => METHOD_SCOPES[m] ?? []),
      ...botEvents().flatMap((e) => EVENT_SCOPES[e] ?? []),
    ]);
    expect([...BOT_SCOPES].sort()).toEqual([...needed].sort());
    expect(BOT_SCOPES).not.toContain('chat:write.public');
    expect(BOT_SCOPES).not.toContain('channels:read');
  });

  it('Socket Mode by default: one /prep command from the registry, interactivity and the Home tab on, no URLs', () => {
    const commands = practiceRegistry().list();
    const m = buildManifest({ commands }) as any;
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.settings.interactivity).toEqual({ is_enabled: true });
    expect(m.features.app_home.home_tab_enabled).toBe(true);
    expect(m.features.slash_commands).toHaveLength(1);
    const prep = m.features.slash_commands[0];
    expect(prep).toMatchObject({ command: '/prep', should_escape: true });
    expect(prep.url).toBeUndefined();
    for (const c of commands.slice(0, 6)) expect(prep.usage_hint).toContain(c.name);
    expect(JSON.stringify(m)).not.toContain('request_url');
  });

  it('HTTP mode points events, the command and interactivity at /slack/events, OAuth at /slack/oauth_redirect', () => {
    const m = buildManifest({
      commands: practiceRegistry().list(),
      publicUrl: 'https://starling.example.com/',
      oauth: true,
    }) as any;
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect(m.settings.event_subscriptions.request_url).toBe('https://starling.example.com/slack/events');
    expect(m.settings.interactivity.request_url).toBe('https://starling.example.com/slack/events');
    expect(m.features.slash_commands[0].url).toBe('https://starling.example.com/slack/events');
    expect(m.oauth_config.redirect_urls).toEqual(['https://starling.example.com/slack/oauth_redirect']);
  });
});

describe('starling slack manifest', () => {
  const starling = (args: string[]) => {
    const r = spawnSync(process.execPath, ['bin/starling.js', 'slack', ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('prints the manifest as JSON', () => {
    const r = starling(['manifest', '--url', 'https://bot.example.org', '--name', 'Prep Pal']);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.out);
    expect(m.display_information.name).toBe('Prep Pal');
    expect(m.oauth_config.scopes.bot).toEqual(BOT_SCOPES);
    expect(m.settings.event_subscriptions.request_url).toBe('https://bot.example.org/slack/events');
  });

  it('explains bad options', async () => {
    await expect(cli.run(['manifest', '--oauth'])).rejects.toThrow(/--oauth needs --url/);
    await expect(cli.run(['manifest', '--url', 'http://bot.example.org'])).rejects.toThrow(/public https address/);
    await expect(cli.run(['manifest', '--name'])).rejects.toThrow(/--name needs a value/);
    await expect(cli.run(['manfest'])).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/unknown subcommand "manfest"/),
    });
  });
});
