// Replies through a slash command's or button's response_url: one small JSON POST to
// Slack. Node's own http client on kept-alive connections costs a fraction of fetch's
// CPU, and that CPU is spent on the same event loop that must acknowledge the next
// request within three seconds.
import http from 'node:http';
import https from 'node:https';

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 16 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 16 }),
};

/** POSTs `body` as JSON; resolves with the HTTP status, rejects if Slack cannot be reached in time. */
export function postJson(address: string, body: unknown, timeoutMs: number): Promise<number> {
  const url = new URL(address);
  const client = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
  if (!client) return Promise.reject(new Error(`not an http(s) address: ${url.protocol}`));
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        agent: agents[url.protocol as keyof typeof agents],
        headers: { 'Content-Type': 'application/json', 'Content-Length': payload.length },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume(); // the body says nothing we use; reading it frees the connection
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}
