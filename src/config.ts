// Configuration is read once, from the environment (and .env, loaded by the entry
// point), by one zod schema. Every problem is listed in one message with its fix.
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseDatabaseUrl } from './db/url';
import { fromDotenv } from './env';
import { editDistance } from './text/edit-distance';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const url = (name: string) =>
  optional.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
    message: `${name} must be an http(s) URL such as https://slack.com/api/`,
  });

const positiveInt = (name: string, fallback: number) =>
  optional
    .refine((v) => v === undefined || /^\d+$/.test(v), { message: `${name} must be a whole number` })
    .transform((v) => (v === undefined ? fallback : Number(v)));

// a bot token: the application id in base64, a timestamp and an HMAC, joined by dots
const DISCORD_TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{16,}$/;

const schema = z.object({
  DATABASE_URL: optional.superRefine((v, ctx) => {
    try {
      parseDatabaseUrl(v);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  }),
  CONTENT_DIR: optional
    .superRefine((v, ctx) => {
      if (v === undefined || existsSync(contentDir(v))) return;
      ctx.addIssue({
        code: 'custom',
        message: `CONTENT_DIR is ${v}, a folder that does not exist (${contentDir(v)}); create it with a guides/ folder inside, correct the path, or remove CONTENT_DIR to use the guides that ship with Starling`,
      });
    })
    .transform((v) => v ?? 'content'),
  LOG_LEVEL: optional
    .transform((v) => v?.toLowerCase() ?? 'info')
    .pipe(
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      }),
    ),
  LOG_FORMAT: optional
    .transform((v) => v?.toLowerCase() ?? 'auto')
    .pipe(z.enum(['auto', 'pretty', 'json'], { message: 'LOG_FORMAT must be auto, pretty or json' })),
  PORT: positiveInt('PORT', 3000).refine((v) => v < 65536, { message: 'PORT must be below 65536' }),

  SLACK_BOT_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'SLACK_BOT_TOKEN must be a bot token starting with xoxb- (OAuth & Permissions page)',
  }),
  SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic Information > App-Level Tokens)',
  }),
  SLACK_SIGNING_SECRET: optional,
  SLACK_CLIENT_ID: optional,
  SLACK_CLIENT_SECRET: optional,
  SLACK_STATE_SECRET: optional,
  SLACK_API_URL: url('SLACK_API_URL'),

  // pasted as "Bot MTk4..." (as the Authorization header writes it): the token is what follows
  DISCORD_TOKEN: optional
    .transform((v) => v?.replace(/^(?:Bot|Bearer)\s+/i, ''))
    .refine((v) => v === undefined || DISCORD_TOKEN_SHAPE.test(v), {
      message:
        'DISCORD_TOKEN does not look like a bot token (three parts joined by dots, such as MTk4...Gx1.abc...); copy it again from Developer Portal > your application > Bot > Reset Token',
    }),
  DISCORD_APPLICATION_ID: optional.refine((v) => v === undefined || /^\d{17,20}$/.test(v), {
    message: 'DISCORD_APPLICATION_ID must be the numeric application id (Developer Portal > General Information)',
  }),
  DISCORD_GUILD_ID: optional.refine((v) => v === undefined || /^\d{17,20}$/.test(v), {
    message: 'DISCORD_GUILD_ID must be a numeric server id (right-click the server > Copy Server ID)',
  }),
  DISCORD_API_URL: url('DISCORD_API_URL'),
  /** Only for `starling discord shards`: how many shards to run (default: Discord's recommendation). */
  DISCORD_SHARD_COUNT: optional.refine((v) => v === undefined || /^[1-9]\d*$/.test(v), {
    message: 'DISCORD_SHARD_COUNT must be a whole number of shards such as 4',
  }),

  // how long an answer's feedback waits for more quick replies (0 answers every reply at once)
  FEEDBACK_QUIET_SECONDS: positiveInt('FEEDBACK_QUIET_SECONDS', 4).refine((v) => v <= 300, {
    message: 'FEEDBACK_QUIET_SECONDS must be at most 300 (five minutes); the default is 4',
  }),
  CATCHUP_WINDOW_MINUTES: positiveInt('CATCHUP_WINDOW_MINUTES', 360).refine((v) => v >= 1, {
    message: 'CATCHUP_WINDOW_MINUTES must be at least 1 (0 would skip every scheduled question); the default is 360',
  }),
  CONSOLE_USER: optional.transform((v) => v ?? 'you'),

  // the optional AI coach: any OpenAI-compatible chat-completions endpoint
  LLM_BASE_URL: optional.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
    message:
      'LLM_BASE_URL must be the http(s) address of an OpenAI-compatible API, such as http://127.0.0.1:8080/v1 (llama.cpp server) or http://127.0.0.1:11434/v1 (Ollama)',
  }),
  LLM_MODEL: optional,
  LLM_API_KEY: optional,
  LLM_TIMEOUT_MS: positiveInt('LLM_TIMEOUT_MS', 8000).refine((v) => v >= 500 && v <= 120_000, {
    message: 'LLM_TIMEOUT_MS must be between 500 and 120000 milliseconds; the default is 8000',
  }),
  LLM_REQUESTS_PER_MINUTE: positiveInt('LLM_REQUESTS_PER_MINUTE', 20).refine((v) => v >= 1, {
    message: 'LLM_REQUESTS_PER_MINUTE must be at least 1 (turn the coach off per channel instead); the default is 20',
  }),
  LLM_DAILY_REQUESTS: positiveInt('LLM_DAILY_REQUESTS', 500).refine((v) => v >= 1, {
    message: 'LLM_DAILY_REQUESTS must be at least 1 (turn the coach off per channel instead); the default is 500',
  }),
});

/** The AI coach's settings belong together: an address needs a model, and the reverse. */
function llmCheck(v: (k: string) => string | undefined): string[] {
  if (v('LLM_BASE_URL') && !v('LLM_MODEL')) {
    return ['LLM_BASE_URL is set but LLM_MODEL is not: name the model the server runs (e.g. LLM_MODEL=llama3.1:8b)'];
  }
  if (!v('LLM_BASE_URL') && (v('LLM_MODEL') || v('LLM_API_KEY'))) {
    return ['LLM_MODEL or LLM_API_KEY is set but LLM_BASE_URL is not: give the address of the chat-completions API'];
  }
  return [];
}

/** Rules across settings. Checked on the raw values so they are reported together with field errors. */
function crossCheck(env: Record<string, string | undefined>): string[] {
  const v = (k: string) => (env[k]?.trim() ? env[k]?.trim() : undefined);
  const llm = llmCheck(v);
  const oauth = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'].map(v);
  const slackAny = [
    'SLACK_BOT_TOKEN',
    'SLACK_APP_TOKEN',
    'SLACK_SIGNING_SECRET',
    'SLACK_CLIENT_ID',
    'SLACK_CLIENT_SECRET',
    'SLACK_STATE_SECRET',
  ].some(v);
  if (!slackAny) return llm;
  const problems: string[] = [...llm];
  const allOauth = oauth.every(Boolean);
  if (oauth.some(Boolean) && !allOauth) {
    problems.push(
      'multi-workspace install needs all three of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET',
    );
  }
  if (!v('SLACK_BOT_TOKEN') && !allOauth) {
    problems.push(
      'Slack needs SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID/SECRET/STATE_SECRET (many workspaces)',
    );
  }
  if (!v('SLACK_APP_TOKEN') && !v('SLACK_SIGNING_SECRET')) {
    problems.push('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)');
  }
  if (allOauth && !v('SLACK_SIGNING_SECRET')) {
    problems.push(
      'the OAuth install flow runs over HTTP and needs SLACK_SIGNING_SECRET (Basic Information > Signing Secret)',
    );
  }
  return problems;
}

/** Settings Starling reads outside the schema (tests, shards, colour). */
const OTHER_SETTINGS = ['TEST_DATABASE_URL', 'NO_COLOR'];
const KNOWN = new Set([...Object.keys(schema.shape), ...OTHER_SETTINGS]);

/**
 * Names that are one slip away from a setting ("DATABSE_URL", "LOG_LEVL"), with the likely
 * one. In .env, which holds Starling's settings only, such a slip is refused; in the
 * environment, which holds everyone's variables, it is only warned about. PORT is too short
 * to match loosely (PORTS, PORT0 and SPORT are other programs' names).
 */
function misspelt(env: Record<string, string | undefined>, fromFile: ReadonlySet<string>) {
  const refuse: string[] = [];
  const warn: string[] = [];
  for (const name of Object.keys(env)) {
    if (KNOWN.has(name) || !/^[A-Z][A-Z0-9_]{3,}$/.test(name)) continue;
    // lengths far apart are never one slip away: skip the table for them
    const likely = [...KNOWN].find(
      (k) =>
        k.length >= 6 && Math.abs(k.length - name.length) <= 2 && editDistance(name, k) <= (k.length >= 10 ? 2 : 1),
    );
    if (!likely) continue;
    if (fromFile.has(name))
      refuse.push(`${name} in .env is not a Starling setting: did you mean ${likely}? Rename it, or remove it`);
    else warn.push(`${name} is set but is not a Starling setting; if you meant ${likely}, rename it`);
  }
  return { refuse, warn };
}

export type Config = z.output<typeof schema> & {
  slackEnabled: boolean;
  discordEnabled: boolean;
  /** LLM_BASE_URL and LLM_MODEL are set: channels may turn the AI coach on. */
  aiEnabled: boolean;
  /** Settings problems that do not stop Starling (a variable that looks like a slip). */
  warnings: string[];
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(
      `Starling cannot start: ${problems.length === 1 ? 'one setting is' : `${problems.length} settings are`} wrong.\n${problems
        .map((p) => `  - ${p}`)
        .join('\n')}\nFix them in your environment or .env file (.env.example documents every setting).`,
    );
  }
}

/** Parses the environment; throws ConfigError listing every problem. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  fromFile: ReadonlySet<string> = env === process.env ? fromDotenv : new Set(),
): Config {
  const result = schema.safeParse(env);
  const problems = result.success
    ? []
    : result.error.issues.map((i) => {
        const key = i.path[0] ? String(i.path[0]) : 'settings';
        return i.message.includes(key) ? i.message : `${key}: ${i.message}`;
      });
  const slips = misspelt(env, fromFile);
  problems.push(...crossCheck(env), ...slips.refuse);
  if (!result.success || problems.length) throw new ConfigError(problems);
  const c = result.data;
  return {
    ...c,
    slackEnabled: Boolean(c.SLACK_BOT_TOKEN || c.SLACK_CLIENT_ID),
    discordEnabled: Boolean(c.DISCORD_TOKEN),
    aiEnabled: Boolean(c.LLM_BASE_URL && c.LLM_MODEL),
    warnings: slips.warn,
  };
}

/** The project folder, so the shipped guides are found from any working directory. */
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** CONTENT_DIR as given (relative to the working directory), or the shipped content/. */
export function contentDir(configured: string | undefined): string {
  if (!configured || configured === 'content') return join(PROJECT_ROOT, 'content');
  return isAbsolute(configured) ? configured : resolve(configured);
}
