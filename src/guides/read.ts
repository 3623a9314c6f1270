// One importer, a front per layout: the shipped site's layout first (parse.ts), then the
// general front (general.ts) for a page in any other layout. HTML is read as text first.

import { GuideParseError } from './errors';
import { parseGeneralPage } from './general';
import { htmlToText, looksLikeHtml } from './html';
import type { ParseOverrides } from './input';
import { parseGuidePage } from './parse';
import type { Guide } from './schema';

export function readGuide(
  page: string,
  sourceName: string,
  overrides: ParseOverrides = {},
  opts: { html?: boolean } = {},
): Guide {
  const text = opts.html || looksLikeHtml(page) ? htmlToText(page) : page;
  try {
    return parseGuidePage(text, sourceName, overrides);
  } catch (err) {
    if (!(err instanceof GuideParseError) || err.reason === undefined) throw err;
    if (err.reason === 'no-title') return parseGeneralPage(text, sourceName, overrides);
    // "What is an API?" in a write-up looks like the layout's title: the general front may read
    // the page; when it cannot either, the layout's explanation (a page cut short) stands
    try {
      return parseGeneralPage(text, sourceName, overrides);
    } catch (general) {
      // (unless it found the questions and asks only which employer they are for: that says more)
      const asksEmployer = general instanceof GuideParseError && general.reason === 'no-employer';
      throw general instanceof GuideParseError && !asksEmployer ? err : general;
    }
  }
}
