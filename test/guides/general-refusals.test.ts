// The general front on pages an admin may try that list no interview questions (a job
// description, a list of resources, a resume checklist) and on questions with a remark after them
// or a role on a line of its own. The pages are written for these tests.
import { describe, expect, it } from 'vitest';
import { GuideParseError } from '../../src/guides/errors';
import { readGuide } from '../../src/guides/read';

const texts = (page: string, name: string) => readGuide(page, name).questions.map((q) => q.text);

describe('the general front on pages with no interview questions', () => {
  it('refuses a job description, reading neither its duties as questions nor its file name as the employer', () => {
    const page = `# Job Description: Backend Engineer

## Key Responsibilities

### Technical Problem Solving

- Debug and resolve production issues
- Design and implement new services

## Requirements

- Write clean, well-tested code
`;
    expect(() => readGuide(page, 'backend-engineer-jd.md')).toThrow(GuideParseError);
    expect(() => readGuide(page, 'backend-engineer-jd.md')).toThrow(/no employer/);
    expect(() => readGuide(page, 'backend-engineer-jd.md', { employer: 'Initech' })).toThrow(/no interview questions/);
  });

  it('reads no question from a list of articles and videos to study', () => {
    const page = `# Interview Prep

## Behavioral interviews:

- Why your resume gets auto-rejected: https://www.youtube.com/watch?v=abc
- How to answer "Why should we hire you?": https://medium.com/@someone/why-hire-you-123
- [Only have a week to prepare?](https://twitter.com/someone/status/1)
`;
    expect(() => readGuide(page, 'prep.md', { employer: 'Initech' })).toThrow(/no interview questions/);
  });

  it('still reads a problem whose link points to the problem', () => {
    const page = `# Initech Interview Questions

## Coding Questions

- Two Sum: https://leetcode.com/problems/two-sum
- How would you reverse a linked list?
`;
    expect(texts(page, 'initech.md')).toEqual(['Two Sum', 'How would you reverse a linked list?']);
  });

  it('reads no question from the questions a writer asks oneself about a resume', () => {
    const page = `# Initech Interview Tips

## Resume questions

- Do I have enough detail on my experience?
- Am I highlighting enough of my skills?
- Tell me about a project you are proud of?
`;
    expect(texts(page, 'initech.md')).toEqual(['Tell me about a project you are proud of?']);
  });
});

describe('the general front on a post of advice with no questions section', () => {
  const advice = Array.from({ length: 8 }, (_, i) => `- Keep your resume to one page, tip ${i + 1}.`).join('\n');

  it('reads no question from a few items that start like prompts among many items of advice', () => {
    const page = `# Job Search Tips

## LinkedIn

- Find the company that you are interested in on LinkedIn.
- Add a professional profile picture to your profile.
- Research the person interviewing you. What is their role? Are they engineers or managers, do you think?
${advice}
`;
    expect(() => readGuide(page, 'tips.md', { employer: 'Initech' })).toThrow(/no interview questions/);
  });

  it('still reads a page that is nothing but a numbered list of prompts', () => {
    const page = `1. Design a URL shortener for a large site
2. Find the longest palindrome in a string
3. Reverse a linked list in place, then explain it
4. Keep your answers short.
`;
    expect(readGuide(page, 'initech.md', { employer: 'Initech' }).questions).toHaveLength(3);
  });
});

describe('the general front on a question with a remark after it, and a role on its own line', () => {
  it('ends a question at its question mark when a remark follows, and keeps a task that goes on', () => {
    const page = `# Initech Interview Questions

## Technical Questions

- How do you implement Swagger? They mean this!
- What are your greatest strengths? (Give examples!)
- What is the best data structure for a phone book? Code an example solution and explain.
`;
    expect(texts(page, 'initech.md')).toEqual([
      'How do you implement Swagger?',
      'What are your greatest strengths?',
      'What is the best data structure for a phone book? Code an example solution and explain.',
    ]);
  });

  it('reads the role a "Role:" or "Job Description:" line states', () => {
    const page = (label: string) => `# Initech Interview Experience

**${label}:** Summer Analyst Intern (SA)

## Technical Round

- How would you reverse a linked list?
`;
    expect(readGuide(page('Role'), 'initech.md').role).toBe('Summer Analyst Intern');
    expect(readGuide(page('Job Description'), 'initech.md').role).toBe('Summer Analyst Intern');
  });

  it('reads numbered lines whose full stop a converter escaped ("1\\. Define the SOLID principles")', () => {
    const page = `Initech Interview Experience

## Technical Questions
1\\. Define the SOLID principles
2\\. How do you measure the success of a project?
`;
    expect(texts(page, 'initech.md')).toEqual([
      'Define the SOLID principles',
      'How do you measure the success of a project?',
    ]);
  });
});
