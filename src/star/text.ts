import type { Part } from './label';

export const PARTS: Part[] = ['situation', 'task', 'action', 'result'];

/** The one length rule: said to members in these words, and used to judge an answer's length. */
export const LENGTH_AIM = { from: 100, to: 300 } as const;

/** A sentence shortened for quoting back to its author. */
export function clip(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,;:.]$/, '')}…`;
}
