// A page's questions as the guide keeps them: each once, with its category and whether
// a good answer is a STAR story. Shared by every front.
import { type Guide, type QuestionCategory, questionId, questionKey } from './schema';

/** A question as a page listed it, with the categories its heading named. */
export interface FoundQuestion {
  text: string;
  context: QuestionCategory[];
}

// Phrases that mark a question as asking for one specific past episode.
const STORY =
  /\b(tell (me|us) about (a|an|one) (time|situation|moment|occasion|project)|describe (a|an|one) (time|situation|moment|occasion|instance)|give (me |us )?(an|one) example (of|when)|share (a|an) (time|example|experience)|recall a time|walk (me|us) through a time)\b/;
// "How do you handle ..." in a behavioural setting is answered best with a story too.
const HANDLING =
  /^how (do|did|have) you (handle|handled|deal|dealt|manage|managed|respond|responded|resolve|resolved)\b/;
const PAST_WORK =
  /\b(you('ve| have)? (worked on|built|maintained|shipped|led|owned|designed|delivered)|you (didn't|did not) (originally )?build|your (past|previous) projects?|a project you)\b/;
const HYPOTHETICAL =
  /^(what would you do|how would you (handle|respond|approach|deal|react)|imagine|suppose|say you)\b/;

function plain(questionText: string): string {
  return questionText.toLowerCase().replace(/[‘’]/g, "'");
}

/**
 * The category of a question, from the heading it sits under when that heading
 * names one category, otherwise from how the question is asked.
 */
function categorise(questionText: string, context: QuestionCategory[]): QuestionCategory {
  const t = plain(questionText);
  if (/^(design|architect)\b/.test(t) || /\bhow would you (design|architect)\b/.test(t)) return 'system-design';
  const [only] = context;
  if (only && context.length === 1) return only;
  if (HYPOTHETICAL.test(t)) return 'situational';
  const story = STORY.test(t);
  if (context.includes('project-deep-dive') && (PAST_WORK.test(t) || story)) return 'project-deep-dive';
  if (context.includes('technical')) return 'technical';
  if (only) return only;
  if (story || /^why\b/.test(t)) return 'behavioral';
  if (PAST_WORK.test(t)) return 'project-deep-dive';
  return 'technical';
}

/** Whether a good answer is a STAR story about one real past episode. */
function callsForStar(questionText: string, category: QuestionCategory): boolean {
  const t = plain(questionText);
  return STORY.test(t) || (category === 'behavioral' && HANDLING.test(t));
}

/** The guide's questions from those a page listed: each once, with its category and id. */
export function guideQuestionsOf(slug: string, found: FoundQuestion[]): Guide['questions'] {
  const seen = new Set<string>();
  const out: Guide['questions'] = [];
  for (const q of found) {
    const key = questionKey(q.text);
    if (seen.has(key)) continue;
    seen.add(key);
    const category = categorise(q.text, q.context);
    out.push({ id: questionId(slug, q.text), text: q.text, category, star: callsForStar(q.text, category) });
  }
  return out;
}
