// The coach's prompts, read once from content/coach/prompts.yaml and checked: each has a
// system and a user part, and the user part names the answer it is about.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const prompt = z.object({
  system: z.string().trim().min(1),
  user: z
    .string()
    .trim()
    .refine((u) => u.includes('{{answer}}') && u.includes('{{question}}'), {
      message: 'the user prompt must contain {{question}} and {{answer}}',
    }),
});

const schema = z.object({ review: prompt, followup: prompt });

export type Prompts = z.output<typeof schema>;
export type Prompt = Prompts['review'];

export function loadPrompts(contentDir: string): Prompts {
  const file = join(contentDir, 'coach', 'prompts.yaml');
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file} is not a valid prompts file (${problems}); restore it from the repository`);
  }
  return parsed.data;
}

/** The prompt's user part with its placeholders filled in. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}
