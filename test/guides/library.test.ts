import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/chat/errors';
import { GuideLibrary } from '../../src/guides/library';
import { parseGuidePage } from '../../src/guides/parse';
import { type Guide, type QuestionCategory, questionId, slugify } from '../../src/guides/schema';
import { CHOP_FILE, fixture, HMS_FILE } from './helpers';

const chop = parseGuidePage(fixture(CHOP_FILE), CHOP_FILE);
const hms = parseGuidePage(fixture(HMS_FILE), HMS_FILE);

function guide(
  employer: string,
  role: string,
  aliases: string[] = [],
  questions: [string, QuestionCategory][] = [],
): Guide {
  const slug = slugify(`${employer} ${role}`);
  return {
    slug,
    employer,
    aliases,
    role,
    overview: '',
    questions: questions.map(([text, category]) => ({ id: questionId(slug, text), text, category, star: false })),
    evaluationAreas: [],
    process: [],
    responsibilities: [],
    requirements: { mustHave: [], niceToHave: [] },
    faqs: [],
    tips: [],
    focusAreas: [],
    source: `${slug}.txt`,
  };
}

const google = guide(
  'Google',
  'Software Engineer',
  [],
  [['Design a URL shortener for billions of links.', 'system-design']],
);
const goldman = guide('Goldman Sachs', 'Analyst', ['GS']);
const acmeSwe = guide('Acme', 'Software Engineer');
const acmeData = guide('Acme', 'Data Engineer');
const library = new GuideLibrary([hms, google, acmeData, chop, goldman, acmeSwe]);

const found = (query: string) => library.lookup(query).guide?.slug;

describe('employer lookup', () => {
  it('finds a guide by its full name, ignoring case and punctuation', () => {
    expect(found("Children's Hospital of Philadelphia")).toBe(chop.slug);
    expect(found('children’s hospital of philadelphia')).toBe(chop.slug);
    expect(found('CHILDRENS HOSPITAL OF PHILADELPHIA!!')).toBe(chop.slug);
    expect(found('  harvard   medical school ')).toBe(hms.slug);
  });

  it('finds a guide by slug and by alias', () => {
    expect(found('childrens-hospital-of-philadelphia-software-engineer')).toBe(chop.slug);
    expect(found('chop')).toBe(chop.slug);
    expect(found('CHOP')).toBe(chop.slug);
    expect(found('(hms)')).toBe(hms.slug);
    expect(found('g.s.')).toBe(goldman.slug);
  });

  it('finds a guide by an unambiguous prefix', () => {
    expect(found('harv')).toBe(hms.slug);
    expect(found('Child')).toBe(chop.slug);
    expect(found('gold')).toBe(goldman.slug);
    expect(found('acme data')).toBe(acmeData.slug);
  });

  it('returns every match for an ambiguous name, and no guide', () => {
    const go = library.lookup('go');
    expect(go.guide).toBeUndefined();
    expect(go.candidates.map((g) => g.employer).sort()).toEqual(['Goldman Sachs', 'Google']);
    // One employer with two roles: the employer's name alone does not say which.
    const acme = library.lookup('Acme');
    expect(acme.guide).toBeUndefined();
    expect(acme.candidates.map((g) => g.role).sort()).toEqual(['Data Engineer', 'Software Engineer']);
  });

  it('offers the closest guides for an unknown name', () => {
    const r = library.lookup('goggle');
    expect(r.guide).toBeUndefined();
    expect(r.candidates[0]?.employer).toBe('Google');
    expect(library.lookup('harvrd').candidates[0]?.slug).toBe(hms.slug);
    expect(library.lookup('philadelphia').candidates[0]?.slug).toBe(chop.slug);
  });
});

describe('resolve', () => {
  const refusal = (query: string, lib = library) => {
    try {
      lib.resolve(query);
    } catch (err) {
      expect(err).toBeInstanceOf(UserError);
      return err as UserError;
    }
    throw new Error(`resolve("${query}") did not refuse`);
  };

  it('returns the guide when the name is clear', () => {
    expect(library.resolve('chop')).toBe(chop);
  });

  it('names the closest guides and shows a name that works', () => {
    const e = refusal('goggle');
    expect(e.message).toMatch(/^No guide for "goggle"\. Closest: Google\b/);
    expect(e.example).toBe('Google');
    expect(library.resolve(e.example ?? '')).toBe(google);
  });

  it('lists the matches of an ambiguous name, telling the roles apart', () => {
    const e = refusal('acme');
    expect(e.message).toBe('"acme" matches 2 guides: Acme (Data Engineer), Acme (Software Engineer). Say which one.');
    expect(library.lookup(e.example ?? '').guide).toBeDefined();
  });

  it('lists what is available when nothing is close', () => {
    expect(refusal('zzzqqqxxx').message).toMatch(/^No guide for "zzzqqqxxx"\. Guides available: /);
  });

  it('explains how to add guides when none are loaded', () => {
    const e = refusal('chop', new GuideLibrary([]));
    expect(e.message).toMatch(/No employer guides are loaded yet/);
    expect(e.example).toMatch(/starling guide import/);
  });
});

describe('complete', () => {
  it('offers guides whose name, alias or any word starts with what was typed', () => {
    expect(library.complete('harv')).toEqual([{ name: 'Harvard Medical School · HMS', value: hms.slug }]);
    expect(library.complete('phil').map((c) => c.value)).toEqual([chop.slug]);
    expect(library.complete('go').map((c) => c.value)).toEqual([goldman.slug, google.slug]);
    expect(library.complete('gogle').map((c) => c.value)[0]).toBe(google.slug);
  });

  it('lists everything for an empty prefix, up to the limit', () => {
    expect(library.complete('')).toHaveLength(6);
    expect(library.complete('', 2)).toHaveLength(2);
    for (const c of library.complete('')) expect(c.name.length).toBeLessThanOrEqual(100);
  });
});

describe('questions', () => {
  it('lists every question with its guide, filtered by employer and category', () => {
    expect(library.questions()).toHaveLength(16 + 3 + 1);
    expect(library.questions({ employer: chop.slug })).toHaveLength(16);
    expect(library.questions({ employer: 'chop' })).toHaveLength(16);
    expect(library.questions({ category: 'system-design' }).map((q) => q.guide.employer)).toEqual([
      'Google',
      'Harvard Medical School',
      'Harvard Medical School',
    ]);
    expect(library.questions({ employer: chop.slug, category: 'behavioral' })).toHaveLength(8);
    expect(library.questions({ employer: 'no-such-employer' })).toEqual([]);
  });

  it('finds a question by id', () => {
    const first = chop.questions[0];
    const q = library.question(first?.id ?? '');
    expect(q?.text).toBe(first?.text);
    expect(q?.guide).toBe(chop);
    expect(library.question('nope')).toBeUndefined();
  });

  it('refuses two guides with one slug', () => {
    expect(() => new GuideLibrary([chop, { ...chop, questions: [] }])).toThrow(/share the slug/);
  });
});
