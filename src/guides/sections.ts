// One reader per section of the shipped layout: what a line under that section's
// heading adds to the guide, as a list item (`bullet`) or as running text.
import { looksLikeHeading, type Section, splitNamed, unquote } from './layout';
import { addQuestion, type PageState } from './page-state';
import { categoriesInHeading } from './schema';

type SectionReader = (s: PageState, line: string, bullet: boolean) => void;

function readOverview(s: PageState, line: string, bullet: boolean): void {
  s.overview.push(bullet ? `- ${line}` : line);
}

function readQuestions(s: PageState, line: string, bullet: boolean): void {
  if (bullet) {
    addQuestion(s, line);
    return;
  }
  const quoted = unquote(line);
  if (quoted) addQuestion(s, quoted);
  else if (looksLikeHeading(line)) s.context = categoriesInHeading(line);
  // Other lines here introduce a category ("These questions test...").
}

function readEvaluation(s: PageState, line: string): void {
  // A line that names no area is the section's introduction.
  const named = splitNamed(line);
  if (named) s.evaluationAreas.push(named);
}

function readDeepDive(s: PageState, line: string, bullet: boolean): void {
  if (bullet) {
    // Unlabelled bullets under an evaluation area are topics to know.
    s.focusAreas.push(line);
  } else if (looksLikeHeading(line)) {
    s.area = { name: line, description: '' };
    s.evaluationAreas.push(s.area);
    s.context = categoriesInHeading(line);
  } else if (s.area) {
    s.area.description = s.area.description ? `${s.area.description}\n\n${line}` : line;
  }
}

function readRequirements(s: PageState, line: string, bullet: boolean): void {
  // Running text here introduces the bullets that follow.
  if (bullet) s.qualifications.push(line);
}

function readFaqs(s: PageState, line: string, bullet: boolean): void {
  // A question without the "Q:" label, its answer on the lines after it.
  if (!bullet && line.endsWith('?')) {
    s.openFaq = { question: line, answer: '' };
    s.faqs.push(s.openFaq);
  }
}

const ignore: SectionReader = () => {};

const READERS: Record<Section, SectionReader> = {
  preamble: ignore,
  overview: readOverview,
  questions: readQuestions,
  evaluation: readEvaluation,
  deepDive: readDeepDive,
  process: (s, line) => s.process.push(line),
  responsibilities: (s, line) => s.responsibilities.push(line),
  requirements: readRequirements,
  faqs: readFaqs,
  tips: (s, line) => s.tips.push(line),
  ignored: ignore,
};

/** Reads a line the marker in force (if any) did not take, by the section it is in. */
export function readInSection(s: PageState, line: string, bullet: boolean): void {
  READERS[s.section](s, line, bullet);
}
