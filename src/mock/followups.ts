// The follow-up questions an interviewer would ask next, chosen from what the analysis
// found missing or weak, most important first. Each quotes the member's own sentence it
// builds on, so the question is about their story, not a checklist. Pure.
import type { Analysis } from '../star';

export type FollowupKind = 'story' | 'result' | 'measure' | 'own' | 'task' | 'fit' | 'more';

export interface Followup {
  kind: FollowupKind;
  /** The member's sentence it builds on (may be empty for a very short answer). */
  quote: string;
  /** The question, quote included. */
  text: string;
}

/** At most this many follow-ups after one answer, as a real interviewer would. */
const MAX_FOLLOWUPS = 2;
const SHORT_WORDS = 60;
const QUOTE_MAX = 140;

function clip(s: string): string {
  const t = s.trim().replace(/\s+/g, ' ');
  return t.length <= QUOTE_MAX ? t : `${t.slice(0, QUOTE_MAX - 1).trimEnd()}…`;
}

function said(quote: string): string {
  return quote ? `You said: “${clip(quote)}”\n` : '';
}

type Sentences = Analysis['sentences'];
const lastOf = (s: Sentences, label: string) => [...s].reverse().find((x) => x.label === label)?.text;
const firstOf = (s: Sentences, label: string) => s.find((x) => x.label === label)?.text;
const WE = /\b(we|our|us|the team)\b/i;
const I = /\bI\b/;

/** Every follow-up this analysis calls for, most important first. */
function followupsFor(a: Analysis, storyQuestion: boolean): Followup[] {
  const s = a.sentences;
  const first = s[0]?.text ?? '';
  const last = s.at(-1)?.text ?? '';
  const out: Followup[] = [];
  const add = (kind: FollowupKind, quote: string, ask: string) =>
    out.push({ kind, quote, text: `${said(quote)}${ask}` });
  if (storyQuestion && !a.story) {
    add(
      'story',
      first,
      'Can you tell me about one specific time this happened? Where were you, and what was going on?',
    );
    return out;
  }
  // an approach question (design, technical) is not scored as a story: only a short answer is pressed
  if (!storyQuestion) {
    if (a.wordCount < SHORT_WORDS)
      add('more', first, 'Tell me more: how would you go about it, step by step, and why?');
    return out;
  }
  if (!a.story) return out;
  if (!a.parts.result.present) {
    add('result', lastOf(s, 'action') ?? last, 'And what was the result? What changed because of what you did?');
  } else if (!a.resultMeasured) {
    add(
      'measure',
      lastOf(s, 'result') ?? last,
      'How did you know it worked? Is there a number, a date or a before-and-after you could give?',
    );
  }
  const weAction = s.find((x) => x.label === 'action' && WE.test(x.text) && !I.test(x.text))?.text;
  if (a.ownership.flagged) {
    add('own', weAction ?? firstOf(s, 'action') ?? first, 'What did you do yourself, as opposed to the team?');
  }
  if (!a.parts.task.present) {
    add('task', firstOf(s, 'situation') ?? first, 'What were you responsible for there? What was your goal?');
  }
  if (a.fit && !a.fit.fits) {
    add(
      'fit',
      first,
      `The question asks about ${a.fit.asks}. Which part of this story shows that, or is there another time that fits better?`,
    );
  }
  if (a.wordCount < SHORT_WORDS && out.length === 0) {
    add('more', firstOf(s, 'action') ?? first, 'Tell me more: what did you do, step by step, and why?');
  }
  return out;
}

/**
 * The next follow-up to ask: the most important one not asked yet in this round.
 * `asked` holds the kinds already asked after this question.
 */
export function nextFollowup(
  a: Analysis,
  storyQuestion: boolean,
  asked: readonly FollowupKind[],
): Followup | undefined {
  if (asked.length >= MAX_FOLLOWUPS) return undefined;
  // "tell me more" is for a first answer that is short; after a follow-up, the answer has grown
  return followupsFor(a, storyQuestion).find(
    (f) => !asked.includes(f.kind) && (f.kind !== 'more' || asked.length === 0),
  );
}
