// An employer a page's title writes as its initials ("GS Interview Experience") and its sentences
// spell out ("my Goldman Sachs superday"): the name spelled out, as a guide should be filed under.

/** The words the page spells `name` with when `name` is initials ("GS" and "Goldman Sachs"), else `name`. */
export function spelledOut(name: string, text: string): string {
  if (!/^[A-Z]{2,4}$/.test(name)) return name;
  const words = [...name].map((c) => `${c}[a-z]+`).join(String.raw`[ \t]+`);
  const m = new RegExp(String.raw`\b(${words})\b`).exec(text);
  return m?.[1] ?? name;
}
