// The general front: a guide from any page about interviewing at one employer (an interview
// prep site's company page, a repository's markdown guide, a blog post). The employer and
// role come from the title and headings (employer.ts); questions from list items and numbered
// lines under headings that announce questions, categorised by that heading
// (general-questions.ts); the FAQ section's questions, with their answers, as FAQs
// (general-faqs.ts); the items under tips and process headings (general-sections.ts); site
// chrome is left out (page-lines.ts). The shipped site's layout
// has its own front (parse.ts), tried first.
import { spelledOut } from './abbreviation';
import { findAliases } from './aliases';
import { employerIn, employerInWords, employerUnderTitle, roleIn } from './employer';
import { employerInFileName, fileNameGuess, fullerInPath } from './employer-path';
import { GuideParseError } from './errors';
import { faqsIn } from './general-faqs';
import { questionsIn } from './general-questions';
import { processIn, tipsIn } from './general-sections';
import { checkInput, type ParseOverrides } from './input';
import { mentionedNames } from './mentions';
import { type Line, linesOf } from './page-lines';
import { guideQuestionsOf } from './questions';
import { roleOnLine } from './role-line';
import { type Guide, GuideSchema, slugify } from './schema';
import { distinctEmployers, employersComparedIn, severalEmployersMessage } from './several';

/** The page's title: its first line, or the first line near the top that speaks of interviews. */
function titleIndex(head: string[]): number {
  return Math.max(
    0,
    head.findIndex((h) => /interview/i.test(h)),
  );
}

/** The title and headings near the top, where a page names its employer and role. */
function headOf(lines: Line[]): string[] {
  return lines
    .slice(0, 25)
    .filter((l, i) => l.heading || (i < 3 && l.text.length <= 120))
    .map((l) => l.text);
}

/** "# Questions" then "## Microsoft": the employer a generic title's first section is named for. */
function underTitle(lines: Line[]): string | undefined {
  const [title, next] = lines;
  if (!title?.marked || !next?.marked || next.level <= title.level) return undefined;
  return employerUnderTitle(title.text, next.text);
}

/** The employers a page names side by side (its title comparing them, or headings each named for one, under a title naming none). */
function severalIn(lines: Line[], inHead: (string | undefined)[]): string[] {
  const compared = employersComparedIn(lines[0]?.text ?? '');
  // "Amazon Interview: Coding, Design and Behavioral" lists kinds of round, not employers
  if (inHead[0]) return compared.includes(inHead[0]) ? compared : [];
  if (compared.length > 0) return compared;
  const named = distinctEmployers(inHead);
  return named.length >= 2 ? named : [];
}

/** A page with questions and no employer: what it found, the names it mentions, and the fix. */
function noEmployerMessage(sourceName: string, lines: Line[], questions: number): string {
  const { names, likely: mentioned } = mentionedNames(lines.map((l) => l.text));
  // ("hubspot.md" on a page that never writes HubSpot: the file name is the likelier guess)
  const likely = fileNameGuess(sourceName) ?? mentioned;
  const mentions = names.length > 0 ? `; its text names ${names.join(', ')}` : '';
  return (
    `${sourceName}: no employer found in its title or headings (${questions} question${questions === 1 ? '' : 's'} found${mentions}). ` +
    `Say which employer it is: starling guide import ${sourceName} --employer "${likely ?? 'Acme'}"`
  );
}

const fullerIn = (name: string | undefined, sourceName: string, text: string) =>
  name && fullerInPath(name, sourceName, text);

/** A guide from a page in no layout Starling knows; refuses, saying what it found, when unsure. */
export function parseGeneralPage(text: string, sourceName: string, overrides: ParseOverrides = {}): Guide {
  const lines = linesOf(checkInput(text, sourceName));
  const head = headOf(lines);
  const inHead = head.map((h, i) => employerIn(h, i === 0 || i === titleIndex(head), i === 0 && lines[0]?.marked));
  const found = questionsIn(lines);
  const given = overrides.employer?.trim();
  const several = given ? [] : severalIn(lines, inHead);
  if (several.length > 0)
    throw new GuideParseError(severalEmployersMessage(sourceName, several, found.length), 'no-employer');
  const read =
    fullerIn(inHead.find(Boolean), sourceName, text) ||
    employerInWords(lines.map((l) => l.text)) ||
    underTitle(lines) ||
    employerInFileName(sourceName, text);
  const employer = given || (read && spelledOut(read, text));
  const role =
    overrides.role?.trim() || roleOnLine(lines.slice(0, 25).map((l) => l.text)) || roleIn(head) || 'Any role';
  if (!employer && found.length === 0) {
    throw new GuideParseError(
      `${sourceName} does not look like an interview guide page: no employer in its title or headings, and no ` +
        'questions under a heading such as "Interview Questions", "Coding" or "Behavioral". Save the page about ' +
        'interviewing at one employer, starting from its title.',
    );
  }
  if (!employer) throw new GuideParseError(noEmployerMessage(sourceName, lines, found.length), 'no-employer');
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
    process: processIn(lines),
    responsibilities: [],
    requirements: { mustHave: [], niceToHave: [] },
    faqs: faqsIn(lines),
    tips: tipsIn(lines),
    focusAreas: [],
    source: sourceName,
  };
  const checked = GuideSchema.safeParse(guide);
  if (!checked.success)
    throw new GuideParseError(`${sourceName}: ${checked.error.issues[0]?.message ?? 'not a valid guide'}`);
  return checked.data;
}
