// Small text helpers shared by the practice messages.
import type { GuideLibrary } from '../guides/library';
import type { Guide } from '../guides/schema';

/** An answer window as people say it: "24 hours", "90 minutes". */
export function formatWindow(minutes: number): string {
  return minutes % 60 === 0 ? plural(minutes / 60, 'hour') : plural(minutes, 'minute');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function pct(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)}%` : '–';
}

/** An employer's display name from a stored slug (the slug itself if the guide is gone). */
export function employerName(guides: GuideLibrary, slug: string): string {
  try {
    return guides.lookup(slug).guide?.employer ?? slug;
  } catch {
    return slug;
  }
}

export function categoryLabel(category: string): string {
  return category.replace(/-/g, ' ');
}

export function quote(text: string, max = 160): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** The shortest name that finds this guide, for examples people can copy: `chop`. */
export function shortName(guides: GuideLibrary, guide: Guide): string {
  const names = [...guide.aliases, guide.employer, guide.slug].sort((a, b) => a.length - b.length);
  const name = names.find((n) => guides.lookup(n).guide?.slug === guide.slug) ?? guide.slug;
  const lower = name.toLowerCase();
  return /\s/.test(lower) ? `"${lower}"` : lower;
}
