// The role a page states on a line of its own: "**Role:** Summer Analyst Intern",
// "**Job Description**: Associate Software Developer", "# Job Description: Software Engineer".

const ROLE_LINE = /^(?:role|position|job title|job description|job role)\s*[:–—-]\s*(\S.{1,70}?)\s*$/i;

/** The role the first line labelled with it names, without a trailing "(SDE)" or full stop. */
export function roleOnLine(lines: string[]): string | undefined {
  for (const l of lines) {
    const role = ROLE_LINE.exec(l.replace(/\*\*|__/g, '').trim())?.[1]
      ?.replace(/\s*\([^)]*\)$/, '')
      .replace(/[.;,]+$/, '');
    if (role && /^\p{Lu}/u.test(role) && role.split(/\s+/).length <= 8) return role;
  }
  return undefined;
}
