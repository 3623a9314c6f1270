// Which question a channel gets next. Pure: the same channel state always picks the
// same question, which also lets a replica that finds an already-posted occurrence
// record exactly what a crashed replica posted.

export interface Candidate {
  id: string;
  category: string;
}

/** A small stable hash (FNV-1a) for deterministic choices. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Picks the next question: never one asked in the channel until every candidate has
 * been asked as often, preferring the category the group has answered least.
 */
export function pickQuestion<Q extends Candidate>(
  candidates: readonly Q[],
  asked: ReadonlyMap<string, number>,
  answersByCategory: ReadonlyMap<string, number>,
  seed: string,
): Q | undefined {
  if (candidates.length === 0) return undefined;
  const times = (q: Q) => asked.get(q.id) ?? 0;
  const least = Math.min(...candidates.map(times));
  const fresh = candidates.filter((q) => times(q) === least);
  const categories = [...new Set(fresh.map((q) => q.category))].sort();
  const fewest = Math.min(...categories.map((c) => answersByCategory.get(c) ?? 0));
  const quiet = categories.filter((c) => (answersByCategory.get(c) ?? 0) === fewest);
  const h = stableHash(seed);
  const category = quiet[h % quiet.length];
  const pool = fresh.filter((q) => q.category === category).sort((a, b) => a.id.localeCompare(b.id));
  return pool[Math.floor(h / quiet.length) % pool.length];
}
