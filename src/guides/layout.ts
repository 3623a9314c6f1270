// The shipped site's layout, line by line: its titles, its section headings, the
// markers that switch how the lines after them are read, and the shapes of a line.

export type Section =
  | 'preamble'
  | 'overview'
  | 'questions'
  | 'evaluation'
  | 'deepDive'
  | 'process'
  | 'responsibilities'
  | 'requirements'
  | 'faqs'
  | 'tips'
  | 'ignored';

/** Top-level headings, compared after `headingKey`. */
export const SECTIONS: Record<string, Section> = {
  'common interview questions': 'questions',
  'interview questions': 'questions',
  'sample interview questions': 'questions',
  'getting ready for your interviews': 'evaluation',
  'getting ready for your interview': 'evaluation',
  'what interviewers evaluate': 'evaluation',
  'interview process overview': 'process',
  'interview process': 'process',
  'the interview process': 'process',
  'interview timeline': 'process',
  'deep dive into evaluation areas': 'deepDive',
  'evaluation areas': 'deepDive',
  'key responsibilities': 'responsibilities',
  responsibilities: 'responsibilities',
  'role requirements and qualifications': 'requirements',
  'requirements and qualifications': 'requirements',
  requirements: 'requirements',
  qualifications: 'requirements',
  'frequently asked questions': 'faqs',
  faqs: 'faqs',
  faq: 'faqs',
  'other general tips': 'tips',
  'general tips': 'tips',
  tips: 'tips',
  // Sections with nothing the guide keeps: the page's closing summary and the
  // compensation chart, which does not survive as text.
  'summary and next steps': 'ignored',
  summary: 'ignored',
  'next steps': 'ignored',
  compensation: 'ignored',
  'compensation and benefits': 'ignored',
  salary: 'ignored',
};

export type Mode = 'none' | 'curated' | 'examples' | 'focus' | 'mustHave' | 'niceToHave';

/** Lines that switch how the following lines are read, wherever they appear. */
export function markerOf(line: string): Mode | undefined {
  if (/^curated questions\b/i.test(line)) return 'curated';
  const key = headingKey(line);
  if (!line.endsWith(':') && key.split(' ').length > 6) return undefined;
  if (/^example (questions|scenarios)( (or|and) (questions|scenarios))?$/.test(key)) return 'examples';
  if (/^be ready to (go over|discuss|talk about|cover)$/.test(key)) return 'focus';
  if (/^advanced (concepts|topics)( less common)?$/.test(key)) return 'focus';
  if (/^(must haves?|required)( skills| qualifications| requirements)?$/.test(key)) return 'mustHave';
  if (/^(nice to haves?|preferred|bonus|good to have)( skills| qualifications| requirements)?$/.test(key)) {
    return 'niceToHave';
  }
  return undefined;
}

export function headingKey(line: string): string {
  return line
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['‘’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export const TITLE = [/^what is an? (.+?) at (.+?)\?$/i, /^what does an? (.+?) do at (.+?)\?$/i];
/** A title that names the role only ("What is a Data Scientist?"): the employer comes from --employer. */
export const ROLE_TITLE = [/^what is an? ([^?]{2,60}?)\?$/i, /^what does an? ([^?]{2,60}?) do\?$/i];

/** A short line with no closing punctuation: a heading, not a sentence. */
export function looksLikeHeading(line: string): boolean {
  return line.length <= 80 && !/[.?!:;,]$/.test(line) && line.split(' ').length <= 10 && /^[A-Z0-9"“]/.test(line);
}

/** The text of a fully quoted line (`"Tell us about..."`), or undefined. */
export function unquote(line: string): string | undefined {
  const m = /^"([^"]+)"$/.exec(line) ?? /^“([^“”]+)”$/.exec(line);
  return m?.[1]?.trim();
}

/** "Role-Related Knowledge – Interviewers evaluate..." → name and description. */
export function splitNamed(line: string): { name: string; description: string } | undefined {
  const m = /^(.{2,60}?)\s+[–—-]\s+(.+)$/.exec(line) ?? /^([^:]{2,60}):\s+(.+)$/.exec(line);
  if (!m?.[1] || !m[2]) return undefined;
  const name = m[1].trim();
  if (/[.?!,;]$/.test(name) || name.split(' ').length > 8) return undefined;
  return { name, description: m[2].trim() };
}
