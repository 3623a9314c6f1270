import { describe, expect, it } from 'vitest';
import { GuideParseError } from '../../src/guides/errors';
import { parseGuidePage } from '../../src/guides/parse';
import { GuideSchema, parseCategory } from '../../src/guides/schema';
import {
  allStrings,
  CHOP_FILE,
  content,
  fixture,
  HMS_FILE,
  joinSections,
  splitSections,
  TOP_HEADINGS,
} from './helpers';

const chopPage = fixture(CHOP_FILE);
const hmsPage = fixture(HMS_FILE);
const chop = parseGuidePage(chopPage, CHOP_FILE);
const hms = parseGuidePage(hmsPage, HMS_FILE);

// Read off the CHOP page by hand: five bullets under each of the two category
// headings of "Common Interview Questions", and three quoted example scenarios
// under each of the two evaluation areas of the deep dive. Categories are our
// reading of each question.
const CHOP_QUESTIONS: [string, string, boolean][] = [
  ['Describe the architecture of the most complex system you’ve worked on.', 'project-deep-dive', false],
  ['How do you approach testing and quality assurance for internal tools?', 'technical', false],
  ['Walk us through your process for troubleshooting a critical bug in production.', 'technical', false],
  ['What technologies would you choose for a new internal dashboard, and why?', 'technical', false],
  ['How do you handle technical debt when working on long-term projects?', 'technical', false],
  ['Tell me about a time you went above and beyond for a user or stakeholder.', 'behavioral', true],
  ['Describe a situation where you had to learn a new technology quickly to solve a problem.', 'behavioral', true],
  [
    "How do you handle a situation where a project's requirements change mid-way through development?",
    'behavioral',
    true,
  ],
  ['Give an example of how you’ve handled a disagreement regarding a technical direction.', 'behavioral', true],
  ['What does "mission-driven work" mean to you in the context of software engineering?', 'behavioral', false],
  [
    'Walk us through a complex web application you maintained. What were the biggest challenges in its architecture?',
    'project-deep-dive',
    false,
  ],
  [
    "Describe a time you had to integrate a new feature into a system you didn't originally build.",
    'project-deep-dive',
    true,
  ],
  ['How do you ensure data integrity when migrating internal company sites?', 'technical', false],
  ['Tell us about a time you had to explain a technical delay to a non-technical stakeholder.', 'behavioral', true],
  [
    'Describe a situation where you had to work with a difficult team member. How did you ensure the project stayed on track?',
    'behavioral',
    true,
  ],
  [
    "Why Children's Hospital of Philadelphia? What draws you to healthcare technology specifically?",
    'behavioral',
    false,
  ],
];

// The HMS page shows three imperative prompts after its "Curated questions" line;
// the rest of its question bank sits behind a sign-up wall.
const HMS_QUESTIONS: [string, string, boolean][] = [
  [
    'Design a CI/CD system for Airflow, dbt, Spark, and Kafka pipelines with automated testing, staged releases, rollback, and SOX-compliant auditability.',
    'system-design',
    false,
  ],
  [
    'Design a low-risk CI/CD process for frequent releases of Airflow, dbt, and Spark pipelines with strong validation, rollback, and data quality controls.',
    'system-design',
    false,
  ],
  [
    'Explain a structured debugging approach: reproduce, isolate, inspect signals, test hypotheses, and verify the fix.',
    'technical',
    false,
  ],
];

const triples = (g: { questions: { text: string; category: string; star: boolean }[] }) =>
  g.questions.map((q) => [q.text, q.category, q.star]);

describe('the CHOP guide page', () => {
  it('yields exactly its 16 questions, each once, with category and STAR flag', () => {
    expect(chop.questions).toHaveLength(16);
    expect(triples(chop)).toEqual(CHOP_QUESTIONS);
  });

  it('names the employer, role, alias and slug', () => {
    expect(chop.employer).toBe("Children's Hospital of Philadelphia");
    expect(chop.role).toBe('Software Engineer');
    expect(chop.aliases).toEqual(['CHOP']);
    expect(chop.slug).toBe('childrens-hospital-of-philadelphia-software-engineer');
    expect(chop.source).toBe(CHOP_FILE);
  });

  it('keeps "Be ready to go over" and "Advanced concepts" topics as focus areas, not questions', () => {
    expect(chop.focusAreas).toHaveLength(9);
    expect(chop.focusAreas[0]).toMatch(/^Legacy System Maintenance – How you approach/);
    expect(chop.focusAreas).toContain('Navigating HIPAA compliance and data privacy in software design.');
    expect(chop.focusAreas).toContain('Mentoring junior engineers or direct reports.');
    const texts = new Set(chop.questions.map((q) => q.text));
    for (const topic of chop.focusAreas) expect(texts.has(topic)).toBe(false);
  });

  it('keeps FAQ questions as FAQs with their answers, never as interview questions', () => {
    expect(chop.faqs.map((f) => f.question)).toEqual([
      'How technical is the Software Engineer interview at CHOP?',
      'What is the team culture like for engineers?',
      'How long does the hiring process usually take?',
      'Is there a specific focus for the web development roles?',
    ]);
    expect(chop.faqs[2]?.answer).toMatch(/^Candidates typically report a process lasting 4 to 6 weeks/);
    expect(chop.questions.some((q) => /How technical is/.test(q.text))).toBe(false);
  });

  it('reads what interviewers evaluate, the process, responsibilities, requirements and tips', () => {
    expect(chop.evaluationAreas.map((a) => a.name)).toEqual([
      'Role-Related Knowledge',
      'Problem-Solving Ability',
      'Cultural Alignment & Values',
      'Communication & Influence',
      'Project Experience & Technical Application',
      'Behavioral & Personality Fit',
    ]);
    expect(chop.evaluationAreas[2]?.description).toMatch(/^As a premier pediatric institution/);
    // Each deep-dive area keeps exactly its own paragraph: markers and topic lists stay out.
    expect(chop.evaluationAreas[4]?.description).toBe(
      'This is the core of the CHOP interview. Interviewers want to see that you can own a project from conception to maintenance. Because much of the work involves enhancing internal systems, they value candidates who understand the full software development lifecycle.',
    );
    expect(chop.evaluationAreas[5]?.description).toBe(
      'CHOP looks for "steady, even-tempered" candidates. In a hospital environment, the ability to remain calm and professional is just as important as your coding ability. They want to know how you handle conflict and how you align with their patient-first mission.',
    );
    expect(chop.process).toHaveLength(3);
    // The paragraph after a lone "Tip" line still belongs to the process.
    expect(chop.process[2]).toMatch(/^The timeline above illustrates/);
    expect(chop.responsibilities).toHaveLength(3);
    expect(chop.responsibilities[2]).toMatch(/^Beyond coding/);
    expect(chop.requirements.mustHave).toEqual([
      'Full-stack web development experience.',
      'Ability to explain technical concepts to non-technical audiences.',
      'Strong debugging and system maintenance skills.',
    ]);
    expect(chop.requirements.niceToHave).toHaveLength(3);
    expect(chop.requirements.qualifications?.[1]).toMatch(/^Experience Level – Most roles require at least 3–5 years/);
    expect(chop.tips.map((t) => t.split(':')[0])).toEqual([
      'Emphasize Stability',
      'Know the Mission',
      'Prepare Your Stories',
      'Follow Up Proactively',
    ]);
    expect(chop.overview.split('\n\n')).toHaveLength(3);
    expect(chop.overview).toMatch(/^A Software Engineer at Children's Hospital of Philadelphia \(CHOP\) plays/);
  });
});

describe('the HMS guide page', () => {
  it('yields exactly its 3 curated prompts', () => {
    expect(hms.questions).toHaveLength(3);
    expect(triples(hms)).toEqual(HMS_QUESTIONS);
  });

  it('names the employer, alias and sections, and has no sections the page lacks', () => {
    expect(hms.employer).toBe('Harvard Medical School');
    expect(hms.aliases).toEqual(['HMS']);
    expect(hms.slug).toBe('harvard-medical-school-software-engineer');
    // "Getting Ready for Your Interviews" arrives glued to "Sign in" and must still be found.
    expect(hms.evaluationAreas.map((a) => a.name)).toEqual([
      'Role-Related Knowledge',
      'Problem-Solving Ability',
      'Collaboration and Communication',
      'Adaptability',
    ]);
    expect(hms.process).toHaveLength(3);
    expect(hms.faqs).toEqual([]);
    expect(hms.tips).toEqual([]);
    expect(hms.focusAreas).toEqual([]);
  });
});

describe('page noise', () => {
  it.each([
    ['CHOP', chop],
    ['HMS', hms],
  ])('does not leak into any field of the %s guide', (_name, guide) => {
    const strings = allStrings(guide);
    for (const s of strings) {
      expect(s).not.toMatch(
        /sign (up|in)|already have an account|question bank|click any question|create a free account/i,
      );
      expect(s).not.toMatch(/^(tip|note)$/i);
    }
    expect(GuideSchema.safeParse(guide).success).toBe(true);
  });

  it('gives the same guide when noise is sprinkled between every section and list item', () => {
    const noise = ['Sign up free', 'Tip', 'Already have an account? Sign in', 'Note', ''];
    const noisy = chopPage
      .split('\n')
      .flatMap((line, i) =>
        i > 0 && (line.startsWith('- ') || TOP_HEADINGS.includes(line)) ? [noise[i % 5] ?? '', line] : [line],
      )
      .join('\n');
    expect(noisy).not.toBe(chopPage);
    expect(content(parseGuidePage(noisy, 'noisy.txt'))).toEqual(content(chop));
  });

  it('finds a heading glued to sign-in text anywhere on the page', () => {
    const glued = chopPage.replace(
      '\nFrequently Asked Questions\n',
      '\nSign up freeAlready have an account? Sign inFrequently Asked Questions\n',
    );
    expect(content(parseGuidePage(glued, 'glued.txt'))).toEqual(content(chop));
  });

  it('keeps the curated list going past a lone "Tip" line but ends it at the sign-up wall', () => {
    const page = hmsPage.replace(/\n(Design a low-risk)/, '\nTip\n$1');
    expect(parseGuidePage(page, 'hms.txt').questions).toHaveLength(3);
  });
});

describe('variations of the pages', () => {
  it('reads Windows line endings and a byte-order mark the same', () => {
    const crlf = `\ufeff${chopPage.replace(/\n/g, '\r\n')}`;
    expect(content(parseGuidePage(crlf, 'crlf.txt'))).toEqual(content(chop));
    expect(content(parseGuidePage(hmsPage.replace(/\n/g, '\r\n'), 'crlf.txt'))).toEqual(content(hms));
  });

  it('finds the same content when the sections come in another order', () => {
    const { head, sections } = splitSections(chopPage);
    const reversed = [...sections.entries()].reverse();
    const g = parseGuidePage(joinSections(head, reversed), 'reordered.txt');
    const byText = (a: { text: string }, b: { text: string }) => a.text.localeCompare(b.text);
    expect([...g.questions].sort(byText)).toEqual([...chop.questions].sort(byText));
    expect(new Set(g.evaluationAreas.map((a) => a.name))).toEqual(new Set(chop.evaluationAreas.map((a) => a.name)));
    expect(g.faqs).toEqual(chop.faqs);
    expect(g.tips).toEqual(chop.tips);
    expect(g.process).toEqual(chop.process);
    expect(g.requirements).toEqual(chop.requirements);
    expect(new Set(g.focusAreas)).toEqual(new Set(chop.focusAreas));
    expect(g.overview).toEqual(chop.overview);
  });

  it('reads a page with sections missing, keeping what is there', () => {
    const { head, sections } = splitSections(chopPage);
    const without = (...names: string[]) =>
      parseGuidePage(
        joinSections(
          head,
          [...sections.entries()].filter(([name]) => !names.includes(name)),
        ),
        'partial.txt',
      );

    const noCommon = without('Common Interview Questions');
    expect(noCommon.questions.map((q) => q.text)).toEqual(CHOP_QUESTIONS.slice(10).map(([t]) => t));

    const noDeepDive = without('Deep Dive into Evaluation Areas');
    expect(noDeepDive.questions).toHaveLength(10);
    expect(noDeepDive.focusAreas).toEqual([]);
    expect(noDeepDive.evaluationAreas).toHaveLength(4);

    const noFaqsOrTips = without('Frequently Asked Questions', 'Other General Tips', 'Summary & Next Steps');
    expect(noFaqsOrTips.faqs).toEqual([]);
    expect(noFaqsOrTips.tips).toEqual([]);
    expect(noFaqsOrTips.questions).toHaveLength(16);

    const onlyProcess = parseGuidePage(
      joinSections(head, [['Interview Process Overview', sections.get('Interview Process Overview') ?? []]]),
      'process-only.txt',
    );
    expect(onlyProcess.questions).toEqual([]);
    expect(onlyProcess.process).toHaveLength(3);
  });

  it('keeps "Q:" lines as FAQs even when the FAQ heading is missing', () => {
    const page = chopPage.replace('Frequently Asked Questions\n', '');
    const g = parseGuidePage(page, 'no-faq-heading.txt');
    expect(g.faqs).toEqual(chop.faqs);
    expect(g.questions).toHaveLength(16);
  });

  it('reads FAQs written as a question line followed by its answer', () => {
    const page = chopPage.replace(
      /Frequently Asked Questions\n[\s\S]*?\nOther General Tips/,
      'Frequently Asked Questions\nHow long is the process?\nAbout six weeks.\nIs it remote?\nA: Hybrid, three days on site.\nOther General Tips',
    );
    expect(parseGuidePage(page, 'faq.txt').faqs).toEqual([
      { question: 'How long is the process?', answer: 'About six weeks.' },
      { question: 'Is it remote?', answer: 'Hybrid, three days on site.' },
    ]);
  });

  it('takes unquoted example questions ending in "?" and leaves the area text alone', () => {
    const page = chopPage.replace(/- "(How do you ensure data integrity[^"]+)"/, '$1');
    const g = parseGuidePage(page, 'unquoted.txt');
    expect(g.questions.map((q) => q.text)).toEqual(chop.questions.map((q) => q.text));
    expect(g.evaluationAreas).toEqual(chop.evaluationAreas);
  });

  it('counts a question repeated on the page once', () => {
    const page = hmsPage.replace(
      'Explain a structured debugging approach',
      'Design a CI/CD system for Airflow, dbt, Spark, and Kafka pipelines with automated testing, staged releases, rollback, and SOX-compliant auditability.\nExplain a structured debugging approach',
    );
    expect(parseGuidePage(page, 'dup.txt').questions).toHaveLength(3);
  });

  it('reads category headings that follow a curated list', () => {
    const page = hmsPage.replace(
      'Sign up to see all questions',
      'Behavioral Questions\n- Tell me about a time you changed a lab’s workflow.\n- Describe a situation where a PI disagreed with you.\nSign up to see all questions',
    );
    const g = parseGuidePage(page, 'mixed.txt');
    expect(g.questions).toHaveLength(5);
    expect(g.questions.slice(3).map((q) => [q.category, q.star])).toEqual([
      ['behavioral', true],
      ['behavioral', true],
    ]);
    expect(g.questions.some((q) => q.text === 'Behavioral Questions')).toBe(false);
  });

  it('gives question ids that survive re-imports and cosmetic edits', () => {
    const again = parseGuidePage(chopPage, 'other-name.txt');
    expect(again.questions.map((q) => q.id)).toEqual(chop.questions.map((q) => q.id));
    expect(new Set(chop.questions.map((q) => q.id)).size).toBe(16);
    expect(chop.questions[0]?.id).toMatch(/^childrens-hospital-of-philadelphia-software-engineer-[0-9a-f]{8}$/);
    const straightQuotes = parseGuidePage(chopPage.replace('you’ve worked on', "you've worked on"), 'x.txt');
    expect(straightQuotes.questions[0]?.id).toBe(chop.questions[0]?.id);
  });
});

describe('input that is not a guide page', () => {
  const fails = (text: string, pattern: RegExp) => {
    let error: unknown;
    try {
      parseGuidePage(text, 'input.txt');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(GuideParseError);
    expect((error as Error).message).toMatch(pattern);
  };

  it('refuses an empty or blank file', () => {
    fails('', /input\.txt is empty/);
    fails(' \r\n\n\t\n', /is empty/);
  });

  it('refuses a binary file', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    fails(bytes.toString('utf8'), /looks like a binary file.*plain UTF-8 text/);
    fails(`What is a Software Engineer at Acme?\n\0\0\0\0${'\u0001'.repeat(20)}`, /binary/);
  });

  it('refuses a 5 MB file with its size, without reading it as a page', () => {
    const huge = chopPage.repeat(Math.ceil((5 * 1024 * 1024) / chopPage.length));
    fails(huge, /is 5\.0 MB, larger than the 1\.0 MB a guide page can be/);
  });

  it('refuses text with no guide title or no sections', () => {
    fails(
      'Just some notes I took.\n- Tell me about a time you failed.\n',
      /no title line such as "What is a Software Engineer at Acme\?"/,
    );
    fails('What is a Data Engineer at Acme?\nAcme makes anvils.\n', /none of the guide's sections/);
  });

  it('refuses two guides pasted into one file', () => {
    fails(`${hmsPage}\n${chopPage}`, /more than one guide: titles on lines 1 and \d+/);
  });
});

describe('parseCategory', () => {
  it.each([
    ['behavioral', 'behavioral'],
    ['Behavioural', 'behavioral'],
    ['behav', 'behavioral'],
    ['system design', 'system-design'],
    ['System-Design', 'system-design'],
    ['systems design', 'system-design'],
    ['deep-dive', 'project-deep-dive'],
    ['project deep dive', 'project-deep-dive'],
    ['TECHNICAL', 'technical'],
    ['situational', 'situational'],
    ['scenario', 'situational'],
  ])('reads %s as %s', (input, expected) => {
    expect(parseCategory(input)).toBe(expected);
  });

  it.each(['', 'banana', 'de', '!!!'])('returns undefined for %j', (input) => {
    expect(parseCategory(input)).toBeUndefined();
  });
});
