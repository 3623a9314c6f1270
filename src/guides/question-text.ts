// The text of a question as a page writes it: a problem's name, a label or quotes around the
// question, a tag before it, an example's lead-in after it, a stated quiz item, a list of topics,
// a line labelled as the problem.
import { asks } from './asking';

const NOT_A_NAME = /^(?:i|we|my|our|the|this|that|it|they|he|she|you|there|other|one|some|these|those|also)\b/i;

const STAGE =
  /\b(?:interviews?|rounds?|assessments?|screening|phone screen|onsite|(?:coding|online|aptitude|written|technical) tests?)$/i;

/** "1st Technical Interview", "Online Coding Test", "HR Round": a stage of the process, not a problem. */
export function isStage(t: string): boolean {
  return t.split(/\s+/).length <= 5 && STAGE.test(t);
}

/** A problem's name: "LRU Cache", "Serialize and Deserialize Binary Tree", "lru-cache". */
export function isName(t: string): boolean {
  // "Meta Strings (Check if two strings can become same ...)": a name, what its brackets say explains it
  const words = t.replace(/(?<=\S)\s*\([^()]*\)$/, '').split(/\s+/);
  // "Difficulty: Easy" is a detail with its value
  if (words.length > 7 || NOT_A_NAME.test(t) || /[,:]$|\b(?:and|or)$|^[\w ]{1,20}:\s/.test(t)) return false;
  if (/\b(?:questions|problems|was|were|is|are|had|has|have|did)\b/i.test(t)) return false;
  if (isStage(t)) return false;
  return words.length >= 2 || /^[a-z0-9]+(?:-[a-z0-9]+)+$/i.test(t);
}

/** "Follow-up: What if ...?" is "What if ...?"; "Users First: "Tell me ..."" is Tell me ... */
function unlabelled(t: string): string {
  // '"Tech execution" round: you're given ...' has a quoted label
  // "Problem solving : How do you ..." has a space before its colon
  const m = /^(?:[A-Z][\w/&'-]*|["“][^"”]{1,30}["”])(?: [\w/&'-]+){0,3} ?\??:\s+(.+)$/.exec(t);
  const rest = m?.[1] ? unquoted(m[1]) : undefined;
  return rest && asks(rest) ? rest : t;
}

function unquoted(t: string): string {
  const m = /^["“'‘](.+)["”'’]$/.exec(t);
  return m?.[1]?.trim() ?? t;
}

// what a list adds after its question: how often it was reported and where ("(153 times): https://..."),
// a pointer to its answer ("(Solution)", "(Watch answer)", "See our example answer to this question here.")
const POINTERS =
  /(?:\s*\(\d+ times\))?(?::?\s+https?:\/\/\S+)?(?:\s*\((?:solution|watch answer|answer)\))?(?:(?<=[.?!])\s+(?:see|watch|read) (?:our|an?|the)\b[^.]*\b(?:answers?|solutions?)\b.*)?\.?$/i;

function withoutPointers(text: string): string {
  const t = text.replace(POINTERS, (m) => (/^[.?!]/.test(m) || m === '' ? m : ''));
  // '... except nums[i]." (Solution)': a closing quote whose opening one was lost goes with the pointer
  if (t !== text && /^[^"“]*["”]$/.test(t)) return t.slice(0, -1).trim();
  // '"Serialize a binary tree" (Solution)' was quoted for its pointer: the quotes go with it
  return t !== text ? t.replace(/^["“]\s*(.+?)\s*["”]?$/, '$1') : text;
}

// "What is concurrency and how it is maintained. and some other questions": the tail says more were asked
const MORE_ASKED =
  /(?:[.,;]\s*|\s+)(?:and|&)\s+(?:some|a few|many|several|a couple of)\s+(?:other|more)\s+(?:questions|ones)\.?$/i;

// "Fruit Into Baskets (LC 904)", "Two Sum (LeetCode #1)": the practice site's number points to it, it is not the question
const SITE_NUMBER = /\s*\((?:lc|leetcode)\s*#?\s*\d{1,4}\)$/i;

// "Hacker Rank - Disk Space Analysis", "Stream Aggregation [Rebalanced]": where it came from and a tag, not the question
const SITE_PREFIX = /^(?:hacker ?rank|leetcode|geeksforgeeks|gfg|codesignal|interviewbit)\s*[-–—:|]\s+(?=\S)/i;
const TAG_AFTER = /\s*\[\p{L}[\p{L} -]{0,19}\]$/u;

// "Edit Distance (Medium) - Dynamic Programming": a problem's name, its difficulty, then what it exercises
const DIFFICULTY_THEN_TAGS =
  /^(.{3,80}?)\s+\((?:easy|medium|hard)(?:\s*[/-]\s*(?:easy|medium|hard))?\)\s+[-–—]\s+\S.*$/i;

export function cleaned(text: string): string {
  // (only where its words are: most lines have none)
  const named = text.includes(') ') ? DIFFICULTY_THEN_TAGS.exec(text)?.[1] : undefined;
  if (named) return named;
  const told = / (?:other|more) /i.test(text) ? text.replace(MORE_ASKED, (m) => (/^[.]/.test(m) ? '.' : '')) : text;
  const bare0 = told.replace(SITE_PREFIX, '').replace(TAG_AFTER, '');
  const bare = withoutPointers(bare0.endsWith(')') ? bare0.replace(SITE_NUMBER, '') : bare0);
  let t = bare.endsWith(')') ? bare.replace(/\s*\((?:easy|medium|hard|free)\)$/i, '') : bare;
  // "(Explore) How would you ...", "[Easy] Reverse a linked list": a tag before the question is not its text
  if (/^[([]/.test(t)) t = t.replace(/^[([][^()[\]]{1,25}[)\]]\s+(?=\p{Lu})/u, '');
  // "... between them. Example:" ends where its example begins
  // ("... dictionary words. Sample input-output is as follows:" likewise)
  if (t.endsWith(':'))
    t = t.replace(/\s+(?:for )?(?:example|e\.g\.|eg)s?:$/i, '').replace(/(?<=[.?!])\s+sample\b[^.?!]*:$/i, '');
  return withoutCommentary(unlabelled(unquoted(withoutOutcome(t.trim()))));
}

// "... where i>=j. Solved in optimal way", "... a threshold. Constraint: a window of X hours. Solved": how
// it went and the limits set after it, not more of the question
const OUTCOME =
  /(?<=[.?!])\s+(?:(?:not |partially )?solved|(?:i )?(?:could(?:n't| not) solve|solved it))\b[^.?!]*[.!]?$/i;
const CONSTRAINT_AFTER = /(?<=[.?!])\s+constraints?\s*:.*$/i;

function withoutOutcome(t: string): string {
  if (!/solve|constraint/i.test(t)) return t;
  return t.replace(OUTCOME, '').replace(CONSTRAINT_AFTER, '');
}

/**
 * "How do you implement Swagger? They mean this!", "What are your strengths? (Give examples!)": the
 * question ends at its question mark when what follows is a remark on it, not more of the question.
 */
const REMARK_START = /^(?:they|this|that|these|it|he|she|i|we|note|lol|haha)\b/i;

function withoutCommentary(t: string): string {
  const m = /^(.{10,}?\?)\s+(\S.*)$/.exec(t);
  const rest = m?.[2];
  if (!m?.[1] || !rest || /\?/.test(rest)) return t;
  const said = rest.replace(/^[-–—]\s*/, '');
  // ("... phone numbers? Code an example solution and explain." goes on with the task)
  const remark = /^\(.*\)?$/.test(rest) || (REMARK_START.test(said) && !asks(said));
  return remark ? m[1] : t;
}

// "The average and worst-case time complexity of Merge Sort." in a list of questions: a quiz item
// stated, not asked; a report ("I solved it.", "Other questions were not remembered.") is none
const REPORT = /^(?:i|my|our|he|she|they|it|this|that|there)\b|\b(?:was|were|did|had|got|went|asked|remembered)\b/i;

/** A sentence an item of a questions list states: a question when its list is mostly questions. */
export function isStatement(t: string): boolean {
  const words = t.split(/\s+/).length;
  return /\.$/.test(t) && words >= 5 && words <= 80 && !REPORT.test(t) && !topicList(t);
}

/** "Operating systems - Memory management, processes, threads, paging.": areas to revise, not a question. */
function topicList(t: string): boolean {
  const parts = t.split(/,\s+/);
  return parts.length >= 3 && parts.filter((p) => p.split(/\s+/).length <= 3).length >= parts.length - 1;
}

// "Problem 1: The Celebrity Problem.", "Problem: Design a metrics system.", "A real-world design
// problem: build a click counter": a line the page labels as its problem or question states it
const NUMBERED_LABEL = /^(?:problem|question|q)\s*#?\d{1,3}\s*[:.)–—-]\s*(.+)$/i;
// ("Coding Question - find the maximum ..." labels it with a dash)
const PROBLEM_LABEL = /^(?:an? |the )?(?:[\w-]+ ){0,3}(?:problem|question|task|prompt)(?:\s*:|\s+[–—-])\s*(.+)$/i;

export function labelledProblem(text: string): string | undefined {
  const numbered = NUMBERED_LABEL.exec(text)?.[1];
  if (numbered && numbered.split(/\s+/).length <= 40) return cleaned(numbered);
  const rest = PROBLEM_LABEL.exec(text)?.[1];
  if (!rest || rest.split(/\s+/).length < 3) return undefined;
  // "LLD problem: Logs are coming in from 100s of machines. Raise an alert ...": labelled, it states the problem
  // ("The problem: I ran out of time" reports on the writer)
  const states = /^(?:[\w-]+ )?(?:problem|question|task)\s*:/i.test(text) && !REPORT.test(rest);
  return asks(rest) || states ? cleaned(rest) : undefined;
}
