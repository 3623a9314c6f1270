// A loopback file store for the chat's file tests: serves the files it is given at
// http://127.0.0.1:<port>/files/<name> and records who asked (the Authorization header).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FileServer {
  url(name: string): string;
  requests: { path: string; auth?: string }[];
  close(): Promise<void>;
}

export async function startFileServer(
  files: Record<string, { body: string | Buffer; type?: string }>,
  opts: { token?: string } = {},
): Promise<FileServer> {
  const requests: FileServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push({ path, ...(req.headers.authorization ? { auth: req.headers.authorization } : {}) });
    const file = files[path.replace(/^\/files\//, '')];
    if (opts.token && req.headers.authorization !== `Bearer ${opts.token}`) {
      res.writeHead(403).end('not allowed');
      return;
    }
    if (!file) {
      res.writeHead(404).end('no such file');
      return;
    }
    res.writeHead(200, { 'Content-Type': file.type ?? 'text/plain; charset=utf-8' }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (name) => `http://127.0.0.1:${port}/files/${encodeURIComponent(name)}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
