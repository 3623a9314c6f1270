// Is each part there at all? The best label sequence is cautious: a story's context or its
// outcome told in a sentence that also reads as something else loses its part. A part the
// sequence left out is given to its likeliest sentence when that sentence is likely enough
// to be it (the `presentFrom` thresholds in weights.json, chosen on sources the model did not
// learn from), and never by taking the only sentence of another part.
import type { Label, Part } from './label';
import { model } from './model';
import { PARTS } from './text';

/**
 * The labels of a story with every likely part given a sentence, and each part's highest
 * probability. Parts in `keep` are left as the sequence has them.
 */
export function settleParts(
  labels: Label[],
  probs: Record<Label, number>[],
  keep: Part[] = [],
): { labels: Label[]; likelihood: Record<Part, number> } {
  const out = [...labels];
  const likelihood = {} as Record<Part, number>;
  for (const part of PARTS) {
    likelihood[part] = Math.max(0, ...probs.map((p) => p[part]));
    if (out.includes(part) || keep.includes(part)) continue;
    const best = likeliestFree(out, probs, part);
    if (best >= 0 && (probs[best] as Record<Label, number>)[part] >= model().presentFrom[part]) out[best] = part;
  }
  return { labels: out, likelihood };
}

/** The likeliest sentence for the part that is not the only sentence of another part. */
function likeliestFree(out: Label[], probs: Record<Label, number>[], part: Part): number {
  let best = -1;
  for (let i = 0; i < out.length; i++) {
    const own = out[i] as Label;
    if (own !== 'other' && out.filter((l) => l === own).length < 2) continue;
    if (best < 0 || (probs[i] as Record<Label, number>)[part] > (probs[best] as Record<Label, number>)[part]) best = i;
  }
  return best;
}
