// Sentence labelling. Each sentence gets a score per label from its own features
// (features.ts); a soft order prior then picks the best sequence (Viterbi), so going back
// from Action to Situation costs something but remains possible for result-first answers.
import type { Features, Label, Part } from './feature-set';

export type { Features, Label, Part } from './feature-set';

const LABELS: Label[] = ['situation', 'task', 'action', 'result', 'other'];

export interface Weights {
  backward: number;
  /** learned sequence scores, already weighted; absent = none */
  order?: OrderScores;
}
export const DEFAULT_WEIGHTS: Weights = { backward: 2.5 };

/** Scores by label index (LABELS order): opening, following a label (from * 5 + to), closing. */
export interface OrderScores {
  start: Float64Array;
  next: Float64Array;
  end: Float64Array;
}

/** Score each label for one sentence; higher is more likely. */
export function scores(
  f: Features,
  index: number,
  count: number,
  heading?: Part,
  previous?: Features,
): Record<Label, number> {
  const s: Record<Label, number> = { situation: 0.1, task: 0, action: 0.2, result: 0, other: 0 };
  if (f.code) {
    s.other = 5;
    return s;
  }
  if (heading) s[heading] += 6;
  const nonStory = f.modal || f.habit || (f.generic && !f.iAct) || (f.presentOnly && !f.result);
  if (f.meta) s.other += 3;
  if (f.modal) s.other += 3;
  if (f.habit) s.other += 2.5;
  if (f.generic) s.other += 2;
  if (f.presentOnly) s.other += 1.5;
  if (!f.past && !f.pastState && !f.iAct && !f.weAct && !f.result && !f.time && !f.task) s.other += 0.8;

  if (f.time) s.situation += 2;
  if (f.situation) s.situation += 1.5;
  if (f.pastState) s.situation += 1;
  if (index === 0) s.situation += 0.6;

  if (f.task) {
    s.task += 3;
    // "At my last job I was asked to ...": the assignment is the point, the anchor is scenery
    s.situation -= 0.8;
  }

  if (f.iAct) s.action += 2;
  if (f.weAct) s.action += 1.7;
  if (f.otherAct) s.action += 0.8;
  if (f.passive && !f.pastState) s.action += 1;
  // after the opening, an ownerless passive step ("The forms were rewritten.") is an action
  // told without its actor, not scenery; the opening sentence and anything anchored in time
  // ("the service was deployed in 2019") stay context; so does the closing sentence, which
  // is as often how it ended ("the new starters got set up on day one"), unless it goes on
  // a run of ownerless steps
  const closing = index === count - 1 && !(previous?.passiveAct && !previous.iAct && !previous.weAct);
  if (f.passiveAct && index > 0 && !closing && !f.time && !f.result && !f.change && !f.consequence) s.action += 2;
  if (f.sequence) s.action += 1.2;

  if (f.result) s.result += 2.2;
  if (f.change) s.result += f.number ? 2 : 1;
  if (f.number && (f.change || f.result)) s.result += 0.8;
  if (index === count - 1 && count > 2) {
    s.result += 0.6;
    // A closing sentence in the past that is not another "I did" / "we did" step is usually
    // how things ended. A false "missing result" costs more trust than a missed one, so the
    // last sentence leans towards Result.
    if (!f.iStarts && !f.sequence && !f.passive && (f.past || f.pastState || f.otherAct) && !f.modal && !f.habit) {
      s.result += 1;
    }
  }
  // the closing sentence that is not a step but shows how things went ("The room is full
  // every week now", "I passed all three papers")
  if (index === count - 1 && count > 2 && f.outcome && !f.meta && !f.modal && !f.habit && !f.generic) {
    s.result += 1.5;
  }
  if (index === 0 && f.change && f.number) s.result += 1.5;
  // "I introduced a rule that ... within 24 hours": an action whose detail sounds like an outcome
  if (f.iStarts && !f.change && !f.consequence) s.result -= 1;
  if (f.consequence) s.result += f.number ? 1.5 : 0.5;
  if (nonStory) {
    s.situation -= 1;
    s.action -= 1;
    s.result -= 1;
    s.task -= 1;
  }
  return s;
}

/** The best label sequence under the soft order prior. */
export function decode(all: Record<Label, number>[], w: Weights = DEFAULT_WEIGHTS): Label[] {
  const n = all.length;
  if (n === 0) return [];
  // state = label × furthest story part reached so far (-1 before any), as label * 5 + furthest + 1
  const S = 25;
  const score = new Float64Array(n * S).fill(Number.NEGATIVE_INFINITY);
  const back = new Int32Array(n * S).fill(-1);
  const order = [0, 1, 2, 3, -1]; // by LABELS: situation, task, action, result, other
  const first = all[0] as Record<Label, number>;
  for (let li = 0; li < 5; li++) {
    const label = LABELS[li] as Label;
    // a result told first is a headline; the story proper still starts from the beginning
    const furthest = label === 'other' || label === 'result' ? -1 : (order[li] as number);
    score[li * 5 + furthest + 1] = first[label] + (w.order ? (w.order.start[li] as number) : 0);
  }
  const row = new Float64Array(5);
  for (let i = 1; i < n; i++) {
    const sc = all[i] as Record<Label, number>;
    for (let li = 0; li < 5; li++) row[li] = sc[LABELS[li] as Label];
    const base = (i - 1) * S;
    for (let from = 0; from < S; from++) {
      const pc = score[base + from] as number;
      if (pc === Number.NEGATIVE_INFINITY) continue;
      const furthest = (from % 5) - 1;
      const prev = Math.floor(from / 5) * 5;
      for (let li = 0; li < 5; li++) {
        let value = pc + (row[li] as number) + (w.order ? (w.order.next[prev + li] as number) : 0);
        let nf = furthest;
        const ord = order[li] as number;
        if (ord >= 0) {
          if (ord < furthest) value -= w.backward * Math.sqrt(furthest - ord);
          if (ord > nf) nf = ord;
        }
        const to = i * S + li * 5 + nf + 1;
        if (value > (score[to] as number)) {
          score[to] = value;
          back[to] = from;
        }
      }
    }
  }
  let best = 0;
  let top = Number.NEGATIVE_INFINITY;
  const last = (n - 1) * S;
  for (let st = 0; st < S; st++) {
    const value = (score[last + st] as number) + (w.order ? (w.order.end[Math.floor(st / 5)] as number) : 0);
    if (value > top) {
      best = st;
      top = value;
    }
  }
  const out: Label[] = new Array(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = LABELS[Math.floor(best / 5)] as Label;
    best = i > 0 ? (back[i * S + best] as number) : 0;
  }
  return out;
}
