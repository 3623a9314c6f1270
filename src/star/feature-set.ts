// The labels and what the labeller knows about one sentence (features.ts computes it;
// outcome.ts, story.ts and vector.ts read it).

export type Part = 'situation' | 'task' | 'action' | 'result';
export type Label = Part | 'other';

export interface Features {
  words: number;
  /** "I" + a past verb of doing. */
  iAct: boolean;
  /** "we" + a past verb of doing. */
  weAct: boolean;
  /** someone else + a past verb of doing ("he agreed", "the team voted"). */
  otherAct: boolean;
  passive: boolean;
  /**
   * an agentless passive step by someone other than the speaker's "I"/"we": "the forms were
   * rewritten", "the bug got fixed", "it has been split into three steps". No owner is named.
   */
  passiveAct: boolean;
  /** any past tense at all. */
  past: boolean;
  /** past of a state ("was", "had"), past progressive. */
  pastState: boolean;
  modal: boolean;
  /** the speaker's own plan: "I would", "we'll", "I might" (not "you would" or "they would"). */
  ownModal: boolean;
  habit: boolean;
  generic: boolean;
  presentOnly: boolean;
  meta: boolean;
  hasI: boolean;
  hasWe: boolean;
  time: boolean;
  situation: boolean;
  task: boolean;
  result: boolean;
  change: boolean;
  number: boolean;
  sequence: boolean;
  code: boolean;
  /** the sentence opens with "I" or "we" and a past verb (after a connective). */
  iStarts: boolean;
  /** an explicit consequence: "which meant", "as a result". */
  consequence: boolean;
  /** some sign of how things turned out, however weak (see outcome.ts). */
  outcome: boolean;
}
