// Deciding whether to tell someone "you have no Result". Labelling picks the most likely
// reading of each sentence; this decision asks a different question: is the analyser sure
// nothing in the answer says how it ended? A false "you have no Result" costs more trust
// than a missed one (docs/star.md), so the confident alert needs two things at once: no
// sentence carrying even a weak outcome cue where an outcome could sit, and an answer that
// visibly stops on a step or on context. Anything in between gets a softer suggestion that
// asks for the outcome to be made explicit without claiming it is absent.
import type { Features, Label } from './feature-set';
import { CHANGE_VERBS, PLAIN_RESULT, RESULT_CUES, WITHIN_TIME } from './lexicon';

export type ResultAlert = 'missing' | 'unclear';

// Weak signs that a sentence tells how things turned out, beyond the labeller's result cues.
// Reflection, time after the actions and "never again" count even in a sentence that opens
// with "I"/"we" and a past verb ("Since then I never...", "I learned that...").
const OUTCOME_ANYWHERE =
  /\b(?:learn(?:ed|t) (?:that|how much|a lot|from|to|the|what|how)|successfully|succeeded|paid off|ahead of (?:schedule|time)|under budget|(?:was|were) (?:thrilled|delighted|grateful)|gained (?:a |an )?(?:better |deeper |new )?(?:awareness|understanding|appreciation|insight|perspective|confidence|respect)|reali[sz](?:ed|e) (?:that|how)|taught me|(?:i|we) (?:really )?grew (?:from|as|a lot|so much)|helped (?:me|us) grow|made me (?:a )?(?:better|stronger|more confident)|the (?:main |big |biggest |key |real )?lesson|lessons? (?:i|we|for me|was|here)|takeaway|what i took|looking back|in hindsight|ever since|since (?:then|that)|from then on|to this day|(?:never|no longer|not) [a-z ]{0,20}again|no longer|anymore|any more|it worked|worked (?:out|well)|(?:we|i) (?:finally |eventually )?(?:finished|shipped|launched|delivered|passed|won|(?:hit|met|beat) (?:the|our|my) (?:deadline|target|goal|date)|made it|got (?:the|it|approval|through)|came (?:first|second|third|in))|(?:a|one|two|three|six|few) (?:days?|weeks?|months?|years?) later|(?:did|done|finished|fixed|shipped) (?:it|that|the (?:whole )?(?:thing|job|change)) (?:that|the same|in (?:a|one)) (?:day|afternoon|morning|evening|week)|by the end|never looked back|without (?:asking for|needing|any) (?:\w+ )?(?:help|support|assistance|problems?|issues?|complaints?)|, (?:saving|cutting|reducing|ending|halving|doubling|freeing|bringing|making|giving|leaving) |which (?:\w+ )?(?:saved|cut|made|meant|helped|stopped|fixed|ended|gave|let|allowed)|helped (?:us|them|the|our|my|everyone)|allowed (?:us|them|the|our|me)|thanks to (?:this|that|it)|because of (?:this|that)|^(?:nobody|no one|none of|not one|everyone|everybody)\b|(?:has|have|'ve|hasn't|haven't) (?:\w+ )?(?:been|had|stayed|kept|closed|used|run|gone|become|grown|stuck|worked|finished|shipped|come|used)\b|for the rest of (?:the|that) [a-z]+|(?:we|they|she|he) (?:still|kept) (?:use|uses|using|used|run|runs|running)|(?:we|i) (?:got|received|earned) (?:promoted|a (?:promotion|raise|bonus|award|thank|call|mention|shout)|the (?:job|contract|deal|role|grant|go-ahead|budget|sign-off)|approval|funding)|(?:was|were|got|been) (?:later |then |soon |since |afterwards )(?:asked|invited|promoted|thanked|chosen)|asked (?:me|us) to (?:do (?:it|that|the same) again|roll it out|share|present it|repeat|run it))\b/;
// Outcome verbs, states that changed, time after the actions and verdicts, counted in a
// sentence that is not itself a plain "I did" / "we did" step.
const OUTCOME_ELSEWHERE =
  /\b(?:shipped|launched|went (?:live|away|down|up|well|fine|smoothly|quiet)|delivered|finished|passed|renewed|adopted|kept (?:using|it|the)|stuck|paid off|picked (?:back )?up|faded|dried up|disappeared|vanished|settled|calmed|solved|resolved|stopped|cleared|still|today|these days|now|later|eventually|afterwards|after (?:that|this|it|a (?:while|week|month|few))|by the time|(?:that|the next|the following|next) (?:day|week|month|quarter|year|season|term|spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december|monday|morning|release|sprint)|within|success(?:ful(?:ly)?)?|succeeded|thrilled|delighted|pleased|relieved|impressed|beneficial|helpful|valuable|appreciated|recogni[sz]ed|rewarded|smoothly|worked|paid|saved|improved|improvement|benefit(?:ed|ted)?|nobody|no one|everyone|everybody|not a single|fewer|less|faster|quicker|easier|better|smoother|happier|rare|rarely|thanked|grateful|praised|said (?:it|that|they|she|he|we)|told (?:me|us|the)|called it|best(?!-)|proud|liked it|loved it|feedback|ratings?|on time|in time|as planned|on the spot|got (?:the|a|it|back|through|approved)|won|hired|promoted|chose|picked|agreed|approved|signed off)\b/;

// A sentence that clearly describes a step taken or the scene, not how things ended.
function isStepOrScene(f: Features, text: string, label: Label, afterActions: boolean): boolean {
  // a Task or a scene told after the actions is no ordinary ending: "I was later asked to
  // train the other teams" may well be how it turned out
  if (label === 'task' || label === 'situation') return !afterActions;
  if (label === 'action')
    return f.iAct || f.weAct || f.iStarts || f.sequence || f.passiveAct || (f.passive && !f.otherAct);
  // "I agreed with them that they would ...": a step the labeller set aside for its "would"
  return f.iStarts || ((f.iAct || f.weAct) && OPENS_ON_STEP.test(text.toLowerCase()));
}

const LESSON_CLOSE = /\b(?:lessons?|taught me|takeaway|looking back|in hindsight)\b/i;

const OPENS_ON_STEP = /^\W*(?:(?:and|so|then|but|also|first|next|finally|after that),? )*(?:i|we) /;

/**
 * Does this sentence show any sign of telling how things turned out? In the speaker's own
 * step ("I cut the report to four pages", "so I moved it") only reflection, time after the
 * actions and outcome verbs count; a headline first sentence is read without that exception.
 */
export function weakOutcome(f: Features, text: string, headline = false): boolean {
  const lower = text.toLowerCase().replace(/[’‘]/g, "'");
  if (f.consequence || OUTCOME_ANYWHERE.test(lower)) return true;
  const step = !headline && (f.iAct || f.weAct || f.iStarts);
  if (!step) return f.result || f.change || OUTCOME_ELSEWHERE.test(lower);
  // a step may end on its outcome: "I rolled it out, and complaints stopped"; the clause
  // after the step counts when it is not another step of the speaker's
  for (const tail of lower.matchAll(TAIL)) {
    const rest = lower.slice((tail.index ?? 0) + tail[0].length);
    // "and a rule that ...", "and to ...": the step goes on; "and the complaints ..." starts anew
    if (!CLAUSE_SUBJECT.test(rest) || /^(?:then |also |quickly )?(?:i|we) /.test(rest)) continue;
    if (
      RESULT_CUES.test(rest) ||
      OUTCOME_ELSEWHERE.test(rest) ||
      CHANGE_VERBS.test(rest) ||
      // someone else's response to the step ("and the judges gave us a mention") is how it
      // turned out as often as not
      RESPONSE.test(rest)
    )
      return true;
  }
  return false;
}

const RESPONSE =
  /^(?:[a-z]+ ){0,3}?(?:[a-z]+ed|gave|made|said|told|took|got|went|came|became|kept|chose|won|sent|paid|saw|let)\b/;
const CLAUSE_SUBJECT =
  /^(?:they|he|she|it|everyone|everybody|nobody|no one|people|the|our|my|their|his|her|this|that|[a-z]+s (?:were|had|went|got|came|stopped|started|[a-z]+ed))\b/;
// A bare " so " mostly gives the purpose ("so they spent less time driving"); after a comma
// it more often gives what followed.
const TAIL = /(?:[,;:—–-]\s*(?:and |so |which |who |but )?|\s(?:and|which|who|until|but)\s)/g;

/**
 * For a story with no sentence labelled Result: 'missing' when the analyser is confident
 * there is none, 'unclear' when some sentence may be the outcome. The index of the sentence
 * that looks most like an outcome is returned so the feedback can point at it.
 */
export function judgeMissingResult(
  feats: Features[],
  labels: Label[],
  texts: string[],
): { alert: ResultAlert; candidate?: number } {
  const firstAction = labels.indexOf('action');
  // where an outcome could sit: a headline first sentence, and anything from the first
  // action on; context told before the actions ("sign-ups were dropping") is not an outcome
  let candidate: number | undefined;
  for (let i = texts.length - 1; i >= 0; i--) {
    const f = feats[i] as Features;
    if (f.code || f.meta) continue;
    const text = texts[i] as string;
    // an outcome told plainly ("we rolled back within the hour", "it went smoothly") or a
    // closing lesson is a Result that may be there: never claim it is absent
    const lower = text.toLowerCase().replace(/[’‘]/g, "'");
    const plain = PLAIN_RESULT.test(lower) || LESSON_CLOSE.test(text);
    if (i === 0 && texts.length > 1) {
      // a result told first: a measured change counts even next to a time anchor ("At my
      // last job I cut the bill by a third"); other cues only when the sentence does not
      // read as the opening scene, where "went down" or "early" describe the setting
      const measured = (f.change && f.number) || f.consequence || OUTCOME_ANYWHERE.test(lower);
      const lasting = f.change || /\b(?:still|now|today|these days|result|outcome|proud(?:est)?)\b/.test(lower);
      if (measured || ((lasting || plain || WITHIN_TIME.test(lower)) && (headlineLike(f) || f.result))) candidate = i;
      continue;
    }
    // from the first action on, a step may end on its outcome; past it, a sentence that is
    // neither a step nor meta talk (present tense, "they loved it") may be the outcome; a
    // story told in one sentence may end on its outcome or lesson ("... and what I learned")
    const fromActions = firstAction >= 0 ? i >= firstAction : i > 0 || texts.length === 1;
    const step = f.iAct || f.weAct || f.iStarts;
    const unplaced = i > firstAction && labels[i] === 'other' && !f.modal && !f.habit && !step;
    if (fromActions && (weakOutcome(f, text) || unplaced || plain || (WITHIN_TIME.test(lower) && !step))) {
      candidate = i;
      break;
    }
  }
  if (candidate !== undefined) return { alert: 'unclear', candidate };
  // the answer must visibly stop on a step or on context
  let last = texts.length - 1;
  while (last >= 0 && ((feats[last] as Features).meta || (feats[last] as Features).code)) last--;
  if (last < 0) return { alert: 'missing' };
  const f = feats[last] as Features;
  const label = labels[last] as Label;
  if (isStepOrScene(f, texts[last] as string, label, firstAction >= 0 && last > firstAction))
    return { alert: 'missing' };
  return { alert: 'unclear', candidate: last };
}

/** A first sentence that could be a result told first, not the opening scene. */
function headlineLike(f: Features): boolean {
  return !f.time && !f.situation && !f.task;
}
