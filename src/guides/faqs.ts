// FAQs labelled "Q:" and "A:", read wherever they are, so a page whose FAQ heading was
// lost does not turn them into tips or responsibilities; and the running text that
// answers the FAQ before it.
import type { PageState } from './page-state';

/** True when the line was a FAQ's question or part of its answer. */
export function readFaqLine(s: PageState, line: string): boolean {
  const faqQuestion = s.section === 'questions' ? null : /^Q\s*[:.]\s*(.+)$/i.exec(line);
  if (faqQuestion?.[1]) {
    const split = /^(.+?\?)\s+(.+)$/.exec(faqQuestion[1]);
    s.openFaq =
      split?.[1] && split[2] ? { question: split[1], answer: split[2] } : { question: faqQuestion[1], answer: '' };
    s.faqs.push(s.openFaq);
    return true;
  }
  const { openFaq } = s;
  const faqAnswer = /^A\s*[:.]\s*(.+)$/i.exec(line);
  const nextUnlabelledQuestion = s.section === 'faqs' && !faqAnswer && line.endsWith('?') && openFaq?.answer;
  if (openFaq && !nextUnlabelledQuestion && (s.section === 'faqs' || faqAnswer?.[1])) {
    const more = faqAnswer?.[1] ?? line;
    openFaq.answer = openFaq.answer ? `${openFaq.answer}\n\n${more}` : more;
    return true;
  }
  return false;
}
