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
