// What reading a page in the shipped layout has found so far, and where it is: the
// section, the marker in force and the question categories of the last heading.
import { type Mode, type Section, unquote } from './layout';
import type { FoundQuestion } from './questions';
import type { QuestionCategory } from './schema';
import type { Token } from './tokens';

export interface Title {
  role: string;
  employer?: string;
  line: number;
}

interface Named {
  name: string;
  description: string;
}

interface Faq {
  question: string;
  answer: string;
}

export interface PageState {
  sourceName: string;
  tokens: Token[];
  title?: Title;
  overview: string[];
  questions: FoundQuestion[];
  evaluationAreas: Named[];
  process: string[];
  responsibilities: string[];
  mustHave: string[];
  niceToHave: string[];
  qualifications: string[];
  faqs: Faq[];
  tips: string[];
  focusAreas: string[];
  sectionsSeen: number;
  section: Section;
  mode: Mode;
  context: QuestionCategory[];
  /** The evaluation area whose description the running text adds to. */
  area?: Named;
  /** The FAQ whose answer the running text adds to. */
  openFaq?: Faq;
}

export function startPage(sourceName: string, tokens: Token[]): PageState {
  return {
    sourceName,
    tokens,
    overview: [],
    questions: [],
    evaluationAreas: [],
    process: [],
    responsibilities: [],
    mustHave: [],
    niceToHave: [],
    qualifications: [],
    faqs: [],
    tips: [],
    focusAreas: [],
    sectionsSeen: 0,
    section: 'preamble',
    mode: 'none',
    context: [],
  };
}

export function addQuestion(s: PageState, q: string): void {
  const cleaned = unquote(q) ?? q;
  // A bullet of one or two words is a label, not something to answer.
  if (cleaned.split(' ').length < 3) return;
  s.questions.push({ text: cleaned, context: s.context });
}
