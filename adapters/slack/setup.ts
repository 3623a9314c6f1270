// Builds the Bolt app for the configured mode: Socket Mode when an app token is set
// (no public URL), else the HTTP receiver on /slack/events; one workspace by bot
// token, or many through Slack's OAuth install flow with installations in our DB.

import type { ServerResponse } from 'node:http';
import {
  App,
  type Logger as BoltLogger,
  HTTPModuleFunctions,
  HTTPReceiver,
  LogLevel,
  type ReceiverProcessEventErrorHandlerArgs,
  SocketModeReceiver,
  type SocketModeReceiverProcessEventErrorHandlerArgs,
  webApi,
} from '@slack/bolt';
import type { Logger } from 'pino';
import type { Config } from '../../src/config';
import { admit } from './edge';
import type { DatabaseInstallationStore } from './installations';
import { BOT_SCOPES } from './manifest';
import type { RetryOptions } from './retry';

/** Bolt's logger interface over our pino logger, so its lines land in the same log. */
function boltLogger(log: Logger): BoltLogger {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...parts: unknown[]) => {
      const err = parts.find((p) => p instanceof Error);
      const text = parts
        .filter((p) => !(p instanceof Error))
        .map((p) => (typeof p === 'string' ? p : JSON.stringify(p)))
        .join(' ');
      if (err) log[level]({ err, source: 'bolt' }, text || (err as Error).message);
      else log[level]({ source: 'bolt' }, text);
    };
  const levelOf = (): LogLevel => {
    const l = log.level;
    if (l === 'debug' || l === 'trace') return LogLevel.DEBUG;
    if (l === 'info') return LogLevel.INFO;
    if (l === 'warn') return LogLevel.WARN;
    return LogLevel.ERROR;
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {},
    getLevel: levelOf,
    setName: () => {},
  };
}

/**
 * The WebClients calls are made with: one that retries by `retryConfig` (idempotent
 * calls) and one that never retries by itself (posts; SlackApi decides, see Resend).
 */
export function webClients(options: Pick<BoltSetupOptions, 'config' | 'logger' | 'retryConfig' | 'requestTimeoutMs'>): {
  retrying: webApi.WebClient;
  once: webApi.WebClient;
} {
  const client = (retryConfig: RetryOptions) =>
    new webApi.WebClient(undefined, clientOptions({ ...options, retryConfig }));
  return { retrying: client(options.retryConfig), once: client({ retries: 0 }) };
}

export interface BoltSetupOptions {
  config: Config;
  logger: Logger;
  installations?: DatabaseInstallationStore;
  retryConfig: RetryOptions;
  port: number;
  /** Bot identity from auth.test (single workspace), so Bolt need not ask again. */
  bot?: { userId: string; id?: string };
  /** How long an HTTP request may wait for ack() before Slack is answered 404. */
  ackTimeoutMs?: number;
  /** Milliseconds before a Web API call gives up. */
  requestTimeoutMs?: number;
}

export interface BoltSetup {
  app: App;
  mode: 'socket' | 'http';
  receiver: HTTPReceiver | SocketModeReceiver;
  client: webApi.WebClient;
}

function slackApiUrl(config: Config): string | undefined {
  const url = config.SLACK_API_URL;
  if (!url) return undefined;
  return url.endsWith('/') ? url : `${url}/`;
}

function clientOptions(
  options: Pick<BoltSetupOptions, 'config' | 'logger' | 'retryConfig' | 'requestTimeoutMs'>,
): webApi.WebClientOptions {
  const url = slackApiUrl(options.config);
  return {
    ...(url ? { slackApiUrl: url } : {}),
    // Socket Mode fills in 100 retries on this shared object when it is missing.
    retryConfig: options.retryConfig,
    rejectRateLimitedCalls: true,
    timeout: options.requestTimeoutMs ?? 15_000,
    logger: boltLogger(options.logger),
  };
}

/** Slack's OAuth install flow, when the app is set up for many workspaces. */
function oauthOptions(config: Config, installations: DatabaseInstallationStore | undefined) {
  return config.SLACK_CLIENT_ID && config.SLACK_CLIENT_SECRET && config.SLACK_STATE_SECRET && installations
    ? {
        clientId: config.SLACK_CLIENT_ID,
        clientSecret: config.SLACK_CLIENT_SECRET,
        stateSecret: config.SLACK_STATE_SECRET,
        installationStore: installations,
        scopes: [...BOT_SCOPES],
      }
    : undefined;
}

/** The install pages: what the person who installed the app sees when it worked, or did not. */
function installerOptions(client: webApi.WebClientOptions, port: number, logger: Logger) {
  return {
    clientOptions: client,
    port,
    directInstall: false,
    callbackOptions: {
      success: (_i: unknown, _o: unknown, _req: unknown, res: ServerResponse) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(
          page(
            'Starling is installed',
            'Invite it to a channel with <code>/invite @Starling</code>, then run <code>/prep help</code> there.',
          ),
        );
      },
      failure: (err: { code?: string; message?: string }, _o: unknown, _req: unknown, res: ServerResponse) => {
        logger.warn({ err }, 'Slack install failed');
        res.writeHead(400, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(
          page(
            'The install did not finish',
            `Slack said: ${escapeHtml(err.message ?? err.code ?? 'unknown error')}. Start again from /slack/install.`,
          ),
        );
      },
    },
  };
}

type ReceiverParts = {
  log: BoltLogger;
  oauth: ReturnType<typeof oauthOptions>;
  installer: ReturnType<typeof installerOptions>;
};

function socketReceiver(options: BoltSetupOptions, appToken: string, parts: ReceiverParts): SocketModeReceiver {
  const { logger } = options;
  return new SocketModeReceiver({
    appToken,
    logger: parts.log,
    ...(parts.oauth ?? {}),
    installerOptions: parts.installer,
    processEventErrorHandler: async (args: SocketModeReceiverProcessEventErrorHandlerArgs) => {
      logger.error({ err: args.error }, 'Slack event processing failed');
      // acknowledged all the same: a request that failed once fails again when Slack retries
      return true;
    },
  });
}

function httpReceiver(options: BoltSetupOptions, parts: ReceiverParts): HTTPReceiver {
  const { config, logger } = options;
  if (!config.SLACK_SIGNING_SECRET) {
    throw new Error('Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  return new HTTPReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET,
    endpoints: '/slack/events',
    port: options.port,
    logger: parts.log,
    processBeforeResponse: false,
    ...(parts.oauth ?? {}),
    installerOptions: parts.installer,
    unhandledRequestTimeoutMillis: options.ackTimeoutMs ?? 2500,
    // For load balancers and uptime checks; says nothing about Slack itself.
    customRoutes: [
      {
        path: '/healthz',
        method: ['GET'],
        handler: (_req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.end('ok');
        },
      },
    ],
    processEventErrorHandler: async (args: ReceiverProcessEventErrorHandlerArgs) => {
      // an unknown workspace (OAuth) is answered 401 as Bolt does; anything else that failed
      // is logged and answered 200, never 500: Slack's retry would only fail the same way
      if ((args.error as { code?: string }).code === 'slack_bolt_authorization_error') {
        return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
      }
      logger.error({ err: args.error }, 'Slack event processing failed');
      if (!args.response.headersSent) {
        args.response.writeHead(200);
        args.response.end();
      }
      return false;
    },
  });
}

/**
 * Bolt never acknowledges a payload no listener claims, and a listener trusts the shape of
 * what it reads: every request is checked at the door (edge.ts) before Bolt sees it.
 */
function guarded(app: App, logger: Logger): App {
  const door = Object.create(app) as App;
  door.processEvent = async (event) => {
    const verdict = admit(event.body);
    if (verdict.pass) return app.processEvent(event);
    if (verdict.problem)
      logger.warn(
        { kind: verdict.kind, problem: verdict.problem },
        'dropped a Slack request that does not fit its kind',
      );
    else logger.debug({ kind: verdict.kind }, 'acknowledged a Slack request Starling does not serve');
    await event.ack(verdict.response as never);
  };
  return door;
}

export function createBolt(options: BoltSetupOptions): BoltSetup {
  const { config, logger } = options;
  const log = boltLogger(logger);
  const client = clientOptions(options);
  const oauth = oauthOptions(config, options.installations);
  const parts = { log, oauth, installer: installerOptions(client, options.port, logger) };
  const mode: BoltSetup['mode'] = config.SLACK_APP_TOKEN ? 'socket' : 'http';
  const receiver = config.SLACK_APP_TOKEN
    ? socketReceiver(options, config.SLACK_APP_TOKEN, parts)
    : httpReceiver(options, parts);
  const app = new App({
    receiver,
    logger: log,
    clientOptions: client,
    convoStore: false,
    ...(oauth
      ? {}
      : {
          token: config.SLACK_BOT_TOKEN,
          ...(options.bot ? { botUserId: options.bot.userId, botId: options.bot.id } : {}),
        }),
  });
  app.error(async (err) => {
    logger.error({ err }, 'Slack listener failed');
  });
  receiver.init(guarded(app, logger));
  return { app, mode, receiver, client: app.client };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif;max-width:36em;margin:4em auto"><h1>${title}</h1><p>${body}</p></body></html>`;
}
