// `starling guide ...`: turn saved employer guide pages into the YAML files under
// content/guides/ that the bot loads, and check those files.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { contentDir, loadConfig } from '../config';
import { GuideParseError } from '../guides/errors';
import { FetchPageError, fetchPage, isAddress } from '../guides/fetch';
import { importAction, renderGuideFile, writeFileAtomic } from '../guides/file';
import { formatSize, MAX_GUIDE_BYTES, type ParseOverrides } from '../guides/input';
import { loadGuides } from '../guides/load';
import { readGuide } from '../guides/read';
import { type Guide, QUESTION_CATEGORIES } from '../guides/schema';
import { decodePage } from '../guides/upload';
import { parseCli } from './args';
import { type Cli, CliError } from './errors';

/** Where the bot loads guides from: CONTENT_DIR (default: the project's content) + /guides. */
function guidesDir(): string {
  return join(contentDir(loadConfig().CONTENT_DIR), 'guides');
}

const usage = `Usage:
  starling guide parse <file> [--json] [--employer <name>] [--role <role>]
                                                parse a saved guide page and print the guide
  starling guide import <file or address...> [--force] [--dir <dir>] [--dry-run] [--employer <name>] [--role <role>]
                                                parse, check and write each page to content/guides/<slug>.yaml
  starling guide list [dir]                     the guides the bot will load
  starling guide validate [dir]                 check every guide file; exits 1 when any is invalid

Save a guide page as plain text (select all, copy, paste into a .txt file) or as HTML
(File > Save Page As), or give its address:
  npx starling guide import saved-page.txt
  npx starling guide import https://example.com/acme-software-engineer-interview

Options:
  --json      print the parsed guide as JSON
  --force     replace a guide file even if it was edited by hand since its import
  --dir       where import writes (default: content/guides, or $CONTENT_DIR/guides)
  --dry-run   say what import would write, and write nothing
  --employer  the employer, when the page's title does not name it (or names it wrongly)
  --role      the role, over the one in the page's title

list and validate read the same folder unless given one.`;

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/** A page from a file or an address, parsed. */
async function readPage(arg: string, overrides: ParseOverrides = {}): Promise<Guide> {
  let text: string;
  let html: boolean;
  if (isAddress(arg)) {
    try {
      ({ text, html } = await fetchPage(arg));
    } catch (e) {
      if (e instanceof FetchPageError) throw new CliError(e.message);
      throw e;
    }
  } else {
    text = readText(arg);
    html = /\.x?html?$/i.test(arg);
  }
  try {
    // an address is kept whole as the guide's source; a file by its name
    return readGuide(text, isAddress(arg) ? arg : basename(arg), overrides, { html });
  } catch (e) {
    if (e instanceof GuideParseError) throw new CliError(e.message);
    throw e;
  }
}

/** Reads a saved page's text, refusing what cannot be one. */
function readText(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new CliError(`${file} is a folder; give the saved page's .txt file.`);
    size = stat.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(
      `cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}. Check the path.`,
    );
  }
  if (size > MAX_GUIDE_BYTES) {
    throw new CliError(
      `${file} is ${formatSize(size)}, larger than the ${formatSize(MAX_GUIDE_BYTES)} a guide page can be. Save just the guide page as plain text.`,
    );
  }
  try {
    return decodePage(readFileSync(file), file);
  } catch (err) {
    if (err instanceof GuideParseError) throw new CliError(err.message);
    throw err;
  }
}

function countByCategory(guide: Guide): string {
  const counts = QUESTION_CATEGORIES.map((c) => [c, guide.questions.filter((q) => q.category === c).length] as const)
    .filter(([, n]) => n > 0)
    .map(([c, n]) => `${c} ${n}`);
  return counts.length ? counts.join(', ') : 'none';
}

function questionCount(guide: Guide): string {
  const n = guide.questions.length;
  return `${n} question${n === 1 ? '' : 's'}`;
}

function printGuide(guide: Guide): void {
  out(`${guide.employer} — ${guide.role}`);
  out(`  slug: ${guide.slug}`);
  out(`  aliases: ${guide.aliases.length ? guide.aliases.join(', ') : '(none)'}`);
  out(`  source: ${guide.source}`);
  out();
  const stars = guide.questions.filter((q) => q.star).length;
  out(`${questionCount(guide)} (${stars} call for a STAR story):`);
  for (const category of QUESTION_CATEGORIES) {
    const qs = guide.questions.filter((q) => q.category === category);
    if (qs.length === 0) continue;
    out(`  ${category} (${qs.length})`);
    for (const q of qs) out(`    - ${q.text}${q.star ? '  [STAR]' : ''}`);
  }
  out();
  out(
    `Evaluation areas (${guide.evaluationAreas.length}): ${guide.evaluationAreas.map((a) => a.name).join('; ') || '(none)'}`,
  );
  out(
    `Focus areas: ${guide.focusAreas.length}   Process: ${guide.process.length}   Responsibilities: ${guide.responsibilities.length}`,
  );
  out(
    `Requirements: ${guide.requirements.mustHave.length} must-have, ${guide.requirements.niceToHave.length} nice-to-have, ` +
      `${guide.requirements.qualifications?.length ?? 0} other`,
  );
  out(`FAQs: ${guide.faqs.length}   Tips: ${guide.tips.length}`);
}

const OVERRIDES = { employer: { type: 'string' }, role: { type: 'string' } } as const;

async function parseCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCli(args, { json: { type: 'boolean' }, ...OVERRIDES }, usage);
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new CliError(`parse takes one file.\n\n${usage}`, 2);
  const guide = await readPage(file, values);
  if (values.json) out(JSON.stringify(guide, null, 2));
  else printGuide(guide);
  return 0;
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCli(
    args,
    { force: { type: 'boolean' }, dir: { type: 'string' }, 'dry-run': { type: 'boolean' }, ...OVERRIDES },
    usage,
  );
  const dryRun = values['dry-run'] === true;
  if (positionals.length === 0) throw new CliError(`import needs at least one saved page.\n\n${usage}`, 2);
  const dir = values.dir ?? guidesDir();
  let failed = 0;
  const written = new Map<string, string>();
  for (const file of positionals) {
    try {
      const guide = await readPage(file, values);
      if (guide.questions.length === 0) {
        // unsure: say what was found and how to fix it, and write nothing
        throw new CliError(
          `${file}: found ${guide.employer} — ${guide.role}, but no interview questions, so nothing was written. ` +
            'Check that the saved text includes the page\'s question list (its "Common Interview Questions" section).',
        );
      }
      const target = join(dir, `${guide.slug}.yaml`);
      const earlier = written.get(guide.slug);
      if (earlier) {
        throw new CliError(`${file} is the same guide (${guide.slug}) as ${earlier}; import only one of them.`);
      }
      written.set(guide.slug, file);
      const next = renderGuideFile(guide);
      if (existsSync(target) && statSync(target).isDirectory()) {
        throw new CliError(`${target} is a folder, not a guide file. Move it away and import again.`);
      }
      const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
      const action = importAction(current, next);
      if (action === 'unchanged') {
        out(`unchanged ${target} (${questionCount(guide)}; already matches ${file})`);
        continue;
      }
      if (action === 'edited' && !values.force) {
        throw new CliError(
          `${target} was edited by hand since it was imported, so it was left as it is. ` +
            'Copy your edits into the new import yourself, or run the import again with --force to replace the file.',
        );
      }
      const verb = action === 'create' ? 'wrote' : action === 'update' ? 'updated' : 'replaced (--force)';
      const said = `${target}: ${guide.employer} — ${guide.role}, ${questionCount(guide)} (${countByCategory(guide)})`;
      if (dryRun) {
        out(`would have ${verb === 'wrote' ? 'written' : verb} ${said} (--dry-run: nothing written)`);
        continue;
      }
      mkdirSync(dir, { recursive: true });
      writeFileAtomic(target, next);
      out(`${verb} ${said}`);
    } catch (e) {
      if (!(e instanceof CliError || e instanceof Error)) throw e;
      failed++;
      const message = e instanceof CliError ? e.message : `${file}: ${e.message}`;
      err(`starling guide import: ${message}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

function listCommand(args: string[]): number {
  const { positionals } = parseCli(args, {}, usage);
  const dir = positionals[0] ?? guidesDir();
  const { library, problems } = loadGuides(dir);
  const guides = library.all();
  if (guides.length === 0) out(`No guides in ${dir}. Import one with: npx starling guide import saved-page.txt`);
  for (const g of guides) {
    const aliases = g.aliases.length ? ` (${g.aliases.join(', ')})` : '';
    out(`${g.slug}\n  ${g.employer}${aliases} — ${g.role}; ${questionCount(g)}: ${countByCategory(g)}`);
  }
  if (problems.length) {
    err(
      `${problems.length} guide file${problems.length === 1 ? ' is' : 's are'} invalid and left out; run \`npx starling guide validate${positionals[0] ? ` ${dir}` : ''}\` for details.`,
    );
  }
  return 0;
}

function validateCommand(args: string[]): number {
  const { positionals } = parseCli(args, {}, usage);
  const dir = positionals[0] ?? guidesDir();
  const { library, problems } = loadGuides(dir);
  for (const p of problems) err(`invalid ${p.file}: ${p.message}`);
  const n = library.all().length;
  if (n === 0 && problems.length === 0) {
    // Nothing checked is not a pass: most likely the wrong folder was named.
    const nested = join(dir, 'guides');
    const hint = existsSync(nested)
      ? ` Did you mean ${nested}?`
      : ' Import one with: npx starling guide import saved-page.txt';
    err(`No guide files (*.yaml) in ${dir}.${hint}`);
    return 1;
  }
  out(`${n} guide${n === 1 ? '' : 's'} valid, ${problems.length} invalid in ${dir}.`);
  return problems.length > 0 ? 1 : 0;
}

const subcommands: Record<string, (args: string[]) => number | Promise<number>> = {
  parse: parseCommand,
  import: importCommand,
  list: listCommand,
  validate: validateCommand,
};

export const cli: Cli = {
  summary: 'parse, import, list and validate employer interview guides',
  usage,
  async run(args) {
    const [name, ...rest] = args;
    const sub = name ? subcommands[name] : undefined;
    if (!sub) {
      throw new CliError(`${name ? `unknown subcommand "${name}"` : 'say what to do'}.\n\n${usage}`, 2);
    }
    try {
      return sub(rest);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (code.startsWith('ERR_PARSE_ARGS')) throw new CliError(`${(e as Error).message}\n\n${usage}`, 2);
      throw e;
    }
  },
};
