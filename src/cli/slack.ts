// `starling slack manifest`: the Slack app manifest, generated from the command
// registry and the scopes and events the Slack adapter uses. Paste it into
// api.slack.com/apps > Create New App > From a manifest.
import { buildManifest } from '../../adapters/slack/manifest';
import { practiceRegistry } from '../practice/commands';
import { type Cli, CliError } from './errors';

const usage = `Usage: starling slack manifest [--url <https://your.host>] [--oauth] [--name <app name>] [--reactions]

  manifest          print the app manifest as JSON (Socket Mode unless --url is given)
  --url <base>      HTTP mode: Slack sends events, commands and clicks to <base>/slack/events
  --oauth           also list <base>/slack/oauth_redirect for installs into many workspaces (needs --url)
  --name <name>     the app and bot name shown in Slack (default Starling)
  --reactions       also subscribe to reaction events (no feature reads them yet)

Example: npx starling slack manifest > manifest.json`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) throw new CliError(`${name} needs a value.\n\n${usage}`);
  return value;
}

export const cli: Cli = {
  summary: 'Slack helpers: print the app manifest',
  usage,
  async run(args) {
    const [sub, ...rest] = args;
    if (sub !== 'manifest') {
      throw new CliError(sub ? `unknown subcommand "${sub}".\n\n${usage}` : usage, 2);
    }
    const known = new Set(['--url', '--oauth', '--name', '--reactions']);
    const unknown = rest.filter((a, i) => a.startsWith('--') && !known.has(a) && rest[i - 1] !== '--name');
    if (unknown.length) throw new CliError(`unknown option ${unknown.join(', ')}.\n\n${usage}`, 2);
    const url = flag(rest, '--url');
    const name = flag(rest, '--name');
    const oauth = rest.includes('--oauth');
    const reactions = rest.includes('--reactions');
    if (url && !/^https:\/\/[^\s/]+/.test(url)) {
      throw new CliError(
        `--url must be the public https address of the bot, such as https://starling.example.com (got "${url}").`,
      );
    }
    if (oauth && !url)
      throw new CliError('--oauth needs --url: the install flow runs over HTTP at <url>/slack/oauth_redirect.');
    if (name !== undefined && (name.trim() === '' || name.length > 35)) {
      throw new CliError('--name must be 1 to 35 characters (Slack limits app names).');
    }
    const registry = practiceRegistry();
    const manifest = buildManifest({
      commands: registry.list(),
      messageActions: registry.messageActions(),
      name,
      publicUrl: url,
      oauth,
      reactions,
    });
    process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
    return 0;
  },
};
