// What every front takes in: the page, checked to be text of a page's size, and what the
// importer was told over what the page says.
import { GuideParseError } from './errors';

/** What the importer was told, over what the page says (`--employer`, `--role`). */
export interface ParseOverrides {
  employer?: string;
  role?: string;
}

/** A saved page is a few tens of kilobytes; anything past this is not one. */
export const MAX_GUIDE_BYTES = 1024 * 1024;

export function checkInput(text: string, sourceName: string): string {
  if (typeof text !== 'string') throw new GuideParseError(`${sourceName}: expected the text of a saved guide page.`);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_GUIDE_BYTES) {
    throw new GuideParseError(
      `${sourceName} is ${formatSize(bytes)}, larger than the ${formatSize(MAX_GUIDE_BYTES)} a guide page can be. ` +
        'Save just the guide page as plain text (a saved page is usually under 50 KB).',
    );
  }
  const body = text.replace(/^\ufeff/, '');
  if (body.trim() === '') {
    throw new GuideParseError(`${sourceName} is empty. Save the guide page as plain text (select all, copy, paste).`);
  }
  // NULs and stray control characters mean a binary file (a PDF, an image, a
  // .webarchive); replacement characters mean text that was not UTF-8.
  let odd = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0) odd += 1000;
    else if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) odd++;
  }
  if (odd > 8 && odd > body.length / 200) {
    throw new GuideParseError(
      `${sourceName} looks like a binary file, not text. Save the guide page as plain UTF-8 text (.txt), not as a PDF or web archive.`,
    );
  }
  return body;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
