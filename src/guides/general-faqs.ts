// The FAQ section of a page in no known layout ("## Frequently Asked Questions", "## FAQ"): its
// questions are about the interview or the employer ("How long does the process take?"), not
// interview questions; each is kept with the answer under it, as the shipped layout's FAQs are.
import type { Line } from './page-lines';

export interface Faq {
  question: string;
  answer: string;
}

// the heading alone: "Frequently Asked Questions in Google Interviews" lists interview questions
export const FAQ_HEADING = /^(?:frequently asked questions|faqs?|f\.a\.q\.?)(?:\s*\(faqs?\))?\s*:?$/i;

// "Q: Do they ask system design?", "Q1. Is there a take-home?"
const Q_LABEL = /^q\d{0,2}\s*[:.)]\s*(.+)$/i;
const A_LABEL = /^a\d{0,2}\s*[:.)]\s*(.+)$/i;
// "Can I use Python? Yes, any language.": the question and its answer on one line
const ASKED_THEN_ANSWERED = /^(.{6,200}?\?)\s+(\p{Lu}.*)$/u;

/** The question a line of a FAQ section asks, with the answer on its line if any; undefined for an answer line. */
function askedIn(l: Line): Faq | undefined {
  const labelled = Q_LABEL.exec(l.text)?.[1];
  const text = labelled ?? l.text;
  if (!labelled && !text.endsWith('?')) {
    const both = ASKED_THEN_ANSWERED.exec(text);
    return both?.[1] && (l.item || l.heading) ? { question: both[1], answer: both[2] ?? '' } : undefined;
  }
  const both = ASKED_THEN_ANSWERED.exec(text);
  return both?.[1] ? { question: both[1], answer: both[2] ?? '' } : { question: text, answer: '' };
}

/** The FAQs under the page's FAQ headings, each with the lines answering it. */
export function faqsIn(lines: Line[]): Faq[] {
  const out: Faq[] = [];
  let level: number | undefined;
  let open: Faq | undefined;
  for (const l of lines) {
    if (l.marked && level !== undefined && l.level <= level && l.level < 7) level = undefined;
    if (l.marked && FAQ_HEADING.test(l.text)) {
      level = l.level;
      open = undefined;
      continue;
    }
    if (level === undefined) continue;
    const asked = askedIn(l);
    if (asked) {
      open = asked;
      out.push(open);
      continue;
    }
    if (!open) continue;
    const more = A_LABEL.exec(l.text)?.[1] ?? l.text;
    open.answer = open.answer ? `${open.answer}\n\n${more}` : more;
  }
  return out;
}
