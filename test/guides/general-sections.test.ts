// The general front on a page's tips and process sections: the items under their headings become
// the guide's tips (for /prep tips) and process. The pages here are written for these tests.
import { describe, expect, it } from 'vitest';
import { readGuide } from '../../src/guides/read';

const PAGE = `# Initech Software Engineer Interview Guide

## Interview Process

1. Recruiter call.
2. Technical screen (1 hour).
3. Onsite: four rounds.

## Coding Questions

- Reverse a linked list.
- How would you design a rate limiter?

## Preparation Tips

### Before the interview

- Review the projects on your resume.
- Practise explaining your approach aloud.

### On the day

- Ask clarifying questions first.

## Resources

- [LeetCode](https://leetcode.com/)
`;

describe('the general front on tips and process sections', () => {
  it('keeps the items under a tips heading and its sub-headings as tips, and not the resources after it', () => {
    expect(readGuide(PAGE, 'initech.md').tips).toEqual([
      'Review the projects on your resume.',
      'Practise explaining your approach aloud.',
      'Ask clarifying questions first.',
    ]);
  });

  it('keeps the steps under an interview process heading as the process, not as questions', () => {
    const g = readGuide(PAGE, 'initech.md');
    expect(g.process).toEqual(['Recruiter call.', 'Technical screen (1 hour).', 'Onsite: four rounds.']);
    expect(g.questions.map((q) => q.text)).toEqual(['Reverse a linked list.', 'How would you design a rate limiter?']);
  });
});
