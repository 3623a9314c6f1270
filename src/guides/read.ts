// One importer, a front per layout: the shipped site's layout first (parse.ts), then the
// general front (general.ts) for a page in any other layout.
import { parseGeneralPage } from './general';
import { GuideParseError, type ParseOverrides, parseGuidePage } from './parse';
import type { Guide } from './schema';

export function readGuide(text: string, sourceName: string, overrides: ParseOverrides = {}): Guide {
  try {
    return parseGuidePage(text, sourceName, overrides);
  } catch (err) {
    if (!(err instanceof GuideParseError) || err.reason !== 'no-title') throw err;
    return parseGeneralPage(text, sourceName, overrides);
  }
}
