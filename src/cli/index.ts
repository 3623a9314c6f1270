// The admin command line: `starling <command>`. Each command lives in its own file
// and is loaded only when asked for, so `starling star` does not open a database.
import { readFileSync } from 'node:fs';
import { ConfigError } from '../config';
import { DatabaseError } from '../db/connection';
import { loadDotenv } from '../env';
import { subcommandUsage } from './args';
import { type Cli, CliError } from './errors';

const commands: Record<string, { summary: string; load: () => Promise<Cli> }> = {
  start: {
    summary: 'run the bot (the terminal study group when no platform tokens are set)',
    load: async () => (await import('./start')).cli,
  },
  guide: {
    summary: 'parse, import, list and validate employer interview guides',
    load: async () => (await import('./guide')).cli,
  },
  star: { summary: 'analyse an interview answer for STAR structure', load: async () => (await import('./star')).cli },
  db: { summary: 'database migrations, status and online backup', load: async () => (await import('./db')).cli },
  schedule: {
    summary: 'list every channel schedule with its next run',
    load: async () => (await import('./schedule')).cli,
  },
  slack: { summary: 'Slack helpers: print the app manifest', load: async () => (await import('./slack')).cli },
  discord: {
    summary: 'Discord helpers: run the bot as several shards',
    load: async () => (await import('./discord')).cli,
  },
};

/** The version in package.json, read when asked for. */
function version(): string {
  const file = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function help(): string {
  const width = Math.max(...Object.keys(commands).map((k) => k.length));
  return [
    'Usage: starling <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `starling <command> --help` for a command's options, `starling --version` for the version.",
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v' || name === 'version') {
    process.stdout.write(`starling ${version()}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 1;
  }
  const entry = commands[name];
  if (!entry) {
    process.stderr.write(`starling: unknown command "${name}".\n\n${help()}\n`);
    return 2;
  }
  try {
    // Every command reads settings the same way: the environment, then .env.
    loadDotenv();
    const cli = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      // `starling guide import --help`: that subcommand's lines; `starling guide --help`: all
      const sub = rest[0] && !rest[0].startsWith('-') ? subcommandUsage(cli.usage, name, rest[0]) : undefined;
      process.stdout.write(`${sub ?? cli.usage}\n`);
      return 0;
    }
    return await cli.run(rest);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 78;
    }
    if (err instanceof DatabaseError) {
      process.stderr.write(`starling ${name}: ${err.message}\n`);
      return 1;
    }
    if (err instanceof CliError) {
      process.stderr.write(`starling ${name}: ${err.message}\n`);
      return err.exitCode;
    }
    // Anything else (a platform refusing the token, a database that cannot be
    // opened): one line saying what failed; the stack only when debugging.
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`starling ${name}: ${message}\n`);
    if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace') {
      process.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
    } else {
      process.stderr.write('(set LOG_LEVEL=debug to see where it failed)\n');
    }
    return 1;
  }
}
