// Turns a saved employer interview-guide page (plain text copied from the site) into
// a structured Guide. The pages share one layout: a "What is a <role> at <employer>?"
// title, then named sections. Questions hide in three shapes, and several lookalikes
// (FAQ questions, "Be ready to go over" topics) must not be taken for them; the
// comments below say which shape each rule is for.
import { cleanLine } from './noise';
import {
  categoriesInHeading,
  type Guide,
  GuideSchema,
  type QuestionCategory,
  questionId,
  questionKey,
  slugify,
} from './schema';

/** A saved page is a few tens of kilobytes; anything past this is not one. */
export const MAX_GUIDE_BYTES = 1024 * 1024;

/** The page could not be read as a guide; the message says why and what to do. */
export class GuideParseError extends Error {
  override readonly name = 'GuideParseError';
  constructor(
    message: string,
    /** 'no-title': the page is not in the shipped site's layout (another front may read it). */
    readonly reason?: 'no-title',
  ) {
    super(message);
  }
}

type Section =
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
const SECTIONS: Record<string, Section> = {
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

type Mode = 'none' | 'curated' | 'examples' | 'focus' | 'mustHave' | 'niceToHave';

/** Lines that switch how the following lines are read, wherever they appear. */
function markerOf(line: string): Mode | undefined {
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

function headingKey(line: string): string {
  return line
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['‘’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const TITLE = [/^what is an? (.+?) at (.+?)\?$/i, /^what does an? (.+?) do at (.+?)\?$/i];
/** A title that names the role only ("What is a Data Scientist?"): the employer comes from --employer. */
const ROLE_TITLE = [/^what is an? ([^?]{2,60}?)\?$/i, /^what does an? ([^?]{2,60}?) do\?$/i];

/** What the importer was told, over what the page says (`--employer`, `--role`). */
export interface ParseOverrides {
  employer?: string;
  role?: string;
}

const BULLET = /^(?:[-*•▪◦‣–—]|\d{1,2}[.)])\s+(.*)$/;

/** A short line with no closing punctuation: a heading, not a sentence. */
function looksLikeHeading(line: string): boolean {
  return line.length <= 80 && !/[.?!:;,]$/.test(line) && line.split(' ').length <= 10 && /^[A-Z0-9"“]/.test(line);
}

/** The text of a fully quoted line (`"Tell us about..."`), or undefined. */
function unquote(line: string): string | undefined {
  const m = /^"([^"]+)"$/.exec(line) ?? /^“([^“”]+)”$/.exec(line);
  return m?.[1]?.trim();
}

/** "Role-Related Knowledge – Interviewers evaluate..." → name and description. */
function splitNamed(line: string): { name: string; description: string } | undefined {
  const m = /^(.{2,60}?)\s+[–—-]\s+(.+)$/.exec(line) ?? /^([^:]{2,60}):\s+(.+)$/.exec(line);
  if (!m?.[1] || !m[2]) return undefined;
  const name = m[1].trim();
  if (/[.?!,;]$/.test(name) || name.split(' ').length > 8) return undefined;
  return { name, description: m[2].trim() };
}

interface Token {
  text: string;
  bullet: boolean;
  wall: boolean;
  line: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const { text: clean, wall, callout } = cleanLine(raw);
    if (callout) return;
    if (!clean) {
      if (wall) tokens.push({ text: '', bullet: false, wall: true, line: i + 1 });
      return;
    }
    const bullet = BULLET.exec(clean);
    if (bullet) {
      const body = cleanLine(bullet[1] ?? '').text;
      if (body) tokens.push({ text: body, bullet: true, wall, line: i + 1 });
      return;
    }
    tokens.push({ text: clean, bullet: false, wall, line: i + 1 });
  });
  return tokens;
}

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

// Phrases that mark a question as asking for one specific past episode.
const STORY =
  /\b(tell (me|us) about (a|an|one) (time|situation|moment|occasion|project)|describe (a|an|one) (time|situation|moment|occasion|instance)|give (me |us )?(an|one) example (of|when)|share (a|an) (time|example|experience)|recall a time|walk (me|us) through a time)\b/;
// "How do you handle ..." in a behavioural setting is answered best with a story too.
const HANDLING =
  /^how (do|did|have) you (handle|handled|deal|dealt|manage|managed|respond|responded|resolve|resolved)\b/;
const PAST_WORK =
  /\b(you('ve| have)? (worked on|built|maintained|shipped|led|owned|designed|delivered)|you (didn't|did not) (originally )?build|your (past|previous) projects?|a project you)\b/;
const HYPOTHETICAL =
  /^(what would you do|how would you (handle|respond|approach|deal|react)|imagine|suppose|say you)\b/;

function plain(questionText: string): string {
  return questionText.toLowerCase().replace(/[‘’]/g, "'");
}

/**
 * The category of a question, from the heading it sits under when that heading
 * names one category, otherwise from how the question is asked.
 */
function categorise(questionText: string, context: QuestionCategory[]): QuestionCategory {
  const t = plain(questionText);
  if (/^(design|architect)\b/.test(t) || /\bhow would you (design|architect)\b/.test(t)) return 'system-design';
  const [only] = context;
  if (only && context.length === 1) return only;
  if (HYPOTHETICAL.test(t)) return 'situational';
  const story = STORY.test(t);
  if (context.includes('project-deep-dive') && (PAST_WORK.test(t) || story)) return 'project-deep-dive';
  if (context.includes('technical')) return 'technical';
  if (only) return only;
  if (story || /^why\b/.test(t)) return 'behavioral';
  if (PAST_WORK.test(t)) return 'project-deep-dive';
  return 'technical';
}

/** The guide's questions from those a page listed: each once, with its category and id. */
export function guideQuestionsOf(
  slug: string,
  found: { text: string; context: QuestionCategory[] }[],
): Guide['questions'] {
  const seen = new Set<string>();
  const out: Guide['questions'] = [];
  for (const q of found) {
    const key = questionKey(q.text);
    if (seen.has(key)) continue;
    seen.add(key);
    const category = categorise(q.text, q.context);
    out.push({ id: questionId(slug, q.text), text: q.text, category, star: callsForStar(q.text, category) });
  }
  return out;
}

/** Whether a good answer is a STAR story about one real past episode. */
function callsForStar(questionText: string, category: QuestionCategory): boolean {
  const t = plain(questionText);
  return STORY.test(t) || (category === 'behavioral' && HANDLING.test(t));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Abbreviations the page gives right after the employer's name: "... Philadelphia (CHOP)". */
export function findAliases(employer: string, lines: string[]): string[] {
  const name = escapeRegExp(employer).replace(/['‘’]/g, "['‘’]").replace(/\s+/g, '\\s+');
  const re = new RegExp(`${name}\\s*\\(([^()]{1,20})\\)`, 'gi');
  const aliases: string[] = [];
  for (const line of lines) {
    for (const m of line.matchAll(re)) {
      const alias = m[1]?.trim() ?? '';
      const capitals = alias.replace(/[^A-Z]/g, '').length;
      if (/^[A-Z][A-Za-z0-9&.-]{0,14}$/.test(alias) && capitals >= 2 && !aliases.includes(alias)) aliases.push(alias);
    }
  }
  return aliases;
}

/**
 * Parse a saved guide page. `sourceName` (usually the file's base name) is kept in
 * the guide and used in error messages.
 */
export function parseGuidePage(text: string, sourceName: string, overrides: ParseOverrides = {}): Guide {
  const body = checkInput(text, sourceName);
  const tokens = tokenize(body);

  let title: { role: string; employer?: string; line: number } | undefined;
  const overview: string[] = [];
  const questions: { text: string; context: QuestionCategory[] }[] = [];
  const evaluationAreas: { name: string; description: string }[] = [];
  const process: string[] = [];
  const responsibilities: string[] = [];
  const mustHave: string[] = [];
  const niceToHave: string[] = [];
  const qualifications: string[] = [];
  const faqs: { question: string; answer: string }[] = [];
  const tips: string[] = [];
  const focusAreas: string[] = [];
  let sectionsSeen = 0;

  let section: Section = 'preamble';
  let mode: Mode = 'none';
  let context: QuestionCategory[] = [];
  let area: { name: string; description: string } | undefined;
  let openFaq: { question: string; answer: string } | undefined;

  const addQuestion = (q: string) => {
    const cleaned = unquote(q) ?? q;
    // A bullet of one or two words is a label, not something to answer.
    if (cleaned.split(' ').length < 3) return;
    questions.push({ text: cleaned, context });
  };
  // Sections whose lines are kept the same way with or without a bullet; false for
  // the others, which each branch below reads in its own way.
  const keepInSection = (line: string): boolean => {
    switch (section) {
      case 'evaluation': {
        // A line that names no area is the section's introduction.
        const named = splitNamed(line);
        if (named) evaluationAreas.push(named);
        return true;
      }
      case 'process':
        process.push(line);
        return true;
      case 'responsibilities':
        responsibilities.push(line);
        return true;
      case 'tips':
        tips.push(line);
        return true;
      default:
        return false;
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    // A sign-up wall closes the curated list it interrupts.
    if (token.wall && mode === 'curated') mode = 'none';
    const line = token.text;
    if (!line) continue;

    // A numbered title ("1. What is a Data Scientist at Acme?") counts before any section: later,
    // a numbered "What is a typical day at Acme?" is a question.
    if (!token.bullet || (!title && sectionsSeen === 0)) {
      // Titles are short; skipping long lines keeps the lazy title pattern linear.
      const t = line.length <= 300 ? TITLE.map((re) => re.exec(line)).find(Boolean) : undefined;
      const roleOnly =
        !t && !title && sectionsSeen === 0 && line.length <= 80
          ? ROLE_TITLE.map((re) => re.exec(line)).find(Boolean)
          : undefined;
      if (roleOnly?.[1]) {
        title = { role: roleOnly[1].trim(), line: token.line };
        section = 'overview';
        mode = 'none';
        continue;
      }
      if (t?.[1] && t[2]) {
        // a full title after a role-only one is the same guide's, told whole
        if (title?.employer) {
          throw new GuideParseError(
            `${sourceName} holds more than one guide: titles on lines ${title.line} and ${token.line}. ` +
              'Save each guide page in its own file and import them together.',
          );
        }
        title = { role: t[1].trim(), employer: t[2].trim(), line: token.line };
        section = 'overview';
        mode = 'none';
        continue;
      }
      const next = SECTIONS[headingKey(line)];
      if (next && looksLikeHeading(line.replace(/:$/, ''))) {
        section = next;
        sectionsSeen++;
        mode = 'none';
        context = [];
        area = undefined;
        openFaq = undefined;
        continue;
      }
      const marker = markerOf(line);
      if (marker) {
        mode = marker;
        if (marker === 'curated') context = [];
        continue;
      }
    }

    if (token.bullet) {
      switch (mode) {
        case 'curated':
        case 'examples':
          addQuestion(line);
          continue;
        case 'focus':
          focusAreas.push(line);
          continue;
        case 'mustHave':
          mustHave.push(line);
          continue;
        case 'niceToHave':
          niceToHave.push(line);
          continue;
        case 'none':
          break;
      }
      if (keepInSection(line)) continue;
      switch (section) {
        case 'questions':
          addQuestion(line);
          break;
        case 'deepDive':
          // Unlabelled bullets under an evaluation area are topics to know.
          focusAreas.push(line);
          break;
        case 'requirements':
          qualifications.push(line);
          break;
        case 'overview':
          overview.push(`- ${line}`);
          break;
      }
      continue;
    }

    // A plain (non-bullet) line.
    if (mode === 'curated') {
      // Curated prompts are one per line with no bullet. A short unpunctuated line
      // followed by bullets is instead a category heading for those bullets.
      const following = tokens[i + 1];
      if (looksLikeHeading(line) && following?.bullet) {
        mode = 'none';
        context = categoriesInHeading(line);
      } else {
        addQuestion(line);
      }
      continue;
    }
    const quoted = unquote(line);
    if (mode === 'examples' && (quoted || line.endsWith('?'))) {
      addQuestion(quoted ?? line);
      continue;
    }
    // Running text ends a list started by a marker.
    mode = 'none';

    // "Q: ...?" lines are FAQs wherever they are, so a page whose FAQ heading was
    // lost does not turn them into tips or responsibilities.
    const faqQuestion = section === 'questions' ? null : /^Q\s*[:.]\s*(.+)$/i.exec(line);
    if (faqQuestion?.[1]) {
      const split = /^(.+?\?)\s+(.+)$/.exec(faqQuestion[1]);
      openFaq =
        split?.[1] && split[2] ? { question: split[1], answer: split[2] } : { question: faqQuestion[1], answer: '' };
      faqs.push(openFaq);
      continue;
    }
    const faqAnswer = /^A\s*[:.]\s*(.+)$/i.exec(line);
    const nextUnlabelledQuestion = section === 'faqs' && !faqAnswer && line.endsWith('?') && openFaq?.answer;
    if (openFaq && !nextUnlabelledQuestion && (section === 'faqs' || faqAnswer?.[1])) {
      const more = faqAnswer?.[1] ?? line;
      openFaq.answer = openFaq.answer ? `${openFaq.answer}\n\n${more}` : more;
      continue;
    }

    if (keepInSection(line)) continue;
    switch (section) {
      case 'overview':
        overview.push(line);
        break;
      case 'questions':
        if (quoted) addQuestion(quoted);
        else if (looksLikeHeading(line)) context = categoriesInHeading(line);
        // Other lines here introduce a category ("These questions test...").
        break;
      case 'deepDive':
        if (looksLikeHeading(line)) {
          area = { name: line, description: '' };
          evaluationAreas.push(area);
          context = categoriesInHeading(line);
        } else if (area) {
          area.description = area.description ? `${area.description}\n\n${line}` : line;
        }
        break;
      case 'requirements':
        // Running text here introduces the bullets that follow.
        break;
      case 'faqs':
        // A question without the "Q:" label, its answer on the lines after it.
        if (line.endsWith('?')) {
          openFaq = { question: line, answer: '' };
          faqs.push(openFaq);
        }
        break;
    }
  }

  if (!title) {
    throw new GuideParseError(
      `${sourceName} does not look like an interview guide page: no title line such as ` +
        '"What is a Software Engineer at Acme?" was found. Save the whole guide page, starting from its title.',
      'no-title',
    );
  }
  if (sectionsSeen === 0 && questions.length === 0) {
    throw new GuideParseError(
      `${sourceName} has a title but none of the guide's sections ("Common Interview Questions", ` +
        '"Interview Process Overview", "Frequently Asked Questions", ...). Save the whole guide page, not just its top.',
    );
  }

  const employer = overrides.employer?.trim() || title.employer;
  const role = overrides.role?.trim() || title.role;
  if (!employer) {
    throw new GuideParseError(
      `${sourceName}: the title on line ${title.line} names the role (${title.role}) but no employer. ` +
        `Say which employer it is: starling guide import ${sourceName} --employer "Acme"`,
    );
  }
  const slug = slugify(`${employer} ${role}`);
  if (!slug) {
    throw new GuideParseError(
      `${sourceName}: the title on line ${title.line} names no employer or role in letters or digits.`,
    );
  }
  const guideQuestions = guideQuestionsOf(slug, questions);

  const guide: Guide = {
    slug,
    employer,
    aliases: findAliases(
      employer,
      tokens.map((t) => t.text),
    ),
    role,
    overview: overview.join('\n\n'),
    questions: guideQuestions,
    evaluationAreas,
    process,
    responsibilities,
    requirements: { mustHave, niceToHave, ...(qualifications.length ? { qualifications } : {}) },
    faqs,
    tips,
    focusAreas,
    source: sourceName,
  };
  const checked = GuideSchema.safeParse(guide);
  if (!checked.success) {
    const first = checked.error.issues[0];
    throw new GuideParseError(
      `${sourceName}: the page was read but the result is not a valid guide (${first?.path.join('.') || 'guide'}: ${first?.message}).`,
    );
  }
  return checked.data;
}
