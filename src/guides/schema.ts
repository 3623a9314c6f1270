// The structured form of an employer interview guide. Everything that reads guides
// (daily questions, /prep tips, the importer) relies on this shape, so a file under
// content/guides/ is only used once it passes GuideSchema.
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const QUESTION_CATEGORIES = [
  'behavioral',
  'technical',
  'system-design',
  'situational',
  'project-deep-dive',
] as const;
export type QuestionCategory = (typeof QUESTION_CATEGORIES)[number];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = z.string().trim().min(1, 'must not be empty');

const QuestionSchema = z.strictObject({
  id: z.string().regex(SLUG, 'must be lowercase letters, digits and single dashes, e.g. "acme-engineer-1a2b3c4d"'),
  text,
  category: z.enum(QUESTION_CATEGORIES, {
    error: (iss) =>
      iss.input === undefined
        ? 'is missing'
        : `must be one of ${QUESTION_CATEGORIES.join(', ')}; got ${JSON.stringify(iss.input)}`,
  }),
  star: z.boolean({
    error: (iss) =>
      iss.input === undefined ? 'is missing' : `must be true or false; got ${JSON.stringify(iss.input)}`,
  }),
});

export const GuideSchema = z
  .strictObject({
    slug: z.string().regex(SLUG, 'must be lowercase letters, digits and single dashes, e.g. "acme-software-engineer"'),
    employer: text,
    aliases: z.array(text),
    role: text,
    overview: z.string(),
    questions: z.array(QuestionSchema),
    evaluationAreas: z.array(z.strictObject({ name: text, description: z.string() })),
    process: z.array(text),
    responsibilities: z.array(text),
    requirements: z.strictObject({
      mustHave: z.array(text),
      niceToHave: z.array(text),
      /** Qualification bullets the page lists without saying must-have or nice-to-have. */
      qualifications: z.array(text).optional(),
    }),
    faqs: z.array(z.strictObject({ question: text, answer: z.string() })),
    tips: z.array(text),
    focusAreas: z.array(text),
    source: text,
  })
  .superRefine((guide, ctx) => {
    // Question ids are how answers and schedules refer to a question, so two
    // questions sharing one would mix up their answers.
    const ids = new Map<string, number>();
    const texts = new Map<string, number>();
    guide.questions.forEach((q, i) => {
      const seenId = ids.get(q.id);
      if (seenId !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'id'],
          message: `duplicates the id of questions[${seenId}]`,
        });
      } else ids.set(q.id, i);
      const key = questionKey(q.text);
      const seenText = texts.get(key);
      if (seenText !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'text'],
          message: `repeats questions[${seenText}]; each question appears once`,
        });
      } else texts.set(key, i);
    });
    const aliases = new Set<string>();
    guide.aliases.forEach((alias, i) => {
      if (aliases.has(alias.toLowerCase())) {
        ctx.addIssue({ code: 'custom', path: ['aliases', i], message: `"${alias}" is listed twice` });
      }
      aliases.add(alias.toLowerCase());
    });
  });

export type Guide = z.infer<typeof GuideSchema>;
export type GuideQuestion = Guide['questions'][number];

/**
 * What two question texts share when they are the same question: case, spacing,
 * curly quotes and trailing punctuation do not make a new question.
 */
export function questionKey(questionText: string): string {
  return questionText
    .normalize('NFKC')
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.?!]+$/, '')
    .trim();
}

/** A question id that stays the same when the same page is imported again. */
export function questionId(slug: string, questionText: string): string {
  const hash = createHash('sha256').update(questionKey(questionText)).digest('hex').slice(0, 8);
  return `${slug}-${hash}`;
}

/** Lowercase words joined by dashes; apostrophes vanish so "Children's" becomes "childrens". */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['‘’`´]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// The words people use for each category, in chat commands and on guide pages.
const CATEGORY_WORDS: Record<QuestionCategory, string[]> = {
  behavioral: [
    'behavioral',
    'behavioural',
    'behavior',
    'behaviour',
    'behaviors',
    'behaviours',
    'cultural fit',
    'culture fit',
    'culture',
    'personality fit',
    'personality',
    'values',
    'soft skills',
  ],
  technical: ['technical', 'tech', 'technical skills', 'coding', 'technical knowledge'],
  'system-design': ['system design', 'systems design', 'system', 'design', 'architecture', 'sd'],
  situational: ['situational', 'situation', 'situations', 'scenario', 'scenarios', 'hypothetical'],
  'project-deep-dive': [
    'project deep dive',
    'project deep dives',
    'deep dive',
    'deep dives',
    'deepdive',
    'project',
    'projects',
    'project experience',
    'past projects',
  ],
};

function categoryWords(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

const WORD_TO_CATEGORY = new Map<string, QuestionCategory>();
for (const category of QUESTION_CATEGORIES) {
  WORD_TO_CATEGORY.set(categoryWords(category), category);
  for (const word of CATEGORY_WORDS[category]) WORD_TO_CATEGORY.set(categoryWords(word), category);
}

/**
 * A category from how a person writes it: "system design", "System-Design",
 * "behavioural", "deep-dive", or an unambiguous start such as "behav" or "sit".
 */
export function parseCategory(value: string): QuestionCategory | undefined {
  const words = categoryWords(value);
  if (!words) return undefined;
  const exact = WORD_TO_CATEGORY.get(words);
  if (exact) return exact;
  if (words.length < 3) return undefined;
  const matches = new Set<QuestionCategory>();
  for (const [word, category] of WORD_TO_CATEGORY) {
    if (word.startsWith(words)) matches.add(category);
  }
  return matches.size === 1 ? [...matches][0] : undefined;
}

/** Every category a heading such as "Technical & Project Deep Dives" names. */
export function categoriesInHeading(heading: string): QuestionCategory[] {
  const words = ` ${categoryWords(heading)} `;
  const found: QuestionCategory[] = [];
  // Longest phrases first, so "project deep dive" is not also read as a bare "design".
  const phrases = [...WORD_TO_CATEGORY.entries()].sort((a, b) => b[0].length - a[0].length);
  let rest = words;
  for (const [phrase, category] of phrases) {
    if (phrase.length < 4) continue;
    const padded = ` ${phrase} `;
    if (rest.includes(padded)) {
      if (!found.includes(category)) found.push(category);
      rest = rest.split(padded).join('  ');
    }
  }
  return found;
}
