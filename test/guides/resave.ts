// `npm run guides:resave -- <mirror root>`: write the local-only guide pages again from local git
// mirrors of their repositories, as test/guides/pages/SOURCES.md describes ("Saving a page
// again"). The mirror of github.com/<owner>/<name> is read at <root>/<owner>+<name>/repo (a bare
// git directory); each page is `git show <saved_from>:<path>` of the file its `source` names,
// written byte for byte. Nothing here reaches the network and `npm test` never runs it. Pages
// whose mirror or commit is missing are listed: save those from the page store (`read_file` at that
// commit), checking the length against its `total_chars`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const DIR = join(import.meta.dirname, 'pages');

interface SavedPage {
  file: string;
  source: string;
  saved_from?: string | null;
}

interface Where {
  repo: string;
  commit: string;
  path: string;
}

/** The repository, commit and path a page's `source` address and `saved_from` name. */
function whereSaved(page: SavedPage): Where | null {
  const m = /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/blob\/([0-9a-f]{40})\/(.+)$/.exec(page.source);
  const [, owner, name, commit, path] = m ?? [];
  if (!owner || !name || !commit || !path) return null;
  return { repo: `${owner}/${name}`, commit: page.saved_from ?? commit, path: decodeURIComponent(path) };
}

function show(gitDir: string, w: Where): Buffer | null {
  try {
    return execFileSync('git', ['--git-dir', gitDir, 'show', `${w.commit}:${w.path}`], {
      maxBuffer: 16 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return null;
  }
}

function main(root: string | undefined): void {
  if (!root) {
    console.error('usage: npm run guides:resave -- <mirror root>  (holding <owner>+<name>/repo for each repository)');
    process.exit(2);
  }
  const pages = readFileSync(join(DIR, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SavedPage);
  const notSaved: string[] = [];
  let saved = 0;
  for (const page of pages) {
    const w = whereSaved(page);
    const gitDir = w && join(root, w.repo.replace('/', '+'), 'repo');
    const bytes = w && gitDir && existsSync(gitDir) ? show(gitDir, w) : null;
    if (!bytes) {
      notSaved.push(`${page.file}  (${w ? `${w.repo} ${w.commit.slice(0, 12)}:${w.path}` : page.source})`);
      continue;
    }
    const out = join(DIR, page.file);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, bytes);
    saved++;
  }
  console.log(`saved ${saved} of ${pages.length} pages from the mirrors under ${root}`);
  if (notSaved.length > 0) {
    console.log(
      `${notSaved.length} not saved (no mirror, or the mirror lacks the commit); save them from the page store:`,
    );
    for (const line of notSaved) console.log(`  ${line}`);
  }
}

main(process.argv[2]);
