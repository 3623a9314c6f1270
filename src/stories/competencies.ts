// The competency map (content/competencies.json): which competencies a story bank
// sorts stories by, and the words and question categories that show each one.
// Loaded once, on first use, and validated so a broken file says what is wrong.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { QUESTION_CATEGORIES } from '../guides/schema';

const ID = /^[a-z]+(?:-[a-z]+)*$/;

const CompetencySchema = z.strictObject({
  id: z.string().regex(ID, 'must be lowercase letters and dashes, e.g. "customer"'),
  label: z.string().trim().min(1, 'must not be empty'),
  words: z.array(z.string().trim().toLowerCase().min(2, 'a word must have at least 2 letters')).min(1),
  categories: z.array(z.enum(QUESTION_CATEGORIES)),
  prompt: z.string().trim().min(1, 'must not be empty'),
});

const MapSchema = z
  .strictObject({
    about: z.string().optional(),
    competencies: z.array(CompetencySchema).min(1),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    for (const c of m.competencies) {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', message: `two competencies share the id "${c.id}"` });
      seen.add(c.id);
    }
  });

export type Competency = z.infer<typeof CompetencySchema>;
export type CompetencyMap = z.infer<typeof MapSchema>['competencies'];

/** Parses a competency map, with every problem in one message. */
export function parseCompetencyMap(json: unknown): CompetencyMap {
  const r = MapSchema.safeParse(json);
  if (r.success) return r.data.competencies;
  const problems = r.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
  throw new Error(`content/competencies.json is not a valid competency map; fix:\n- ${problems.join('\n- ')}`);
}

let loaded: CompetencyMap | undefined;

/** The shipped competency map. */
export function competencies(): CompetencyMap {
  loaded ??= parseCompetencyMap(
    JSON.parse(readFileSync(new URL('../../content/competencies.json', import.meta.url), 'utf8')),
  );
  return loaded;
}

/** A competency by id or by how a person writes it ("customer focus", "Failure"). */
export function competencyNamed(map: CompetencyMap, word: string): Competency | undefined {
  const w = word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return (
    map.find((c) => c.id === w) ??
    map.find((c) => c.label.toLowerCase().replace(/\s+/g, '-') === w) ??
    map.find((c) => c.label.toLowerCase().startsWith(w) || c.id.startsWith(w))
  );
}
