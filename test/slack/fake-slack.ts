// A Slack that runs on 127.0.0.1: the Web API methods the adapter calls (form-encoded
// POSTs with a bearer token, answered `{ok:...}` like Slack does), response_url
// endpoints, file uploads, the OAuth code exchange, and a Socket Mode websocket.
// It records every call so tests can assert what a user would have seen.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface ApiCall {
  method: string;
  /** The bearer token the call was made with. */
  token?: string;
  args: Record<string, any>;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: any[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  token?: string;
}

export type Failure =
  | { error: string }
  | { status: 429; retryAfter: number }
  /** An HTTP error; with `afterStoring`, Slack did the work first (a 502 from a proxy on the way back). */
  | { status: number; afterStoring?: boolean };

interface Team {
  team: string;
  botUserId: string;
  botId: string;
}

export interface FakeUser {
  id: string;
  name: string;
  isAdmin?: boolean;
  isBot?: boolean;
  /** The IANA zone of the member's Slack profile. */
  tz?: string;
}

const JSON_ARGS = new Set(['blocks', 'view', 'metadata', 'attachments', 'files']);

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  /** Bodies POSTed to response_url endpoints, by id. */
  readonly responses: { id: string; body: any }[] = [];
  readonly uploads: { fileId: string; filename: string; bytes: number; data: Buffer }[] = [];
  /** Upload URLs answer 500 this many more times (a file store that is down). */
  failUploads = 0;
  readonly messages: PostedMessage[] = [];
  private readonly tokens = new Map<string, Team>();
  private readonly users = new Map<string, FakeUser>();
  private readonly failures: { method: string; failure: Failure; times: number; when?: (args: any) => boolean }[] = [];
  private readonly oauthCodes = new Map<string, { token: string; team: string; teamName: string; botUserId: string }>();
  private readonly pendingUploads = new Map<string, string>();
  private server?: Server;
  private wss?: WebSocketServer;
  private sockets = new Set<WebSocket>();
  private acks = new Map<string, (payload: unknown) => void>();
  private seq = 0;
  private clock = 1_700_000_000;
  port = 0;
  /** Added before every Web API answer, to stand in for the round trip to Slack (benchmarks). */
  latencyMs = 0;
  /** Told of every Web API call as it arrives (benchmarks time replies by it). */
  onCall?: (call: ApiCall) => void;
  /**
   * False closes every connection after its answer, so a request made while the fake
   * is stopped meets a refused connection rather than a pooled socket it closed.
   */
  keepAlive = true;

  constructor(readonly appToken = 'xapp-1-A1-fake') {}

  /** The base the WebClient is given as slackApiUrl. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  addTeam(token: string, team: string, botUserId = 'UBOT', botId = 'BBOT'): this {
    this.tokens.set(token, { team, botUserId, botId });
    return this;
  }

  addUser(user: FakeUser): this {
    this.users.set(user.id, user);
    return this;
  }

  /** An OAuth code that oauth.v2.access exchanges for a new workspace's bot token. */
  addOAuthCode(code: string, grant: { token: string; team: string; teamName: string; botUserId: string }): this {
    this.oauthCodes.set(code, grant);
    return this;
  }

  /** The next `times` calls to `method` (matching `when`) fail as given. */
  fail(method: string, failure: Failure, times = 1, when?: (args: any) => boolean): this {
    this.failures.push({ method, failure, times, when });
    return this;
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Listens on `port` (a free one when 0); start again after stop() to come back on the same port. */
  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((err) => {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(err));
      });
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/socket' });
    this.wss.on('connection', (ws) => {
      this.sockets.add(ws);
      ws.on('close', () => this.sockets.delete(ws));
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
        if (msg.envelope_id) this.acks.get(msg.envelope_id)?.(msg.payload ?? {});
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
    });
    this.server.listen(port, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss?.close();
    if (this.server) {
      this.server.closeAllConnections();
      await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    }
  }

  get socketConnections(): number {
    return this.sockets.size;
  }

  /** Sends a Socket Mode envelope and resolves with the client's ack payload. */
  async sendEnvelope(
    type: 'events_api' | 'slash_commands' | 'interactive',
    payload: unknown,
    extra: Record<string, unknown> = {},
  ): Promise<any> {
    const [ws] = this.sockets;
    if (!ws) throw new Error('no Socket Mode client is connected');
    const envelope_id = `env-${++this.seq}`;
    const acked = new Promise((resolve) => this.acks.set(envelope_id, resolve));
    ws.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== 'events_api', ...extra }));
    return acked;
  }

  private nextTs(): string {
    this.clock += 1;
    return `${this.clock}.${String(++this.seq).padStart(6, '0')}`;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!this.keepAlive) res.setHeader('Connection', 'close');
    const raw = await readBody(req);
    if (url.pathname.startsWith('/respond/')) {
      this.responses.push({ id: url.pathname.slice('/respond/'.length), body: JSON.parse(raw.toString('utf8')) });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true}');
      return;
    }
    if (url.pathname.startsWith('/upload/')) {
      const fileId = url.pathname.slice('/upload/'.length);
      if (this.failUploads > 0) {
        this.failUploads -= 1;
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('upload store unavailable');
        return;
      }
      const data = await uploadedFile(raw, req.headers['content-type']);
      this.uploads.push({ fileId, filename: this.pendingUploads.get(fileId) ?? '', bytes: data.length, data });
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(`OK - ${raw.length}`);
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404);
      res.end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const args: Record<string, any> = {};
    for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) args[k] = JSON_ARGS.has(k) ? JSON.parse(v) : v;
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : args.token;
    this.calls.push({ method, token, args });
    this.onCall?.({ method, token, args });

    const failure = this.failures.find((f) => f.method === method && f.times > 0 && (!f.when || f.when(args)));
    if (failure) {
      failure.times -= 1;
      const f = failure.failure;
      if ('error' in f) return send(res, 200, { ok: false, error: f.error });
      if (f.status === 429 && 'retryAfter' in f) {
        res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': String(f.retryAfter) });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      if ('afterStoring' in f && f.afterStoring) this.answer(method, token, args);
      res.writeHead(f.status, { 'Content-Type': 'text/plain' });
      res.end('upstream trouble');
      return;
    }
    send(res, 200, this.answer(method, token, args));
  }

  private answer(method: string, token: string | undefined, args: Record<string, any>): Record<string, unknown> {
    if (method === 'oauth.v2.access') {
      const grant = this.oauthCodes.get(String(args.code));
      if (!grant) return { ok: false, error: 'invalid_code' };
      this.oauthCodes.delete(String(args.code));
      this.addTeam(grant.token, grant.team, grant.botUserId, `B${grant.team}`);
      return {
        ok: true,
        app_id: 'A1',
        authed_user: { id: 'UINSTALLER' },
        scope: 'commands,chat:write',
        token_type: 'bot',
        access_token: grant.token,
        bot_user_id: grant.botUserId,
        team: { id: grant.team, name: grant.teamName },
        enterprise: null,
        is_enterprise_install: false,
      };
    }
    if (method === 'apps.connections.open') {
      if (token !== this.appToken) return { ok: false, error: 'invalid_auth' };
      return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
    }
    const team = token ? this.tokens.get(token) : undefined;
    if (!team) return { ok: false, error: token ? 'invalid_auth' : 'not_authed' };
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: `https://${team.team.toLowerCase()}.slack.com/`,
          team: team.team,
          user: 'starling',
          team_id: team.team,
          user_id: team.botUserId,
          bot_id: team.botId,
        };
      case 'users.info': {
        const u = this.users.get(String(args.user)) ?? { id: String(args.user), name: String(args.user).toLowerCase() };
        return {
          ok: true,
          user: {
            id: u.id,
            team_id: team.team,
            name: u.name.toLowerCase().replace(/\s+/g, '.'),
            real_name: u.name,
            is_admin: Boolean(u.isAdmin),
            is_owner: false,
            is_bot: Boolean(u.isBot),
            ...(u.tz ? { tz: u.tz } : {}),
            profile: { display_name: u.name, real_name: u.name },
          },
        };
      }
      case 'chat.postMessage': {
        const ts = this.nextTs();
        const message: PostedMessage = {
          channel: String(args.channel),
          ts,
          ...(args.thread_ts ? { thread_ts: String(args.thread_ts) } : {}),
          text: String(args.text ?? ''),
          blocks: args.blocks,
          ...(args.metadata ? { metadata: args.metadata } : {}),
          token,
        };
        this.messages.push(message);
        return {
          ok: true,
          channel: args.channel,
          ts,
          message: { type: 'message', text: args.text, user: team.botUserId, bot_id: team.botId, ts },
        };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'reactions.add':
      case 'reactions.remove':
        return { ok: true };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      case 'conversations.history':
      case 'conversations.replies': {
        const inChannel = this.messages.filter((m) => m.channel === args.channel);
        const picked =
          method === 'conversations.history'
            ? inChannel.filter((m) => !m.thread_ts)
            : inChannel.filter((m) => m.ts === args.ts || m.thread_ts === args.ts);
        const withMeta = args.include_all_metadata === 'true' || args.include_all_metadata === true;
        return {
          ok: true,
          messages: picked
            .slice()
            .reverse()
            .map((m) => ({
              type: 'message',
              user: team.botUserId,
              bot_id: team.botId,
              text: m.text,
              ts: m.ts,
              ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
              ...(withMeta && m.metadata ? { metadata: m.metadata } : {}),
            })),
          has_more: false,
        };
      }
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: `V${++this.seq}`, ...(args.view ?? {}) } };
      case 'files.getUploadURLExternal': {
        const fileId = `F${++this.seq}`;
        this.pendingUploads.set(fileId, String(args.filename));
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: (args.files as { id: string }[]).map((f) => ({ id: f.id })) };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The file in an upload: the WebClient sends it as multipart/form-data (field `body`), as Slack accepts. */
async function uploadedFile(raw: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.startsWith('multipart/form-data')) return raw;
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const part = [...form.values()].find((v) => typeof v !== 'string');
  return part && typeof part !== 'string' ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
}
