// The shape of an analysis: what the member's answer is found to hold (Analysis, public) and
// what the feedback needs beside it (Detail). Types only, so the analyser, the story model and
// the feedback can share them without importing one another.
import type { Features, Label, Part } from './feature-set';
import type { ResultAlert } from './outcome';

/**
 * What the member is told of a part: 'present' when a sentence is labelled with it;
 * 'missing' (a ✗, "add the X") only when the analyser is confident no sentence is; else
 * 'unclear' (a "?", a softer wording).
 */
export type PartStatus = 'present' | 'unclear' | 'missing';

export interface Analysis {
  story: boolean;
  storyReason: string;
  /** each sentence, its label, and the words that chose the label ("a goal or responsibility") */
  sentences: { text: string; label: Label; why: string[] }[];
  parts: Record<Part, { present: boolean; sentences: string[]; status: PartStatus }>;
  /**
   * How sure the analyser is about the Result, for what others see: 'present' when a
   * sentence is labelled Result, 'unclear' when none is but one may be the outcome (the
   * softer "make the outcome explicit" suggestion), 'missing' when it is confident there is
   * none (or the answer is not a story). `parts.result.present` stays the labelling.
   */
  resultStatus: 'present' | 'unclear' | 'missing';
  ownership: { iShare: number | null; flagged: boolean };
  resultMeasured: boolean;
  wordCount: number;
  length: 'too short' | 'short' | 'good' | 'long' | 'too long';
  /** fillers ("um", "basically", "you know") per 100 words. */
  fillerDensity: number;
  /** hedges ("kind of", "maybe", "I guess") per 100 words. */
  hedgeDensity: number;
  checks: { passed: number; total: number; items: { name: string; passed: boolean }[] };
  /**
   * False when the answer could not be read at all (not English, code only, no words):
   * there is then no STAR score, and it counts in no STAR figure. Absent on older analyses.
   */
  readable?: boolean;
  /**
   * When the question asks about a kind of situation: what it asks for, and whether the
   * story seems to be about it. Absent when the question names no kind or this is no story.
   */
  fit?: { asks: string; fits: boolean };
  suggestions: string[];
  praise: string;
  feedback: string[];
}

/** Internal detail the feedback needs but the public shape does not carry. */
export interface Detail {
  features: Features[];
  labels: Label[];
  texts: string[];
  nonStoryKind:
    | 'hypothetical'
    | 'habit'
    | 'generic'
    | 'no past event'
    | 'empty'
    | 'no words'
    | 'code'
    | 'not english'
    | undefined;
  fillers: string[];
  hedges: string[];
  /**
   * For a story with no sentence labelled Result: 'missing' when the analyser is confident
   * there is none (the "Add the Result" alert), 'unclear' when a sentence may be the
   * outcome (a softer "make the outcome explicit"). Undefined otherwise.
   */
  resultAlert: ResultAlert | undefined;
  /** The sentence that may be the outcome when resultAlert is 'unclear'. */
  resultCandidate: string | undefined;
  /** The closing lesson when every Result sentence is a lesson and none says what changed. */
  lessonOnly: string | undefined;
  /** How likely the story model finds it that this is a story (1 or 0 where rules decide alone). */
  storyProbability: number;
  /** For each part, the highest probability any sentence has of being it (0 for a non-story). */
  partProbability: Record<Part, number>;
  /** The highest Result probability of a sentence that is not a plain step (outcome-signs.ts). */
  resultEvidence: number;
}
