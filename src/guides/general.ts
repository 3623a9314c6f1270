// The general front: a guide from any page about interviewing at one employer (an interview
// prep site's company page, a repository's markdown guide, a blog post). The employer and
// role come from the title and headings; questions from list items and numbered lines under
// headings that announce questions, categorised by that heading; site chrome is left out.
// The shipped site's layout has its own front (parse.ts), tried first.
import { findAliases } from './aliases';
import { GuideParseError } from './errors';
import { checkInput, type ParseOverrides } from './input';
import { guideQuestionsOf } from './questions';
import { type Guide, GuideSchema, type QuestionCategory, slugify } from './schema';

interface Line {
  text: string;
  heading: boolean;
  item: boolean;
}

const MD_HEADING = /^#{1,6}\s+(.*?)\s*#*$/;
const ITEM = /^(?:[-*•▪◦‣–—]|\(?\d{1,3}[.)]|Q\d{1,3}[.:)]?)\s+(.*)$/i;
const STRIP_MD = (s: string) =>
  s
    .replace(/\*\*|__|`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim();

/** A markdown page's front matter ("title: ..."), read as its title; comments dropped. */
function withoutFrontMatter(text: string): string {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  const body = fm ? text.slice(fm[0].length) : text;
  const title = fm ? /^title:\s*["']?(.+?)["']?\s*$/m.exec(fm[1] ?? '')?.[1] : undefined;
  return `${title ? `# ${title}\n` : ''}${body.replace(/<!--[\s\S]*?-->/g, '')}`;
}

// leading emoji and symbols: "# 💼 Interview Experience" is "Interview Experience"
const LEAD_SYMBOLS = /^[^\p{L}\p{N}"“(]+/u;

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  for (const raw of withoutFrontMatter(text).split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || /^[-=*_]{3,}$/.test(line) || /^\{%.*%\}$/.test(line)) continue;
    const md = MD_HEADING.exec(line);
    if (md) {
      out.push({ text: STRIP_MD(md[1] ?? '').replace(LEAD_SYMBOLS, ''), heading: true, item: false });
      continue;
    }
    const item = ITEM.exec(line);
    const t = STRIP_MD(item ? (item[1] ?? '') : line);
    // site chrome between questions ("Read answer") is neither a question nor a heading
    if (CHROME.test(t) && t.split(/\s+/).length <= 4) continue;
    out.push({ text: t, heading: !item && isHeadingLike(t), item: Boolean(item) });
  }
  return out;
}

function isHeadingLike(t: string): boolean {
  return t.length <= 70 && !/[.?!,;]$/.test(t) && t.split(/\s+/).length <= 9 && /^[A-Z0-9]/.test(t);
}

// "Stripe Interview Questions", "Interviewing at Stripe", "Stripe Software Engineer Interview Guide"
const EMPLOYER_PATTERNS = [
  /^(?:the\s+)?(.+?)(?:'s)?\s+(?:[\w -]{0,40}\s)?interview(?:s|ing)?\b(?:\s+(?:questions|guide|process|prep|preparation|experience|tips))?/i,
  /\binterview(?:s|ing)? (?:at|with|@) ?(.+?)(?:[:|–—]| - |$)/i,
  /\binterview (?:experience|process|guide|questions|notes|prep)\s*(?:[–—:|]| - )\s*(.+)$/i,
  /\bhow to (?:pass|ace|crack|prepare for) (?:the |a |an )?(.+?)(?:'s)? (?:[\w -]{0,40}\s)?interview/i,
  /\bworking at (.+?)(?:[:|–—-]|$)/i,
];
const ROLES = [
  'Software Engineer',
  'Software Development Engineer',
  'Senior Software Engineer',
  'Frontend Engineer',
  'Backend Engineer',
  'Full Stack Engineer',
  'Data Scientist',
  'Data Engineer',
  'Data Analyst',
  'Machine Learning Engineer',
  'Product Manager',
  'Engineering Manager',
  'Site Reliability Engineer',
  'DevOps Engineer',
  'Product Designer',
  'Business Analyst',
  'Investment Banking Analyst',
  'Quantitative Analyst',
];
const ROLE_WORDS = new RegExp(`\\b(${ROLES.map((r) => r.replace(/ /g, '\\s+')).join('|')}|SDE|SWE|SRE|PM)s?\\b`, 'i');
const ROLE_NAMES: Record<string, string> = {
  sde: 'Software Development Engineer',
  swe: 'Software Engineer',
  sre: 'Site Reliability Engineer',
  pm: 'Product Manager',
};

// words that open a title without naming anyone: "Types of interviews", "Technical interview guide"
const NOT_A_NAME =
  /^(?:types?|technical|engineering|engineer|general|our|your|my|common|top|behaviou?ral|coding|system|design|final|onsite|phone|first|second|the|a|an|how|what|why|sample|example|mock|virtual|remote|live|total|round)\b/i;

/** The employer a heading names; `title` is the page's first line, where "Acme Interview Guide" is read too. */
function employerIn(heading: string, title: boolean): string | undefined {
  // "<Name> ... interview" is trusted in the title only: "Before the interview" is a section
  for (const re of title ? EMPLOYER_PATTERNS : EMPLOYER_PATTERNS.slice(1)) {
    const m = re.exec(heading);
    let name = m?.[1]?.trim();
    if (!name) continue;
    // "Google Software Engineer" → "Google": the role is not part of the name
    name = name
      .replace(ROLE_WORDS, '')
      .replace(
        /\b(?:top|common|\d+|the|a|an|your|my|summer|winter|spring|fall|new grad|interns?(?:hip)?|on-?campus)\b/gi,
        '',
      )
      .replace(/\s+/g, ' ')
      .trim();
    name = name
      .replace(/[\s:–—-]+$/, '')
      .replace(/\s*\([^)]*\)$/, '')
      .trim();
    if (name && name.length <= 40 && /^[A-Z0-9]/.test(name) && !NOT_A_NAME.test(name)) return name;
  }
  return undefined;
}

function roleIn(lines: string[]): string | undefined {
  for (const l of lines) {
    const m = ROLE_WORDS.exec(l);
    if (m?.[1])
      return (
        ROLE_NAMES[m[1].toLowerCase()] ??
        ROLES.find((r) => r.toLowerCase() === m[1]?.toLowerCase().replace(/\s+/g, ' ')) ??
        m[1]
      );
  }
  return undefined;
}

/** The categories a heading announces; undefined when it announces no questions. */
function announced(heading: string): QuestionCategory[] | undefined {
  const h = heading.toLowerCase();
  const cats: QuestionCategory[] = [];
  if (/system design|architecture|design round/.test(h)) cats.push('system-design');
  if (/behaviou?ral|leadership|culture|values|fit/.test(h)) cats.push('behavioral');
  if (/coding|algorithm|technical|data structure|programming|sql|machine learning|statistics/.test(h))
    cats.push('technical');
  if (/situational|hypothetical|case/.test(h)) cats.push('situational');
  if (/project|experience|resume|past work/.test(h)) cats.push('project-deep-dive');
  if (cats.length) return cats;
  return /question|prompts|sample|examples?\b|common|top \d+|asked/.test(h) ? [] : undefined;
}

const CHROME =
  /^(?:read (?:the )?answer|practice(?: question)?(?: \(free\))?|see answer|show answer|view (?:answer|solution)|sign ?up|log ?in|upgrade|premium|solution|answer|hint|share|next|previous|back to top)\b/i;
const ASKING =
  /^(?:tell|describe|design|implement|write|explain|how|what|why|when|where|which|who|give|walk|find|given|build|create|can you|have you|do you|would you|if you|discuss|talk|share|reverse|merge|sort|compute|determine|estimate|model|count|return|check|list)\b/i;

function isQuestion(t: string): boolean {
  const words = t.split(/\s+/).length;
  // "Why Stripe?" is a question; "Read answer" is not
  if (words < 2 || (words < 3 && !/\?$/.test(t)) || words > 60 || CHROME.test(t)) return false;
  return /\?$/.test(t) || ASKING.test(t);
}

/** Questions from the items and question lines under headings that announce questions. */
function questionsIn(lines: Line[]): { text: string; context: QuestionCategory[] }[] {
  const out: { text: string; context: QuestionCategory[] }[] = [];
  let context: QuestionCategory[] | undefined;
  for (const l of lines) {
    if (l.heading && !l.item) {
      const next = announced(l.text);
      // a sub-heading naming no category keeps the questions section's categories
      if (next !== undefined) context = next.length || !context ? next : context;
      else if (isHeadingLike(l.text) && !/\?$/.test(l.text)) context = undefined;
      continue;
    }
    // "Example questions:" as a line or an item opens a list of questions like a heading
    if (/:$/.test(l.text) && l.text.split(/\s+/).length <= 6) {
      const next = announced(l.text.replace(/:$/, ''));
      if (next !== undefined) {
        context = next.length || !context ? next : context;
        continue;
      }
    }
    const t = unquoted(l.text.replace(/\s*\((?:easy|medium|hard|free)\)\s*$/i, '').trim());
    if (!isQuestion(t)) continue;
    if (context !== undefined && (l.item || /\?$/.test(t))) out.push({ text: t, context });
    // outside a questions section, a list item asked of the candidate ("... you ...?") is one too
    else if (context === undefined && l.item && /\?$/.test(t) && /\byou(?:r|'re|'ve)?\b/i.test(t))
      out.push({ text: t, context: [] });
  }
  return out;
}

/** A question quoted on its line: "Tell me about ..." is Tell me about ... */
function unquoted(t: string): string {
  const m = /^["“'‘](.+)["”'’]$/.exec(t);
  return m?.[1]?.trim() ?? t;
}

/** A guide from a page in no layout Starling knows; refuses, saying what it found, when unsure. */
export function parseGeneralPage(text: string, sourceName: string, overrides: ParseOverrides = {}): Guide {
  const lines = linesOf(checkInput(text, sourceName));
  const head = lines
    .slice(0, 25)
    .filter((l) => l.heading || lines.indexOf(l) < 3)
    .map((l) => l.text);
  const employer = overrides.employer?.trim() || head.map((h, i) => employerIn(h, i === 0)).find(Boolean);
  const role = overrides.role?.trim() || roleIn(head) || 'Any role';
  const found = questionsIn(lines);
  if (!employer && found.length === 0) {
    throw new GuideParseError(
      `${sourceName} does not look like an interview guide page: no employer in its title or headings, and no ` +
        'questions under a heading such as "Interview Questions", "Coding" or "Behavioral". Save the page about ' +
        'interviewing at one employer, starting from its title.',
    );
  }
  if (!employer) {
    throw new GuideParseError(
      `${sourceName}: no employer found in its title or headings (${found.length} question${found.length === 1 ? '' : 's'} found). ` +
        `Say which employer it is: starling guide import ${sourceName} --employer "Acme"`,
    );
  }
  if (found.length === 0) {
    throw new GuideParseError(
      `${sourceName}: found the employer ${employer} but no interview questions (list items under a heading such as "Interview Questions", "Coding" or "Behavioral"), so nothing was written.`,
    );
  }
  const slug = slugify(`${employer} ${role === 'Any role' ? '' : role}`.trim());
  const questions = guideQuestionsOf(slug, found);
  const guide: Guide = {
    slug,
    employer,
    aliases: findAliases(
      employer,
      lines.map((l) => l.text),
    ),
    role,
    overview: '',
    questions,
    evaluationAreas: [],
    process: [],
    responsibilities: [],
    requirements: { mustHave: [], niceToHave: [] },
    faqs: [],
    tips: [],
    focusAreas: [],
    source: sourceName,
  };
  const checked = GuideSchema.safeParse(guide);
  if (!checked.success)
    throw new GuideParseError(`${sourceName}: ${checked.error.issues[0]?.message ?? 'not a valid guide'}`);
  return checked.data;
}
