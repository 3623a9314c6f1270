// The on-disk form of a guide: YAML under content/guides/, meant to be reviewed in
// a pull request and edited by hand. The importer stamps a hash of what it wrote,
// so a later import can tell its own output (safe to replace) from a file someone
// has edited since (refused unless forced).
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { stringify } from 'yaml';
import type { Guide } from './schema';

const HASH_LINE = /^# import-hash: sha256:([0-9a-f]{64})$/m;

function sha256(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

/** The file the importer writes for a guide: a short header, then the guide as YAML. */
export function renderGuideFile(guide: Guide): string {
  // Keys in reading order, so a reviewer meets who and what before the lists.
  const ordered = {
    slug: guide.slug,
    employer: guide.employer,
    aliases: guide.aliases,
    role: guide.role,
    source: guide.source,
    overview: guide.overview,
    questions: guide.questions.map((q) => ({ id: q.id, category: q.category, star: q.star, text: q.text })),
    evaluationAreas: guide.evaluationAreas,
    process: guide.process,
    responsibilities: guide.responsibilities,
    requirements: guide.requirements,
    faqs: guide.faqs,
    tips: guide.tips,
    focusAreas: guide.focusAreas,
  };
  // lineWidth 0: one line per value, so an edit shows as one changed line in a diff.
  const body = stringify(ordered, { lineWidth: 0 });
  const header = [
    `# Interview guide: ${oneLine(guide.employer)}, ${oneLine(guide.role)}`,
    `# Imported from ${oneLine(guide.source)} by \`npx starling guide import\`.`,
    '# Edit it freely; `npx starling guide validate` checks it. Once it is edited, importing',
    '# the page again refuses to overwrite it unless given --force.',
    `# import-hash: sha256:${sha256(body)}`,
  ];
  return `${header.join('\n')}\n${body}`;
}

export type ImportAction = 'create' | 'unchanged' | 'update' | 'edited';

/**
 * What importing `next` over the file's current text would do. A file is "edited"
 * when its body no longer matches the hash the importer stamped, or has no stamp.
 */
export function importAction(current: string | undefined, next: string): ImportAction {
  if (current === undefined) return 'create';
  if (current.replace(/\r\n/g, '\n') === next) return 'unchanged';
  const stamp = HASH_LINE.exec(current);
  if (!stamp) return 'edited';
  const body = current.slice(stamp.index + stamp[0].length).replace(/^\r?\n/, '');
  return sha256(body) === stamp[1] ? 'update' : 'edited';
}

/**
 * Writes a file so that readers see either the old or the new content, never a
 * half-written one: write a temporary file beside it, flush it, then rename.
 */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
}
