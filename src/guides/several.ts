// Pages about several employers at once: a title comparing them ("Google vs Meta vs Amazon",
// "questions asked at Google, Amazon, Facebook, or Microsoft") or sections each named for one
// ("## Google", "## Amazon"). Such a page has no one employer to file its guide under, so the
// importer names what it found and asks which one is meant, rather than picking the first.

const WORD = String.raw`[A-Z][\w&.'-]*`;
// "Google vs Meta", "Google versus Amazon"
const VERSUS = new RegExp(String.raw`\b${WORD}(?:\s+(?:vs\.?|versus)\s+${WORD})+`, 'g');
// "Google, Amazon and Meta", "Google, Amazon, Facebook, or Microsoft": three or more names in a list
const SEPARATOR = /\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+/;
const LIST = new RegExp(
  String.raw`\b${WORD}(?:\s*,\s*(?:(?:and|or|&)\s+)?${WORD})+(?:\s+(?:and|or|&)\s+${WORD})?`,
  'g',
);

// groups of employers, no one of them: "FAANG interview notes"
export const EMPLOYER_GROUP = /^(?:faang|maang|manga|gafam|big tech|big four|big 4)$/i;

/** The employers a title names side by side, when it names two or more. */
export function employersComparedIn(title: string): string[] {
  const names = new Set<string>();
  for (const m of title.matchAll(VERSUS)) for (const n of m[0].split(/\s+(?:vs\.?|versus)\s+/)) names.add(n);
  for (const m of title.matchAll(LIST)) {
    // a list of employers is where one is named ("at ...", "for ...", "... interviews"), not "asked some SQL, Python, and Business"
    const before = title.slice(0, m.index);
    const after = title.slice(m.index + m[0].length);
    if (!/\b(?:at|for|with|from)\s+$/i.test(before) && !/^\s+interview/i.test(after)) continue;
    const listed = m[0].split(SEPARATOR);
    if (listed.length >= 3) for (const n of listed) names.add(n);
  }
  return names.size >= 2 ? [...names] : [];
}

/** Distinct names, a longer one counting as the shorter it starts with ("Microsoft Azure" is Microsoft). */
export function distinctEmployers(names: (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    if (!n || out.some((o) => o === n || n.startsWith(`${o} `) || o.startsWith(`${n} `))) continue;
    out.push(n);
  }
  return out;
}

/** What the importer says when a page names several employers and none is the page's own. */
export function severalEmployersMessage(sourceName: string, names: string[], questions: number): string {
  const shown = names.slice(0, 5).join(', ');
  return (
    `${sourceName}: names several employers (${shown}) and no one of them as the page's own ` +
    `(${questions} question${questions === 1 ? '' : 's'} found), so nothing was written. Say which employer it is: ` +
    `starling guide import ${sourceName} --employer "${names[0] ?? 'Acme'}"`
  );
}
