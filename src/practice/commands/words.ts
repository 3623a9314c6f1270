// What several commands read from typed words: an employer and a category, a time of day,
// the employer and category options, and who may change a channel.
import { UserError } from '../../chat/errors';
import type { CommandOption } from '../../chat/registry';
import type { CommandEvent } from '../../chat/types';
import type { GuideLibrary } from '../../guides/library';
import { parseCategory, QUESTION_CATEGORIES } from '../../guides/schema';
import { readEmployerPhrase } from './phrase';

const CATEGORY_LIST = QUESTION_CATEGORIES.join(', ');

/**
 * An employer and a category typed as text (`/prep question`, the end of
 * `/prep schedule`): the employer is the longest run of leading words naming a guide,
 * the category the longest run after it, and anything after that is `extra`.
 */
export function readEmployerCategory(
  guides: GuideLibrary,
  words: readonly string[],
): { employer?: string; category?: string; extra?: string } {
  const phrase = readEmployerPhrase(guides, words, (rest) => !!parseCategory(rest.join(' ')));
  const out: { employer?: string; category?: string; extra?: string } = phrase.employer
    ? { employer: phrase.employer }
    : {};
  const rest = phrase.rest;
  if (rest.length === 0) return out;
  for (let k = rest.length; k >= 1; k--) {
    const category = rest.slice(0, k).join(' ');
    if (parseCategory(category)) {
      return { ...out, category, ...(k < rest.length ? { extra: rest.slice(k).join(' ') } : {}) };
    }
  }
  // Not a category: refused as one when the command runs.
  return { ...out, category: rest.join(' ') };
}

export function requireCategory(text: string, example: string): string {
  const c = parseCategory(text);
  if (!c) throw new UserError(`"${text}" is not a question category. The categories are ${CATEGORY_LIST}.`, example);
  return c;
}

export function requireAdmin(event: CommandEvent, what: string): void {
  if (!event.author.isAdmin) {
    throw new UserError(`Only channel admins can ${what}.`, 'ask an admin of this channel to run it');
  }
}

/** Reads times people write: 9, 9am, 9:30pm, 09:00, 21:15, 0915. */
export function parseTime(text: string): string | undefined {
  const m = /^(\d{1,2})(?::?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(text.trim());
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  const half = m[3]?.toLowerCase().replace(/\./g, '');
  if (minute > 59) return undefined;
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  } else if (hour > 23 || (m[2] === undefined && text.trim().length > 2)) {
    return undefined;
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The employer and category a schedule or a mock interview draws its questions from. */
export const FILTER_OPTIONS: readonly CommandOption[] = [
  { name: 'employer', description: 'Only this employer', type: 'string', autocomplete: 'employer' },
  {
    name: 'category',
    description: 'Only this category',
    type: 'string',
    autocomplete: 'category',
    choices: QUESTION_CATEGORIES,
  },
];
