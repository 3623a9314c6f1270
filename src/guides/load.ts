// Reads every guide under content/guides/. Guide files are edited by hand, so each
// one is checked on its own: a broken file is reported with the field and the reason
// and left out, and the bot runs with the others.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { MAX_GUIDE_BYTES } from './input';
import { GuideLibrary } from './library';
import { type Guide, GuideSchema, questionId } from './schema';

const DEFAULT_GUIDES_DIR = 'content/guides';

export interface GuideProblem {
  file: string;
  message: string;
}

/** `questions[3].category` from zod's path. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  let message = issue.message;
  if (issue.code === 'invalid_type' && /received undefined/.test(message)) message = 'is missing';
  else if (issue.code === 'unrecognized_keys') {
    message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
  }
  return where ? `${where}: ${message}` : message;
}

/**
 * A question added by hand may leave out its id: it gets the one an import of the
 * same text would give, so it stays the same on every load.
 */
function withQuestionIds(data: unknown): unknown {
  if (!data || typeof data !== 'object') return data;
  const { slug, questions } = data as { slug?: unknown; questions?: unknown };
  if (typeof slug !== 'string' || !Array.isArray(questions)) return data;
  return {
    ...data,
    questions: questions.map((q) =>
      q && typeof q === 'object' && !('id' in q) && typeof (q as { text?: unknown }).text === 'string'
        ? { id: questionId(slug, (q as { text: string }).text), ...q }
        : q,
    ),
  };
}

/** Checks one guide file's text; the guide, or every problem found in it. */
function readGuideFile(text: string): { guide?: Guide; errors: string[] } {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { errors: doc.errors.map((e) => `not valid YAML: ${(e.message.split('\n')[0] ?? '').replace(/:$/, '')}`) };
  }
  const value = doc.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      errors: [
        'not a guide: the file must be a YAML mapping of fields (slug:, employer:, questions:, ...); see content/guides/ for an example',
      ],
    };
  }
  const result = GuideSchema.safeParse(withQuestionIds(value));
  if (!result.success) return { errors: result.error.issues.map(describeIssue) };
  return { guide: result.data, errors: [] };
}

function guideFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && /\.ya?ml$/i.test(d.name))
    .map((d) => d.name)
    .sort();
}

export function loadGuides(dir: string = DEFAULT_GUIDES_DIR): { library: GuideLibrary; problems: GuideProblem[] } {
  const problems: GuideProblem[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    problems.push({
      file: dir,
      message: 'no such folder. Create it, or import a guide page with `npx starling guide import <file>`.',
    });
    return { library: new GuideLibrary([]), problems };
  }
  const guides: Guide[] = [];
  const slugFiles = new Map<string, string>();
  const questionFiles = new Map<string, string>();
  for (const name of guideFiles(dir)) {
    const file = join(dir, name);
    try {
      if (statSync(file).size > MAX_GUIDE_BYTES) {
        problems.push({ file, message: 'larger than 1 MB; a guide file is a few kilobytes. Is it the right file?' });
        continue;
      }
      const { guide, errors } = readGuideFile(readFileSync(file, 'utf8'));
      if (!guide) {
        problems.push({ file, message: errors.join('; ') });
        continue;
      }
      const sameSlug = slugFiles.get(guide.slug);
      if (sameSlug) {
        problems.push({
          file,
          message: `slug: "${guide.slug}" is already used by ${sameSlug}; give each guide its own slug`,
        });
        continue;
      }
      const clash = guide.questions.find((q) => questionFiles.has(q.id));
      if (clash) {
        problems.push({
          file,
          message: `questions: id "${clash.id}" is already used in ${questionFiles.get(clash.id)}; question ids must be unique`,
        });
        continue;
      }
      slugFiles.set(guide.slug, file);
      for (const q of guide.questions) questionFiles.set(q.id, file);
      guides.push(guide);
    } catch (err) {
      problems.push({ file, message: `could not read it: ${(err as Error).message}` });
    }
  }
  return { library: new GuideLibrary(guides), problems };
}
