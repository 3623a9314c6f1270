import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/index';
import { loadGuides } from '../../src/guides/load';
import { CHOP_FILE, FIXTURES, fixture, HMS_FILE } from './helpers';

const root = mkdtempSync(join(tmpdir(), 'starling-guide-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const chopPage = join(FIXTURES, CHOP_FILE);
const hmsPage = join(FIXTURES, HMS_FILE);
const CHOP_YAML = 'childrens-hospital-of-philadelphia-software-engineer.yaml';
const HMS_YAML = 'harvard-medical-school-software-engineer.yaml';

let stdout = '';
let stderr = '';
beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

let n = 0;
function freshDir(): string {
  const dir = join(root, `out-${++n}`);
  mkdirSync(dir);
  return dir;
}

function page(name: string, text: string | Buffer): string {
  const file = join(root, name);
  writeFileSync(file, text);
  return file;
}

const guide = (...args: string[]) => main(['guide', ...args]);

describe('starling guide parse', () => {
  it('prints the guide as JSON with the documented field names', async () => {
    expect(await guide('parse', chopPage, '--json')).toBe(0);
    const g = JSON.parse(stdout);
    expect(g.employer).toBe("Children's Hospital of Philadelphia");
    expect(g.aliases).toEqual(['CHOP']);
    expect(g.role).toBe('Software Engineer');
    expect(g.questions).toHaveLength(16);
    expect(g.questions[0]).toMatchObject({ text: expect.any(String), category: 'project-deep-dive' });
    expect(g.faqs[0]).toEqual({ question: expect.stringMatching(/\?$/), answer: expect.any(String) });
    expect(g.tips).toHaveLength(4);
    expect(g.evaluationAreas[0]).toEqual({ name: 'Role-Related Knowledge', description: expect.any(String) });
  });

  it('prints a readable summary with every question by category', async () => {
    expect(await guide('parse', hmsPage)).toBe(0);
    expect(stdout).toMatch(/^Harvard Medical School — Software Engineer$/m);
    expect(stdout).toMatch(/^3 questions \(0 call for a STAR story\):$/m);
    expect(stdout).toMatch(/^ {2}system-design \(2\)\n {4}- Design a CI\/CD system for Airflow/m);
  });

  it('refuses a missing file, a folder and an unknown option with a clear message', async () => {
    expect(await guide('parse', join(root, 'nope.txt'))).toBe(1);
    expect(stderr).toMatch(/cannot read .*nope\.txt: no such file\. Check the path\./);
    expect(await guide('parse', root)).toBe(1);
    expect(stderr).toMatch(/is a folder/);
    expect(await guide('parse', chopPage, '--jsn')).toBe(2);
    expect(stderr).toMatch(/starling guide: unknown option --jsn\.\n\nUsage:/);
    expect(stderr).not.toMatch(/To specify a positional/);
  });
});

describe('starling guide import', () => {
  it('writes one YAML file per guide, says what it wrote, and the files load', async () => {
    const dir = freshDir();
    expect(await guide('import', chopPage, hmsPage, '--dir', dir)).toBe(0);
    expect(stdout).toContain(
      `wrote ${join(dir, CHOP_YAML)}: Children's Hospital of Philadelphia — Software Engineer, 16 questions`,
    );
    expect(stdout).toContain(`wrote ${join(dir, HMS_YAML)}: Harvard Medical School — Software Engineer, 3 questions`);
    expect(readdirSync(dir).sort()).toEqual([CHOP_YAML, HMS_YAML]);
    const { library, problems } = loadGuides(dir);
    expect(problems).toEqual([]);
    expect(library.questions()).toHaveLength(19);
  });

  it('leaves the file untouched when the same page is imported again', async () => {
    const dir = freshDir();
    await guide('import', chopPage, '--dir', dir);
    const before = readFileSync(join(dir, CHOP_YAML), 'utf8');
    stdout = '';
    expect(await guide('import', chopPage, '--dir', dir)).toBe(0);
    expect(stdout).toMatch(/^unchanged .*childrens-hospital-of-philadelphia-software-engineer\.yaml/);
    expect(readFileSync(join(dir, CHOP_YAML), 'utf8')).toBe(before);
  });

  it('updates its own file when the page changes, keeping ids of unchanged questions', async () => {
    const dir = freshDir();
    await guide('import', hmsPage, '--dir', dir);
    const oldIds = loadGuides(dir)
      .library.questions()
      .map((q) => q.id);
    const changed = page(
      HMS_FILE,
      fixture(HMS_FILE).replace('Explain a structured debugging approach', 'Explain a careful debugging approach'),
    );
    expect(await guide('import', changed, '--dir', dir)).toBe(0);
    expect(stdout).toMatch(/^updated /m);
    const newIds = loadGuides(dir)
      .library.questions()
      .map((q) => q.id);
    expect(newIds.slice(0, 2)).toEqual(oldIds.slice(0, 2));
    expect(newIds[2]).not.toBe(oldIds[2]);
  });

  it('refuses to overwrite a hand-edited file unless given --force', async () => {
    const dir = freshDir();
    await guide('import', chopPage, '--dir', dir);
    const file = join(dir, CHOP_YAML);
    const edited = readFileSync(file, 'utf8').replace('category: technical', 'category: system-design');
    writeFileSync(file, edited);

    expect(await guide('import', chopPage, '--dir', dir)).toBe(1);
    expect(stderr).toMatch(/was edited by hand since it was imported, so it was left as it is\..*--force/);
    expect(readFileSync(file, 'utf8')).toBe(edited);

    // A file with no import stamp at all (written by hand) is protected the same way.
    writeFileSync(file, edited.replace(/^# import-hash: .*\n/m, ''));
    expect(await guide('import', chopPage, '--dir', dir)).toBe(1);

    stdout = '';
    expect(await guide('import', chopPage, '--dir', dir, '--force')).toBe(0);
    expect(stdout).toMatch(/^replaced \(--force\) /);
    // The forced import is the importer's own file again: the next import is a no-op.
    stdout = '';
    expect(await guide('import', chopPage, '--dir', dir)).toBe(0);
    expect(stdout).toMatch(/^unchanged /);
    expect(loadGuides(dir).problems).toEqual([]);
  });

  it('refuses bad inputs one by one, still imports the good page, and leaves no partial files', async () => {
    const dir = freshDir();
    const bad = [
      page('empty.txt', ''),
      page('binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3])),
      page('latin1.txt', Buffer.from('What is a Software Engineer at Caf\xe9 Corp?\n', 'latin1')),
      page('huge.txt', fixture(CHOP_FILE).repeat(Math.ceil((5 * 1024 * 1024) / fixture(CHOP_FILE).length))),
      page('notes.txt', 'My notes\n- Tell me about a time you failed.\n'),
    ];
    expect(await guide('import', ...bad, hmsPage, '--dir', dir)).toBe(1);
    expect(stderr).toMatch(/empty\.txt is empty/);
    expect(stderr).toMatch(/binary\.txt looks like a binary file/);
    expect(stderr).toMatch(/latin1\.txt is not UTF-8 text/);
    expect(stderr).toMatch(/huge\.txt is 5\.0 MB, larger than the 1\.0 MB a guide page can be/);
    expect(stderr).toMatch(/notes\.txt does not look like an interview guide page/);
    expect(readdirSync(dir)).toEqual([HMS_YAML]);
  });

  it("refuses to write over a folder that has the guide file's name", async () => {
    const dir = freshDir();
    mkdirSync(join(dir, CHOP_YAML));
    expect(await guide('import', chopPage, '--dir', dir, '--force')).toBe(1);
    expect(stderr).toMatch(/childrens-hospital-of-philadelphia-software-engineer\.yaml is a folder, not a guide file/);
    expect(readdirSync(dir)).toEqual([CHOP_YAML]);
  });

  it('reads a page saved as UTF-16 by a Windows editor', async () => {
    const dir = freshDir();
    const utf16 = page(
      'hms-utf16.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixture(HMS_FILE), 'utf16le')]),
    );
    expect(await guide('import', utf16, '--dir', dir)).toBe(0);
    expect(loadGuides(dir).library.questions()).toHaveLength(3);
  });

  it('writes where CONTENT_DIR points when no --dir is given', async () => {
    const content = freshDir();
    vi.stubEnv('CONTENT_DIR', content);
    try {
      expect(await guide('import', hmsPage)).toBe(0);
      expect(readdirSync(join(content, 'guides'))).toEqual([HMS_YAML]);
      stdout = '';
      expect(await guide('validate')).toBe(0);
      expect(stdout).toContain(`1 guide valid, 0 invalid in ${join(content, 'guides')}`);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('refuses two pages for the same guide in one run', async () => {
    const dir = freshDir();
    const copy = page('copy-of-chop.txt', fixture(CHOP_FILE));
    expect(await guide('import', chopPage, copy, '--dir', dir)).toBe(1);
    expect(stderr).toMatch(/copy-of-chop\.txt is the same guide .* as .*childrens-hospital/);
    expect(readdirSync(dir)).toEqual([CHOP_YAML]);
  });
});

describe('starling guide validate and list', () => {
  it('exits non-zero naming the file, field and reason of each invalid guide', async () => {
    const dir = freshDir();
    await guide('import', chopPage, hmsPage, '--dir', dir);
    const hmsFile = join(dir, HMS_YAML);
    writeFileSync(hmsFile, readFileSync(hmsFile, 'utf8').replace(/star: false/, 'star: maybe'));
    stdout = '';
    expect(await guide('validate', dir)).toBe(1);
    expect(stderr).toContain(`invalid ${hmsFile}: questions[0].star: must be true or false; got "maybe"`);
    expect(stdout).toMatch(/1 guide valid, 1 invalid/);

    stdout = '';
    expect(await guide('list', dir)).toBe(0);
    expect(stdout).toMatch(
      /^childrens-hospital-of-philadelphia-software-engineer\n {2}Children's Hospital of Philadelphia \(CHOP\) — Software Engineer; 16 questions/m,
    );
    expect(stdout).not.toContain('harvard');
    expect(stderr).toMatch(/1 guide file is invalid and left out; run `npx starling guide validate .*` for details/);
  });

  it('exits zero when every guide is valid', async () => {
    const dir = freshDir();
    await guide('import', hmsPage, '--dir', dir);
    stdout = '';
    expect(await guide('validate', dir)).toBe(0);
    expect(stdout).toMatch(/^1 guide valid, 0 invalid/);
  });

  it('does not pass a folder with no guide files: it points at the guides folder inside', async () => {
    const content = freshDir();
    const inner = join(content, 'guides');
    mkdirSync(inner);
    await guide('import', hmsPage, '--dir', inner);
    stderr = '';
    expect(await guide('validate', content)).toBe(1);
    expect(stderr).toContain(`No guide files (*.yaml) in ${content}. Did you mean ${inner}?`);
  });

  it('says a YAML file that is not a mapping is not a guide', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'note.yaml'), 'just a sentence someone saved\n');
    stderr = '';
    expect(await guide('validate', dir)).toBe(1);
    expect(stderr).toMatch(/invalid .*note\.yaml: not a guide: the file must be a YAML mapping of fields/);
  });
});

describe('the installed command', () => {
  it('runs `starling guide parse --json` through bin/starling.js', () => {
    vi.restoreAllMocks();
    const r = spawnSync(process.execPath, ['bin/starling.js', 'guide', 'parse', hmsPage, '--json'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).questions).toHaveLength(3);
  });
});

describe('starling guide import: titles of other shapes, overrides, dry run', () => {
  const chop = () => readFileSync(chopPage, 'utf8');
  const page = (name: string, text: string) => {
    const file = join(root, name);
    writeFileSync(file, text);
    return file;
  };

  it('reads a numbered title like an ordinary one', async () => {
    const file = page('numbered.txt', `1. ${chop()}`);
    const dir = freshDir();
    expect(await guide('import', file, '--dir', dir)).toBe(0);
    expect(readdirSync(dir)).toEqual([CHOP_YAML]);
  });

  it('asks for --employer when the title names only the role, and takes it', async () => {
    const text = chop().replace(
      "What is a Software Engineer at Children's Hospital of Philadelphia?",
      'What is a Software Engineer?',
    );
    const file = page('role-only.txt', text);
    const dir = freshDir();
    expect(await guide('import', file, '--dir', dir)).toBe(1);
    expect(stderr).toMatch(/names the role \(Software Engineer\) but no employer.*--employer "Acme"/);
    expect(readdirSync(dir)).toEqual([]);
    expect(await guide('import', file, '--dir', dir, '--employer', 'Acme Health', '--role', 'Backend Engineer')).toBe(
      0,
    );
    expect(readdirSync(dir)).toEqual(['acme-health-backend-engineer.yaml']);
    expect(stdout).toMatch(/wrote .*acme-health-backend-engineer\.yaml: Acme Health — Backend Engineer/);
  });

  it('--dry-run says what it would write and writes nothing', async () => {
    const dir = freshDir();
    expect(await guide('import', chopPage, '--dir', dir, '--dry-run')).toBe(0);
    expect(stdout).toMatch(
      /would have written .*\.yaml: Children's Hospital of Philadelphia — Software Engineer, 16 questions.*nothing written/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes nothing for a page with no questions, and says what it did find', async () => {
    const text = chop().split('Common Interview Questions')[0] ?? '';
    const file = page('no-questions.txt', `${text}\nInterview Process Overview\nA phone screen, then a panel.\n`);
    const dir = freshDir();
    expect(await guide('import', file, '--dir', dir)).toBe(1);
    expect(stderr).toMatch(
      /found Children's Hospital of Philadelphia — Software Engineer, but no interview questions, so nothing was written/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('starling guide import from HTML and from an address', () => {
  /** The saved text page as a web page would carry it: headings, paragraphs, lists, site chrome. */
  function asHtml(text: string): string {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const lines = text.split('\n').filter((l) => l.trim());
    const body: string[] = [];
    let list = false;
    lines.forEach((line, i) => {
      const item = /^- (.*)$/.exec(line);
      if (item && !list) body.push('<ul>');
      if (!item && list) body.push('</ul>');
      list = Boolean(item);
      if (item) body.push(`<li><a href="/q">${esc(item[1] ?? '')}</a> <button>Read answer</button></li>`);
      else body.push(i === 0 ? `<h1>${esc(line)}</h1>` : `<p>${esc(line)}</p>`);
    });
    if (list) body.push('</ul>');
    return `<!doctype html><html><head><title>Guide</title><script>window.x = "<li>not a question</li>"</script></head><body><nav><ul><li>Home</li><li>Pricing</li></ul></nav>${body.join('\n')}<footer><p>© Example site</p></footer></body></html>`;
  }

  async function parsed(...args: string[]) {
    stdout = '';
    expect(await guide('parse', ...args, '--json'), stderr).toBe(0);
    return JSON.parse(stdout) as { employer: string; role: string; questions: { text: string }[]; source: string };
  }

  it('reads a saved HTML page as the same guide as its text', async () => {
    const file = join(root, 'chop.html');
    writeFileSync(file, asHtml(readFileSync(chopPage, 'utf8')));
    const fromText = await parsed(chopPage);
    const fromHtml = await parsed(file);
    expect(fromHtml.employer).toBe(fromText.employer);
    expect(fromHtml.questions.map((q) => q.text)).toEqual(fromText.questions.map((q) => q.text));
    expect(JSON.stringify(fromHtml)).not.toMatch(/Read answer|Pricing|Example site|not a question/);
  });

  it('fetches a page from its address (loopback), keeps the address as its source, and explains failures', async () => {
    const { createServer } = await import('node:http');
    const html = asHtml(readFileSync(chopPage, 'utf8'));
    const server = createServer((req, res) => {
      if (req.url === '/guide') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(html);
      } else if (req.url === '/huge') {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<p>x</p>'.repeat(200_000));
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not here');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const fromUrl = await parsed(`${base}/guide`);
      const fromText = await parsed(chopPage);
      expect(fromUrl.questions.map((q) => q.text)).toEqual(fromText.questions.map((q) => q.text));
      expect(fromUrl.source).toBe(`${base}/guide`);

      stderr = '';
      expect(await guide('parse', `${base}/missing`)).toBe(1);
      expect(stderr).toMatch(/answered 404/);
      expect(await guide('parse', `${base}/huge`)).toBe(1);
      expect(stderr).toMatch(/larger than the 1.0 MB a guide page can be/);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
    stderr = '';
    // the server is gone now: nothing listens on its port
    expect(await guide('parse', `${base}/guide`)).toBe(1);
    expect(stderr).toMatch(/Could not fetch http:\/\/127\.0\.0\.1:\d+\/guide \([A-Z_]+\)\. Check the address/);
  });
});
