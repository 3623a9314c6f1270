// The names a page's sentences mention as a place ("at Goldman Sachs", "why Stripe", "Acme's
// interviews", "in JavaScript"), counted, for reading the employer from a page's own words. A name
// only ever led to by "in", "to" or "about" is a subject as often as an employer: it is not strong.

// names that pages mention often without being the employer: the practice sites and tools
const NOT_EMPLOYERS = new Set(
  'i the a an this that my our your we it in on at for and or but if so round interview online technical hr sql oops leetcode hackerrank geeksforgeeks glassdoor github coderbyte hirevue karat codesignal youtube linkedin medium star dsa oa faang'.split(
    ' ',
  ),
);
export const NAME = String.raw`(?:[A-Z][\w&]*|[A-Z]{2,})(?:[ \t]+[A-Z][\w&]*){0,2}`;
const MENTION = new RegExp(
  String.raw`\b(?:[Aa]t|[Ww]ith|[Ff]or|[Jj]oin(?:ing)?|[Ww]hy|[Ss]pecifically|[Aa]bout|[Ii]n|[Tt]o)[ \t]+(${NAME})|\b(${NAME})(?:'s)?[ \t]+(?:interviews?|onsite|superday|hiring|careers|recruiters?|engineers?)\b`,
  'g',
);

// "in Python", "to Kafka", "about React": words that lead to a subject as often as to an employer
const WEAK_LEAD = /^(?:[Ii]n|[Tt]o|[Aa]bout|[Ss]pecifically)[ \t]/;

// sites a page names as tools that are employers too: named as the reason to join ("why LinkedIn",
// "joining LinkedIn") or as a post's hashtag ("#LinkedIn"), they are the employer the page is about
const SITES = new Set('linkedin github youtube medium glassdoor leetcode hackerrank'.split(' '));
const MOTIVE = /(?:\b(?:[Ww]hy|[Jj]oin(?:ing)?)[ \t]+|(?:^|\s)#)([A-Z][\w&]*)/g;

export interface Mentions {
  counts: Map<string, number>;
  /** the names with their counts, a longer name counting its shorter start too, most first */
  ranked: (readonly [string, number])[];
  /** the names named as a place of work at least once ("at", "with", "for", "join", "why", "Acme's interviews") */
  strong: Set<string>;
}

export function mentionsIn(lines: string[]): Mentions {
  const counts = new Map<string, number>();
  const strong = new Set<string>();
  const add = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const line of lines) {
    for (const m of line.matchAll(MENTION)) {
      // "at Google I led ...": the speaker's "I" after a name is not part of it
      const name = (m[1] ?? m[2] ?? '')
        .replace(/[.]+$/, '')
        .replace(/[ \t]+I$/, '')
        .trim();
      if (
        name &&
        !NOT_EMPLOYERS.has(name.toLowerCase()) &&
        !NOT_EMPLOYERS.has(name.split(' ')[0]?.toLowerCase() ?? '')
      ) {
        add(name);
        if (!WEAK_LEAD.test(m[0])) strong.add(name);
      }
    }
    if (line.includes('#') || /\b(?:[Ww]hy|[Jj]oin)/.test(line))
      for (const m of line.matchAll(MOTIVE))
        if (m[1] && SITES.has(m[1].toLowerCase())) {
          add(m[1]);
          strong.add(m[1]);
        }
  }
  // "Goldman" counts toward "Goldman Sachs": a longer name the page also uses is the full one
  // ("at Twitter Seattle" once beside "Twitter" five times is Twitter: a longer name used once is a
  // place or a team of the shorter one, and counts toward it instead)
  const once = (name: string) => (counts.get(name) ?? 0) < 2;
  const score = (name: string) =>
    [...counts]
      .filter(
        ([n]) =>
          (once(name) ? n === name : n === name || name.startsWith(`${n} `)) || (n.startsWith(`${name} `) && once(n)),
      )
      .reduce((t, [, c]) => t + c, 0);
  const ranked = [...counts.keys()]
    .map((n) => [n, score(n)] as const)
    .sort((x, y) => y[1] - x[1] || y[0].length - x[0].length);
  return { counts, ranked, strong };
}

/**
 * The names a page mentions most (twice or more), for a refusal to offer: at most three, those
 * named as a place of work first; `likely` is the first of those, when there is one ("in Rust"
 * alone is a subject, not an employer to suggest).
 */
export function mentionedNames(lines: string[]): { names: string[]; likely?: string } {
  const { ranked, strong } = mentionsIn(lines);
  const often = ranked.filter(([, c]) => c >= 2).map(([n]) => n);
  const names = [...often.filter((n) => strong.has(n)), ...often.filter((n) => !strong.has(n))].slice(0, 3);
  const likely = names.find((n) => strong.has(n));
  return likely ? { names, likely } : { names };
}
