// A guide page handed over as a file (attached to `/prep guide add` on Discord, shared in
// the bot's direct messages on Slack): its name and size checked before it is read, its
// bytes decoded as the command line decodes a saved page, then read by the one importer.
// Platform-neutral: the adapters hand in a name, a size and a way to get the bytes.
import { z } from 'zod';
import { GuideParseError } from './errors';
import { formatSize, MAX_GUIDE_BYTES } from './input';
import { readGuide } from './read';
import type { Guide } from './schema';

/** A file someone handed the bot; `bytes()` downloads it, only once it passed the checks. */
export interface GuideUpload {
  name: string;
  size: number;
  /** The type the platform reports, when it reports one. */
  mime?: string;
  bytes(): Promise<Uint8Array>;
}

const TEXT_NAME = /\.(?:txt|text|md|markdown)$/i;
const HTML_NAME = /\.(?:html?|xhtml)$/i;
// what platforms call a text, markdown or HTML file (Slack says "text/plain" for a .md, Discord
// adds "; charset=utf-8"); an unknown or generic type leaves the file's name to decide
const KNOWN_TYPES = /^(?:text\/(?:plain|markdown|x-markdown|html)|application\/(?:xhtml\+xml|octet-stream))\b/i;

const GuideUploadMeta = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'the file has no name' })
    .max(255, { error: 'the file name is longer than 255 characters' })
    .refine((n) => TEXT_NAME.test(n) || HTML_NAME.test(n), {
      error: (i) =>
        `${String(i.input)} is not a text, Markdown or HTML file. Attach the guide page saved as .txt, .md or .html.`,
    }),
  size: z
    .number()
    .int()
    .nonnegative()
    .max(MAX_GUIDE_BYTES, {
      error: (i) =>
        `the file is ${formatSize(Number(i.input))}, larger than the ${formatSize(MAX_GUIDE_BYTES)} a guide page can be. Save just the guide page.`,
    }),
  mime: z
    .string()
    .optional()
    .refine((m) => m === undefined || m === '' || KNOWN_TYPES.test(m), {
      error: (i) =>
        `the file is ${String(i.input).split(';')[0]}, not text, Markdown or HTML. Attach the page saved as .txt, .md or .html.`,
    }),
});

/** The first thing wrong with a file before it is downloaded, said so a person can fix it. */
function checkUpload(meta: { name: string; size: number; mime?: string }): void {
  const checked = GuideUploadMeta.safeParse(meta);
  if (!checked.success) {
    const why = checked.error.issues[0]?.message ?? 'the file cannot be read';
    throw new GuideParseError(why.startsWith('the file') ? `${meta.name}: ${why}` : why);
  }
}

/** Text from a saved page's bytes: UTF-8, or UTF-16 with its byte-order mark (Windows Notepad). */
export function decodePage(bytes: Uint8Array, name: string): string {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : undefined;
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) {
    throw new GuideParseError(
      `${name} looks like a binary file, not text. Save the guide page as plain UTF-8 text (.txt).`,
    );
  }
  try {
    return new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new GuideParseError(`${name} is not UTF-8 text. Save the page again as plain text with UTF-8 encoding.`);
  }
}

/** The guide in a file someone handed the bot, checked, downloaded, decoded and read. */
export async function readUpload(upload: GuideUpload): Promise<Guide> {
  checkUpload(upload);
  const bytes = await upload.bytes();
  // the platform's size can be stale or absent: the bytes themselves are held to the limit too
  checkUpload({ name: upload.name, size: bytes.byteLength });
  const text = decodePage(bytes, upload.name);
  return readGuide(text, upload.name, {}, { html: HTML_NAME.test(upload.name) || /html/i.test(upload.mime ?? '') });
}
