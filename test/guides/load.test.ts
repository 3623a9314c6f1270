import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderGuideFile } from '../../src/guides/file';
import { loadGuides } from '../../src/guides/load';
import { parseGuidePage } from '../../src/guides/parse';
import { CHOP_FILE, fixture, HMS_FILE } from './helpers';

const chop = parseGuidePage(fixture(CHOP_FILE), CHOP_FILE);
const hms = parseGuidePage(fixture(HMS_FILE), HMS_FILE);
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'starling-guides-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const chopYaml = renderGuideFile(chop);
const hmsYaml = renderGuideFile(hms);

describe('loadGuides', () => {
  it('loads every valid guide and reports each broken file with the field and the reason', () => {
    const dir = folder({
      'chop.yaml': chopYaml,
      'hms.yml': hmsYaml,
      'broken.yaml': 'slug: broken\nemployer: "Unclosed\nquestions: [\n',
      'bad-category.yaml': chopYaml
        .replace(/^slug: .*$/m, 'slug: other-guide')
        .replace(/-software-engineer-/g, '-other-')
        .replace('category: behavioral', 'category: behavorial'),
      'no-role.yaml': hmsYaml.replace(/^slug: .*$/m, 'slug: no-role').replace(/^role: .*\n/m, ''),
      'typo.yaml': hmsYaml.replace(/^slug: .*$/m, 'slug: typo').replace(/^questions:/m, 'questons:'),
      'twin.yaml': hmsYaml,
      'README.md': '# not a guide',
    });
    const { library, problems } = loadGuides(dir);
    expect(library.all().map((g) => g.slug)).toEqual([chop.slug, hms.slug]);
    expect(library.questions()).toHaveLength(19);

    const byFile = Object.fromEntries(problems.map((p) => [p.file.slice(dir.length + 1), p.message]));
    expect(Object.keys(byFile).sort()).toEqual([
      'bad-category.yaml',
      'broken.yaml',
      'no-role.yaml',
      'twin.yaml',
      'typo.yaml',
    ]);
    expect(byFile['broken.yaml']).toMatch(/^not valid YAML: .*line \d+/);
    expect(byFile['bad-category.yaml']).toMatch(
      /questions\[5\]\.category: must be one of behavioral, technical, system-design, situational, project-deep-dive; got "behavorial"/,
    );
    expect(byFile['no-role.yaml']).toBe('role: is missing');
    expect(byFile['typo.yaml']).toMatch(
      /questions: is missing.*unknown field "questons"|unknown field "questons".*questions: is missing/,
    );
    expect(byFile['twin.yaml']).toMatch(
      /slug: "harvard-medical-school-software-engineer" is already used by .*hms\.yml/,
    );
  });

  it('reports duplicated questions inside one file', () => {
    const first = hms.questions[0];
    const dup = renderGuideFile({ ...hms, questions: [...hms.questions, { ...(first as (typeof hms.questions)[0]) }] });
    const { library, problems } = loadGuides(folder({ 'dup.yaml': dup }));
    expect(library.all()).toEqual([]);
    expect(problems[0]?.message).toMatch(/questions\[3\]\.id: duplicates the id of questions\[0\]/);
  });

  it('gives a question added by hand without an id the id an import would give it', () => {
    const text = 'Tell me about a time you disagreed with a principal investigator.';
    const added = `${hmsYaml.replace(/\nevaluationAreas:/, `\n  - category: behavioral\n    star: true\n    text: ${text}\nevaluationAreas:`)}`;
    const { library, problems } = loadGuides(folder({ 'hms.yaml': added }));
    expect(problems).toEqual([]);
    const q = library.questions().find((x) => x.text === text);
    expect(q?.id).toBe(
      parseGuidePage(`${fixture(HMS_FILE)}\n`.replace('Explain a structured', `${text}\nExplain a structured`), 'x.txt')
        .questions[2]?.id,
    );
  });

  it('says so when the folder is missing, and loads nothing', () => {
    const { library, problems } = loadGuides(join(tmpdir(), 'starling-no-such-folder'));
    expect(library.all()).toEqual([]);
    expect(problems[0]?.message).toMatch(/no such folder.*starling guide import/);
  });

  it('reads back exactly the guide that was written', () => {
    const { library, problems } = loadGuides(folder({ 'chop.yaml': chopYaml }));
    expect(problems).toEqual([]);
    expect(library.all()[0]).toEqual(chop);
  });
});

describe('the committed guides in content/guides', () => {
  const { library, problems } = loadGuides(join(import.meta.dirname, '../../content/guides'));

  it('all load, with every question of each page exactly once', () => {
    expect(problems).toEqual([]);
    const count = (slug: string) => library.questions({ employer: slug }).length;
    expect(count('childrens-hospital-of-philadelphia-software-engineer')).toBe(16);
    expect(count('harvard-medical-school-software-engineer')).toBe(3);
    const committed = (slug: string) =>
      library
        .questions({ employer: slug })
        .map((q) => q.text)
        .sort();
    expect(committed(chop.slug)).toEqual(chop.questions.map((q) => q.text).sort());
    expect(committed(hms.slug)).toEqual(hms.questions.map((q) => q.text).sort());
    expect(library.resolve('chop').employer).toBe("Children's Hospital of Philadelphia");
    expect(library.resolve('HMS').employer).toBe('Harvard Medical School');
  });
});
