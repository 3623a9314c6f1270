// Does the story answer the question? A question about a kind of situation (a conflict, a
// failure, a deadline, requirements that changed) names what the story should be about. The
// check is deliberately lenient: it speaks up only when the story has none of the many words
// that kind of situation is told with, since telling someone their story is off-topic when it
// is not costs more than saying nothing.

export interface TopicKind {
  id: string;
  /** what the question asks for, as the feedback names it */
  asks: string;
  question: RegExp;
  answer: RegExp;
}

export const TOPICS: TopicKind[] = [
  {
    id: 'changing requirements',
    asks: 'a time the requirements or plans changed part-way through',
    question:
      /\b(?:requirements?|scope|specs?|plans?|priorities|direction) (?:\w+ ){0,3}(?:change[sd]?|changing|shift(?:ed|s)?)|\bchang(?:e|es|ed|ing) (?:\w+ ){0,2}(?:requirements?|scope|priorities|direction|plans?)\b|\bmid-?way\b|\bpivot/,
    answer:
      /\b(?:chang|shift|pivot|switch|revis|updat|adjust|adapt|redesign|rework|rewr|re-?plan|re-?scop|repriorit|scope|moved?\b|new (?:requirement|request|rule|direction|scope|priorit|spec|plan|deadline|feature)|last[- ]minute|mid-?way|half-?way|part-?way|instead|different|no longer|anymore|added|dropped|cancel)/,
  },
  {
    id: 'conflict',
    asks: 'a conflict or disagreement with someone',
    question:
      /\b(?:conflicts?|disagree(?:d|ment)?|difficult (?:co-?worker|colleague|team ?mate|person|people|stakeholder|manager|boss)|get along|tension|argument|clash)/,
    answer:
      /\b(?:conflict|disagre|argu|tension|clash|frustrat|upset|angry|annoy|push(?:ed|ing)? back|pushback|objected|friction|difficult|complain|dispute|odds|resist|tense|blam|confront|concern|differ|opinion|heated|didn't (?:agree|get along|like|want)|did not (?:agree|like|want)|refus|unhappy|issue with|problem with|tough|hard time|wouldn't|rude|defensive|criticis|criticiz|against)/,
  },
  {
    id: 'failure',
    asks: 'a time something went wrong or you made a mistake',
    question:
      /\b(?:fail(?:ed|ure|ing)?|mistakes?|errors?|went wrong|go wrong|setbacks?|didn't go|regret|messed up|screwed up)\b/,
    answer:
      /\b(?:fail|mistake|wrong|error|miss|broke|broken|bug|forgot|overlook|slip|setback|didn't|did not|couldn't|could not|wasn't|was not|lost|late|problem|issue|oops|blame|apolog|regret|should have|shouldn't|lesson|learn|fault|crash|outage|incident|mess|badly|poor|bad|realis|realiz|underestimat|overestimat|not enough)/,
  },
  {
    id: 'deadline',
    asks: 'working to a tight deadline or under time pressure',
    question:
      /\b(?:deadlines?|tight (?:timeline|schedule|turnaround)|(?:time )?pressure|short notice|crunch|time-sensitive)\b/,
    answer:
      /\b(?:deadline|due|days?|weeks?|hours?|minutes?|months?|tight|time|rush|crunch|pressure|deliver|date|launch|release|schedul|overtime|late|night|weekend|urgent|asap|quick|fast|tomorrow|friday|monday|morning|evening|soon|early|sprint)/,
  },
  {
    id: 'leadership',
    asks: 'a time you led or influenced others',
    question:
      /\b(?:led|lead(?:ing|ership)?|without (?:formal |direct )?authority|influenc\w*|persuad\w*|convinc\w*|motivat\w*)\b/,
    answer:
      /\b(?:lead|led|organi[sz]|coordinat|convinc|persuad|propos|present|pitch|mentor|coach|guid|delegat|rall|ran\b|run\b|initiat|took (?:charge|the lead|ownership|over)|team|group|buy-?in|influenc|motivat|encourag|inspir|manag|agree|vote|decid|meeting|everyone|people|others|colleague)/,
  },
  {
    id: 'customer',
    asks: 'a difficult customer or client',
    question:
      /\b(?:difficult|angry|unhappy|upset|demanding) (?:customers?|clients?|users?|stakeholders?)\b|\bcustomer (?:complaint|service)/,
    answer:
      /\b(?:customer|client|user|patient|buyer|caller|guest|account|complain|request|ticket|support|stakeholder|consumer|shopper|visitor|member|parent|student|public)/,
  },
  {
    id: 'prioritising',
    asks: 'juggling competing priorities',
    question:
      /\b(?:priorit\w*|competing|multiple (?:deadlines|projects|tasks)|juggl\w*|too much (?:work|on your plate))\b/,
    answer:
      /\b(?:priorit|urgent|important|first|competing|deadline|order|list|triage|schedul|juggl|balanc|trade-?off|postpon|defer|focus|plate|workload|busy|time|both|several|multiple|many|two|three|projects|tasks)/,
  },
];

/** The kind of situation a question asks about, if it names one. */
export function topicOf(question: string | undefined): TopicKind | undefined {
  if (!question) return undefined;
  const q = question.toLowerCase().replace(/[’‘]/g, "'");
  return TOPICS.find((t) => t.question.test(q));
}

/** Whether the story plainly fails to mention the kind of situation the question asks about. */
export function offTopic(kind: TopicKind, answer: string): boolean {
  return !kind.answer.test(answer.toLowerCase().replace(/[’‘]/g, "'"));
}
