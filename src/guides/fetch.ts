// A guide page fetched from its address: a timeout, a size limit, and errors that say what
// to check. The page's own address is kept as the guide's source.
import { formatSize, MAX_GUIDE_BYTES } from './input';

export class FetchPageError extends Error {
  override readonly name = 'FetchPageError';
}

const TIMEOUT_MS = 15_000;

export function isAddress(arg: string): boolean {
  return /^https?:\/\//i.test(arg.trim());
}

/** The page at `url` as text, refused past MAX_GUIDE_BYTES or after 15 s. */
export async function fetchPage(url: string, timeoutMs = TIMEOUT_MS): Promise<{ text: string; html: boolean }> {
  let res: Response;
  try {
    res = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { Accept: 'text/html,text/plain;q=0.9,*/*;q=0.1', 'User-Agent': 'Starling guide import' },
      redirect: 'follow',
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const why =
      e.name === 'TimeoutError'
        ? `no answer in ${timeoutMs / 1000} s`
        : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw new FetchPageError(
      `Could not fetch ${url} (${why}). Check the address and the network, or save the page from your browser and import the file.`,
    );
  }
  if (!res.ok) {
    throw new FetchPageError(
      `${url} answered ${res.status} ${res.statusText}. Check the address in a browser; if the page needs a sign-in, save it from the browser and import the file.`,
    );
  }
  const type = res.headers.get('content-type') ?? '';
  if (type && !/text\/(?:html|plain)|application\/xhtml/i.test(type)) {
    throw new FetchPageError(
      `${url} is ${type.split(';')[0]}, not a web page. Give the address of the guide page itself.`,
    );
  }
  const text = await readCapped(res, url);
  return { text, html: /html/i.test(type) };
}

async function readCapped(res: Response, url: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await readCappedBytes(res, url));
}

async function readCappedBytes(res: Response, url: string): Promise<Uint8Array> {
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_GUIDE_BYTES) {
      await reader.cancel();
      throw new FetchPageError(
        `${url} is larger than the ${formatSize(MAX_GUIDE_BYTES)} a guide page can be. Save just the guide page and import the file.`,
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * A file's bytes from the platform's file store (a Discord attachment, a Slack file), with
 * the same timeout and size limit as a page; `headers` carry the platform's token where the
 * store needs one.
 */
export async function downloadFile(
  url: string,
  name: string,
  headers: Record<string, string> = {},
  timeoutMs = TIMEOUT_MS,
): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers, redirect: 'follow' });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const why = e.name === 'TimeoutError' ? `no answer in ${timeoutMs / 1000} s` : (e.cause?.code ?? e.message);
    throw new FetchPageError(`Could not download ${name} (${why}). Try attaching it again in a minute.`);
  }
  if (!res.ok) {
    throw new FetchPageError(`Could not download ${name}: the file store answered ${res.status}. Attach it again.`);
  }
  return readCappedBytes(res, name);
}
