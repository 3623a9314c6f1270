// Reads a tokenised page in the shipped layout, line by line: titles, section headings
// and markers first, then the line by the marker in force, then by its section.
import { GuideParseError } from './errors';
import { readFaqLine } from './faqs';
import { headingKey, looksLikeHeading, markerOf, ROLE_TITLE, SECTIONS, TITLE, unquote } from './layout';
import { addQuestion, type PageState } from './page-state';
import { categoriesInHeading } from './schema';
import { readInSection } from './sections';
import type { Token } from './tokens';

export function readPage(s: PageState): void {
  const { tokens } = s;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    // A sign-up wall closes the curated list it interrupts.
    if (token.wall && s.mode === 'curated') s.mode = 'none';
    if (!token.text) continue;
    // A numbered title ("1. What is a Data Scientist at Acme?") counts before any section: later,
    // a numbered "What is a typical day at Acme?" is a question.
    const mayBeStructure = !token.bullet || (!s.title && s.sectionsSeen === 0);
    if (mayBeStructure && (readTitle(s, token) || readHeading(s, token.text) || readMarker(s, token.text))) continue;
    if (token.bullet) readBullet(s, token.text);
    else readPlain(s, token.text, tokens[i + 1]);
  }
}

function readTitle(s: PageState, token: Token): boolean {
  const line = token.text;
  // Titles are short; skipping long lines keeps the lazy title pattern linear.
  const t = line.length <= 300 ? TITLE.map((re) => re.exec(line)).find(Boolean) : undefined;
  const roleOnly =
    !t && !s.title && s.sectionsSeen === 0 && line.length <= 80
      ? ROLE_TITLE.map((re) => re.exec(line)).find(Boolean)
      : undefined;
  if (roleOnly?.[1]) {
    s.title = { role: roleOnly[1].trim(), line: token.line };
  } else if (t?.[1] && t[2]) {
    // a full title after a role-only one is the same guide's, told whole
    if (s.title?.employer) {
      throw new GuideParseError(
        `${s.sourceName} holds more than one guide: titles on lines ${s.title.line} and ${token.line}. ` +
          'Save each guide page in its own file and import them together.',
      );
    }
    s.title = { role: t[1].trim(), employer: t[2].trim(), line: token.line };
  } else return false;
  s.section = 'overview';
  s.mode = 'none';
  return true;
}

function readHeading(s: PageState, line: string): boolean {
  const next = SECTIONS[headingKey(line)];
  if (!next || !looksLikeHeading(line.replace(/:$/, ''))) return false;
  s.section = next;
  s.sectionsSeen++;
  s.mode = 'none';
  s.context = [];
  s.area = undefined;
  s.openFaq = undefined;
  return true;
}

function readMarker(s: PageState, line: string): boolean {
  const marker = markerOf(line);
  if (!marker) return false;
  s.mode = marker;
  if (marker === 'curated') s.context = [];
  return true;
}

function readBullet(s: PageState, line: string): void {
  switch (s.mode) {
    case 'curated':
    case 'examples':
      addQuestion(s, line);
      return;
    case 'focus':
      s.focusAreas.push(line);
      return;
    case 'mustHave':
      s.mustHave.push(line);
      return;
    case 'niceToHave':
      s.niceToHave.push(line);
      return;
    case 'none':
      readInSection(s, line, true);
  }
}

function readPlain(s: PageState, line: string, following: Token | undefined): void {
  if (s.mode === 'curated') {
    // Curated prompts are one per line with no bullet. A short unpunctuated line
    // followed by bullets is instead a category heading for those bullets.
    if (looksLikeHeading(line) && following?.bullet) {
      s.mode = 'none';
      s.context = categoriesInHeading(line);
    } else {
      addQuestion(s, line);
    }
    return;
  }
  const quoted = unquote(line);
  if (s.mode === 'examples' && (quoted || line.endsWith('?'))) {
    addQuestion(s, quoted ?? line);
    return;
  }
  // Running text ends a list started by a marker.
  s.mode = 'none';
  if (readFaqLine(s, line)) return;
  readInSection(s, line, false);
}
