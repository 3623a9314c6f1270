// The employer and role a page in no known layout is about: from its title and headings
// ("Stripe Interview Questions", "Interview Experience – Goldman Sachs"), or, when no heading
// names one, from the name the page's own sentences keep coming back to ("why Goldman Sachs",
// "at Goldman", "the Goldman Sachs superday").

import { mentionsIn, NAME } from './mentions';
import { EMPLOYER_GROUP } from './several';

// "Stripe Interview Questions", "Interviewing at Stripe", "Stripe Software Engineer Interview Guide"
const EMPLOYER_PATTERNS = [
  /^(?:the\s+)?(.+?)(?:'s)?\s+(?:interview(?:s|ing)?|(?:interview |hiring )?rounds|hiring process)\b/i,
  /\binterview(?:s|ing)? (?:at|with|@) ?(.+?)(?:[:|–—]| - |$)/i,
  /\binterview (?:experience|process|guide|questions|notes|prep)\s*(?:[–—:|]| - )\s*(.+)$/i,
  /\bhow to (?:pass|ace|crack|prepare for) (?:the |a |an )?(.+?)(?:'s)? (?:[\w -]{0,40}\s)?interview/i,
  /\bworking at (.+?)(?:[:|–—-]|$)/i,
  // "[Experienced] Microsoft Virtual Onsite August", "Google Phone Screen": a round named for its employer
  /^(?:\[?[^\][]{1,30}\]\s+)?((?:[A-Z][\w&.'-]*\s+){0,3}?[A-Z][\w&.'-]*)\s+(?:[Vv]irtual\s+)?(?:[Oo]n-?site|[Pp]hone [Ss]creen|[Oo]nline [Aa]ssessment)\b/,
];
// a page's first line labelling a list: "Facebook Problems:", "Stripe Interview Questions:"
const LABEL_LINE = /^((?:[A-Z][\w&.'-]*\s+){1,3}?)(?:[Ii]nterview\s+)?(?:[Qq]uestions|[Pp]roblems)\s*:$/;
// a page's own title that does not say "interview": "Revolut – Rev-celerator Internship Guide", "Jane Street SWE Internship"
const TITLE_ONLY = /^(?:the\s+)?(.+?)(?:'s)?\s+(?:[\w -]{0,40}\s)?(?:internships?|guide|handbook|prep(?:aration)?)\b/i;
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
export const ROLE_START = new RegExp(`^${ROLE_WORDS.source}`, 'i');
const ROLE_NAMES: Record<string, string> = {
  sde: 'Software Development Engineer',
  swe: 'Software Engineer',
  sre: 'Site Reliability Engineer',
  pm: 'Product Manager',
};

// words that open a title without naming anyone: "Types of interviews", "Technical interview guide"
const NOT_A_NAME =
  /^(?:interview(?:s|ing)?|internships?|preparation|prep|study|guide|questions?|online|recruiter|hiring|screening|initial|types?|technical|engineering|engineer|general|our|your|my|common|top|behaviou?ral|coding|system|design|final|onsite|phone|first|second|the|a|an|how|what|why|sample|example|mock|virtual|remote|live|total|round)\b/i;

/** The employer a heading names; `title` is the page's first line, where "Acme Interview Guide" is read too. */
// words beside a name in a title that are not part of it: "Uber Front End", "Atlassian Software Engineering Role"
const DESCRIPTORS =
  /\b(?:top|common|\d+|the|a|an|your|my|summer|winter|spring|fall|new grad|interns?(?:hip)?|on-?campus|off-?campus|analysts?|associates?|front[- ]?end|back[- ]?end|full[- ]?stack|technical|coding|behaviou?ral|system design|onsite|phone|final|mock|engineering|software|engineers?|developers?|web|mobile|roles?|questions|ultimate|complete|senior|staff|junior|sde-?\d?|sse|l\d[a-z]?|ic\d)\b/gi;

export const DESCRIPTOR_WORD = new RegExp(`^(?:${DESCRIPTORS.source})$`, 'i');
// "Front End Interview Questions" after "Dropbox": a descriptor of two words starts there
export const DESCRIPTOR_START = new RegExp(`^(?:${DESCRIPTORS.source})`, 'i');

// "Cracking the Dropbox Interview", "Mastering Dropbox Technical Interview Prep"
const LEADING_VERBS =
  /^(?:cracking|crack|acing|ace|mastering|master|nailing|preparing for|prepare for|inside|navigating|decoding|demystifying)\s+/i;

// practice sites a page is copied from or points to, not an employer it is about ("# LeetCode Interview")
const PRACTICE_SITE =
  /^(?:leetcode|hackerrank|hacker rank|geeksforgeeks|gfg|codesignal|coderbyte|interviewbit|codility|glassdoor|blind|careercup|pramp|levels\.fyi|indeed)$/i;

// the language a role is written in, left at the end of a name once the role was taken off ("Acme Java")
const ROLE_LANGUAGE =
  /(?<=\S)\s+(?:java|python|javascript|typescript|golang|ruby|scala|kotlin|swift|php|c\+\+|\.net|ios|android)$/i;

/** "Google Software Engineer" is Google: the role and descriptors are not part of the name. */
function nameOf(raw: string): string | undefined {
  let name = raw
    // "[Acme](https://...)" is its link's text; "[Experienced] Acme" a tag before the name
    .replace(/^\[([^\]]*)\]\(.*$/, '$1')
    .replace(/^\[?[^\][]{1,30}\]\s+(?=\S)/, '')
    // "Frequently Asked Questions in Microsoft" names Microsoft
    .replace(/^.*\b(?:[Qq]uestions|[Aa]sked|[Ee]xperiences?|[Gg]uide|[Tt]ips) (?:in|at|for|from) (?=[A-Z])/, '')
    .replace(LEADING_VERBS, '')
    .split(/ [-|–—] /)[0]
    ?.replace(ROLE_WORDS, '')
    .replace(DESCRIPTORS, '')
    .replace(/\s+/g, ' ')
    // "Interview with Microsoft." ends its sentence: the full stop is not the name's
    .replace(/[\s:–—.,;!?-]+$/, '')
    // "Elastic (Elasticsearch) Java Engineer": what the brackets explain and the language of the role are not the name
    .replace(/\s*\([^)]*\)/g, '')
    .replace(ROLE_LANGUAGE, '')
    .trim();
  // "Jane Street Quant Trader" is Jane Street: the name ends before the first word about the job
  const words = name?.split(' ') ?? [];
  const cut = words.findIndex((w, i) => i > 0 && (NOT_NAME_WORD.test(w) || TITLE_LINK_WORD.test(w)));
  if (cut > 0) name = words.slice(0, cut).join(' ');
  const initials = /\s+([A-Z]{2,4})$/.exec(name ?? '');
  if (name && initials?.[1] && isProgrammeInitials(name.slice(0, initials.index), initials[1]))
    name = name.slice(0, initials.index);
  // "ATLASSIAN" is Atlassian
  if (name && /^[A-Z\s&]{5,}$/.test(name)) name = name.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());
  // "interviews at Tech Companies": a kind of employer, not one
  const kind = /\b(?:companies|firms|startups|corporations)\b/i.test(name ?? '') || EMPLOYER_GROUP.test(name ?? '');
  return name &&
    name.length <= 40 &&
    /^[A-Z0-9]/.test(name) &&
    !NOT_A_NAME.test(name) &&
    !PRACTICE_SITE.test(name) &&
    // "Marwan Zibaoui's Adblock interview": whose it is and what it is about, not a name to trust
    !/'s\s/.test(name) &&
    !kind
    ? name
    : undefined;
}

/** "Optum TDP", "Google STEP": a programme's initials after a name written in lower case are not part of it. */
function isProgrammeInitials(name: string, word: string): boolean {
  return /^[A-Z]{2,4}$/.test(word) && /[a-z]/.test(name);
}

/** The employer a heading names; `title` is the page's title, where "Acme Interview Guide" is read too. */
export function employerIn(heading: string, title: boolean, first = false): string | undefined {
  // "<Name> ... interview" is trusted in the title only: "Before the interview" is a section
  if (heading.length > 300) return undefined;
  const patterns = title ? [...EMPLOYER_PATTERNS, LABEL_LINE] : EMPLOYER_PATTERNS.slice(1);
  // a title is short: a longer first line is no title to read a name from this way
  for (const re of first && heading.length <= 150 ? [...patterns, TITLE_ONLY] : patterns) {
    const raw = re.exec(heading)?.[1]?.trim();
    const name = raw && nameOf(raw);
    if (name) return wholeName(heading, name);
  }
  return undefined;
}

// words a Title Case title capitalises that join a clause, not a name: "Interview At Bloomberg But Ended Up ..."
// ("of" and "and" stay: "Bank of America", "Procter and Gamble")
const TITLE_LINK_WORD = /^(?:but|with|after|before|when|while|where|as|in|on|to|from|via|vs\.?|versus|because|so)$/i;

// capitalised words after a name that describe the page or the job, not the employer: "Jane Street SWE Internship"
export const NOT_NAME_WORD =
  /^(?:interview\w*|internships?|interns?|guide|handbook|prep\w*|experiences?|process|program(?:me)?|questions?|problems?|rounds?|hiring|careers?|superday|onsite|notes|tips|quant\w*|traders?|researchers?|scientists?|managers?|designers?|analysts?|technology|summer|winter|spring|fall|new|grad|university|campus)$/i;

/**
 * "Jane Street" from "Jane Street SWE Internship", where a lazy reading stops at "Jane": the name read,
 * with the capitalised words that follow it in the heading, up to the first role, descriptor or lowercase word.
 */
function wholeName(heading: string, name: string): string {
  const at = heading.indexOf(name);
  const after = at < 0 ? '' : heading.slice(at + name.length);
  if (!/^[ \t]/.test(after)) return name;
  const words = after.trim().split(/\s+/);
  let whole = name;
  for (const [i, raw] of words.entries()) {
    const m = /^(&|[A-Z][\w&.-]*?)('s|[.,:;!?)]+)?$/.exec(raw);
    const word = m?.[1];
    if (!word || NOT_NAME_WORD.test(word) || NOT_A_NAME.test(word) || DESCRIPTOR_WORD.test(word)) break;
    if (TITLE_LINK_WORD.test(word) || isProgrammeInitials(whole, word)) break;
    const rest = words.slice(i).join(' ');
    if (ROLE_START.test(rest) || DESCRIPTOR_START.test(rest)) break;
    whole = `${whole} ${word}`;
    if (m[2]) break;
  }
  whole = whole.replace(/ &$/, '');
  return whole.length <= 40 ? whole : name;
}

// "Dropbox Front End Interview Questions" names the kind of engineer without the word "Engineer"
const KIND_OF_ENGINEER: [RegExp, string][] = [
  [/\bfront[- ]?end\b/i, 'Front End Engineer'],
  [/\bback[- ]?end\b/i, 'Backend Engineer'],
  [/\bfull[- ]?stack\b/i, 'Full Stack Engineer'],
];

export function roleIn(lines: string[]): string | undefined {
  return namedRole(lines) ?? lines.map((l) => KIND_OF_ENGINEER.find(([re]) => re.test(l))?.[1]).find(Boolean);
}

function namedRole(lines: string[]): string | undefined {
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

/** The name a page's sentences keep naming ("why Goldman", "at Goldman Sachs"), if one stands out. */
export function employerInWords(lines: string[]): string | undefined {
  const { counts, ranked, strong } = mentionsIn(lines);
  const [best, second] = ranked;
  if (!best || best[1] < 3) return undefined;
  // "What is 'this' in JavaScript?", "Name JavaScript data types": a subject the page is about, not where one works
  if (![...strong].some((n) => n === best[0] || best[0].startsWith(`${n} `) || n.startsWith(`${best[0]} `)))
    return undefined;
  // "I interviewed with Stripe after three years at Google": the page is about the employer it interviewed with
  if (!interviewedWith(lines, best[0])) return undefined;
  if (second && second[1] === best[1] && !best[0].startsWith(second[0])) {
    // "About Microsoft Azure", "About Microsoft Al" and "why Microsoft": the name they share
    const shared = best[0].split(' ')[0] ?? '';
    return counts.has(shared) && second[0].startsWith(`${shared} `) ? shared : undefined;
  }
  return best[0];
}

const INTERVIEWED = new RegExp(String.raw`\b[Ii]nterview(?:ed|ing)?[ \t]+(?:with|at|for)[ \t]+(${NAME})`, 'g');

/** False when the page says it interviewed with someone other than `name` (and never with `name`). */
function interviewedWith(lines: string[], name: string): boolean {
  // ("interviewing for Software Engineer", "interviewed with NOT a name") name no employer
  const named = lines
    .flatMap((l) => [...l.matchAll(INTERVIEWED)].map((m) => m[1] ?? ''))
    .filter((n) => n && !ROLE_START.test(n) && !NOT_A_NAME.test(n) && !DESCRIPTOR_START.test(n));
  const first = (n: string) => n.split(/[ \t]+/)[0] ?? n;
  return named.length === 0 || named.some((n) => first(n) === first(name));
}

// "# Questions" over "## Microsoft": a title naming no one, whose first section is named for the employer
const GENERIC_TITLE = /^(?:(?:interview|company|my)\s+)?(?:questions|experiences?|notes|prep(?:aration)?)$/i;
const SECTION_WORDS =
  /^(?:overview|introduction|summary|general|contents|table of contents|about|background|process|preparation|resources|tips|behaviou?ral|technical|coding|algorithms?|system design|faqs?|misc(?:ellaneous)?|other|notes|questions|companies)$/i;

/** The employer a generic title's first sub-heading names, when that heading is a bare name. */
export function employerUnderTitle(title: string, firstSection: string): string | undefined {
  if (!GENERIC_TITLE.test(title.trim()) || SECTION_WORDS.test(firstSection)) return undefined;
  if (!/^[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,2}$/.test(firstSection)) return undefined;
  return nameOf(firstSection) === firstSection ? firstSection : undefined;
}
