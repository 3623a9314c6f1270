// Pages whose evidence for one employer is weak or split between several: the general front
// refuses, naming what it found and how to say which employer is meant, rather than filing the
// guide under a wrong name. The pages here are written for these tests.
import { describe, expect, it } from 'vitest';
import { GuideParseError } from '../../src/guides/errors';
import { readGuide } from '../../src/guides/read';

const QUESTIONS = '\n\n## Questions\n\n- How would you design a rate limiter?\n- Tell me about a time you failed.\n';
const refusal = (page: string, file = 'page.md') => {
  try {
    readGuide(page, file);
  } catch (err) {
    if (err instanceof GuideParseError) return err.message;
    throw err;
  }
  return 'accepted';
};

describe('pages about several employers', () => {
  it('refuses a title comparing employers, naming them and the --employer fix', () => {
    const said = refusal(`# Google vs Meta vs Amazon: interview questions compared${QUESTIONS}`);
    expect(said).toContain('names several employers (Google, Meta, Amazon)');
    expect(said).toContain('--employer "Google"');
    expect(refusal(`# What were you asked at Google, Amazon, Facebook, or Microsoft?${QUESTIONS}`)).toContain(
      'several employers (Google, Amazon, Facebook, Microsoft)',
    );
  });

  it('refuses headings each naming another employer under a title naming none', () => {
    const page =
      '# My notes\n\n## Interview at Initech\n\n- Reverse a list.\n\n## Interview at Globex\n\n- Tell me about a time you failed.\n';
    expect(refusal(page, 'notes.md')).toContain('several employers (Initech, Globex)');
  });

  it('reads a title naming one employer and listing kinds of round, or subjects asked', () => {
    expect(readGuide(`# Amazon Interview: Coding, System Design and Behavioral${QUESTIONS}`, 'p.md').employer).toBe(
      'Amazon',
    );
    const visa = 'I had a phone screen with Visa and was asked some SQL, Python, and Business case problems.';
    expect(readGuide(`${visa}${QUESTIONS}`, 'visa-phone.md').employer).toBe('Visa');
  });

  it('takes no group of employers ("FAANG") and no review or practice site ("Glassdoor") as the employer', () => {
    expect(refusal(`# FAANG interview notes${QUESTIONS}`, 'notes.md')).toContain('no employer found');
    expect(refusal(`# Glassdoor Interview Questions${QUESTIONS}`, 'notes.md')).toContain('no employer found');
  });
});

describe('weak evidence in the words and the file name', () => {
  it('refuses when the page interviewed with one employer but names another more often', () => {
    const story =
      '# Interview Questions\n\nI interviewed with Initech in May, after three years at Globex. At Globex I led a team; at Globex we shipped maps.';
    expect(refusal(`${story}${QUESTIONS}`, 'notes.md')).toContain('no employer found');
  });

  it('keeps the speaker\'s "I" out of a name the sentences repeat', () => {
    const story =
      '# Interview Questions\n\nWhy Globex? At Globex I learned a lot. At Globex I grew. At Globex I stayed.';
    expect(readGuide(`${story}${QUESTIONS}`, 'notes.md').employer).toBe('Globex');
  });

  it('takes no shorthand file name ("lc.md", "cmp2.md") as an employer', () => {
    expect(refusal(`# Questions I was asked${QUESTIONS}`, 'lc.md')).toContain('no employer found');
    expect(refusal(`# Questions I was asked${QUESTIONS}`, 'cmp2.md')).toContain('no employer found');
    expect(refusal(`# Questions I was asked${QUESTIONS}`, 'hubspot.md')).toContain('--employer "Hubspot"');
    expect(readGuide(`# Questions I was asked at HubSpot${QUESTIONS}`, 'hubspot.md').employer).toBe('HubSpot');
  });
});

describe('an employer written as its initials', () => {
  it('files the guide under the name the page spells out ("GS" and "Goldman Sachs")', () => {
    const page = '# GS Interview Experience\n\nMy Goldman Sachs superday had three rounds.';
    expect(readGuide(`${page}${QUESTIONS}`, 'notes.md').employer).toBe('Goldman Sachs');
    expect(readGuide(`# IBM Interview Experience${QUESTIONS}`, 'notes.md').employer).toBe('IBM');
  });
});

describe('evidence that names the wrong thing', () => {
  it('refuses a title naming whose it is ("Marwan Zibaoui\'s Adblock interview") rather than file it under that', () => {
    const said = refusal(`# Marwan Zibaoui's Adblock interview${QUESTIONS}`, 'README.md');
    expect(said).toContain('no employer found');
    expect(said).toContain('--employer');
  });

  it('leaves a programme\'s initials out of the name ("Optum TDP" is Optum)', () => {
    expect(readGuide(`# Interview Experience – Optum TDP${QUESTIONS}`, 'index.md').employer).toBe('Optum');
    expect(readGuide(`# Google STEP Interview${QUESTIONS}`, 'index.md').employer).toBe('Google');
  });

  it('refuses a camel-case file name run together ("visaSQLPhoneInterview.md") rather than take it as a name', () => {
    expect(refusal(`# Phone screen${QUESTIONS}`, 'PracticeInterviews/visaSQLPhoneInterview.md')).toContain(
      '--employer',
    );
    expect(refusal(`# Notes${QUESTIONS}`, 'linkedin/behaviorQuestions.md')).toContain('--employer');
  });

  it('takes no words about the job from the path into the name ("dropbox-front-end-interview-questions.md")', () => {
    const page = `# Dropbox Front End Interview Questions\n\nDropbox Front End roles are rare.${QUESTIONS}`;
    expect(readGuide(page, 'companies/dropbox-front-end-interview-questions.md').employer).toBe('Dropbox');
  });
});
