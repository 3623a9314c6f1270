// A loopback fake of an OpenAI-compatible chat-completions endpoint: it records each
// request and answers as the test says (a reply, an HTTP error, garbage, or never).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type FakeReply =
  | { content: string; delayMs?: number }
  | { status: number; retryAfter?: number }
  | { raw: string }
  | { hang: true };

interface SeenRequest {
  path: string;
  authorization?: string;
  body: {
    model: string;
    messages: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
  };
}

export interface FakeLlm {
  url: string;
  requests: SeenRequest[];
  /** What to answer next; the last one repeats. */
  answer(...replies: FakeReply[]): void;
  close(): Promise<void>;
}

function completion(content: string) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'fake',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
  };
}

function respond(res: ServerResponse, reply: FakeReply): void {
  if ('hang' in reply) return;
  if ('raw' in reply) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(reply.raw);
    return;
  }
  if ('status' in reply) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (reply.retryAfter !== undefined) headers['retry-after'] = String(reply.retryAfter);
    res.writeHead(reply.status, headers).end(JSON.stringify({ error: { message: `fake ${reply.status}` } }));
    return;
  }
  const send = () =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion(reply.content)));
  if (reply.delayMs) setTimeout(send, reply.delayMs);
  else send();
}

export async function startFakeLlm(): Promise<FakeLlm> {
  const requests: SeenRequest[] = [];
  let queue: FakeReply[] = [{ status: 500 }];
  const open = new Set<ServerResponse>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        path: req.url ?? '',
        authorization: req.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      const reply = queue.length > 1 ? (queue.shift() as FakeReply) : (queue[0] as FakeReply);
      open.add(res);
      res.on('close', () => open.delete(res));
      respond(res, reply);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    answer: (...replies) => {
      queue = replies;
    },
    close: async () => {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
