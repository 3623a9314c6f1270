import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importAction, renderGuideFile, writeFileAtomic } from '../../src/guides/file';
import { parseGuidePage } from '../../src/guides/parse';
import { fixture, HMS_FILE } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'starling-guide-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hms = parseGuidePage(fixture(HMS_FILE), HMS_FILE);
const text = renderGuideFile(hms);

describe('importAction', () => {
  it('tells a new, an unchanged, an importer-written and a hand-edited file apart', () => {
    const newer = renderGuideFile({ ...hms, tips: ['Bring questions for the PI.'] });
    expect(importAction(undefined, text)).toBe('create');
    expect(importAction(text, text)).toBe('unchanged');
    expect(importAction(text.replace(/\n/g, '\r\n'), text)).toBe('unchanged');
    expect(importAction(text, newer)).toBe('update');
    expect(importAction(text.replace('role: Software Engineer', 'role: Research Software Engineer'), newer)).toBe(
      'edited',
    );
    expect(importAction(text.replace(/^# import-hash: .*\n/m, ''), newer)).toBe('edited');
    // A hand edit that only touched the header comment is still the importer's content.
    expect(importAction(text.replace('Edit it freely', 'Edit with care'), newer)).toBe('update');
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole', () => {
    const own = mkdtempSync(join(dir, 'whole-'));
    const file = join(own, 'guide.yaml');
    writeFileSync(file, 'old');
    writeFileAtomic(file, text);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(own)).toEqual(['guide.yaml']);
  });

  it('leaves neither a partial file nor its temporary file when the write fails', () => {
    const sub = join(dir, 'sub');
    mkdirSync(join(sub, 'guide.yaml'), { recursive: true });
    writeFileSync(join(sub, 'guide.yaml', 'keep'), 'x');
    // Renaming onto a non-empty folder fails after the temporary file is written.
    expect(() => writeFileAtomic(join(sub, 'guide.yaml'), text)).toThrow();
    expect(readdirSync(sub)).toEqual(['guide.yaml']);
  });
});
