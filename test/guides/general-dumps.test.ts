// The general front on pages of the fourth round's layouts: difficulty sub-headings, plain label
// lines over lists of problems, answer pointers after questions, practice sites in titles, and a
// write-up pasted inside a fenced block. The pages here are written for these tests.
import { describe, expect, it } from 'vitest';
import { readGuide } from '../../src/guides/read';

const texts = (page: string, file = 'page.md') => readGuide(page, file).questions.map((q) => q.text);

describe('the general front on lists grouped by difficulty and labelled lists', () => {
  it('reads named problems under "Easy"/"Medium" sub-headings of a questions heading, not their links', () => {
    const page = `# Initech Interview Questions

### Coding Questions
#### Easy
1. **Two Sum**
   - [Problem Link](https://example.com/two-sum)
   - *Key Skill:* hash maps.
#### Medium
2. **LRU Cache**
   - [Problem Link](https://example.com/lru)
`;
    expect(texts(page)).toEqual(['Two Sum', 'LRU Cache']);
  });

  it('takes "Globex Problems:" on the first line as the employer and the list under it as problems', () => {
    const page = `Globex Problems:

- Valid Palindrome II (108 times): https://example.com/valid-palindrome-ii/
- "Given a binary tree, find the maximum path sum." (Solution)
- Merge Intervals. See our example answer to this question here.

General Problems:

- How would you design a calendar schema? Watch an answer to this question here.
`;
    const guide = readGuide(page, 'page.md');
    expect(guide.employer).toBe('Globex');
    expect(guide.questions.map((q) => q.text)).toEqual([
      'Valid Palindrome II',
      'Given a binary tree, find the maximum path sum.',
      'Merge Intervals.',
      'How would you design a calendar schema?',
    ]);
  });

  it('does not read a heading about the kind of problems asked as a list of them', () => {
    const page = `# Initech Guide

### Initech Problems
- The problems involve a game-like scenario, and they expect to see how you design a class and store the data.
`;
    expect(() => readGuide(page, 'page.md')).toThrow(/no interview questions/);
  });
});

describe('the general front on practice sites and fenced write-ups', () => {
  it('does not take a practice site in the title as the employer, but a round heading naming one', () => {
    const page = `# LeetCode Interview

## [Experienced] Initech Virtual Onsite August

### Coding
- Design a rate limiter for an API.
`;
    expect(readGuide(page, 'leetcode.md').employer).toBe('Initech');
  });

  it('reads a write-up pasted in a fenced block of sentences, not a block of code', () => {
    const page = `# Initech Interview Experience

\`\`\`bash
Round 1:
Normal day to day work related questions.
Coding questions:
- Print a matrix in spiral order, clockwise and anticlockwise.
- Design a system to upload files and store their metadata.
\`\`\`

## Solution

\`\`\`python
def spiral(m):
    return [x for row in m for x in row]
\`\`\`
`;
    expect(texts(page)).toEqual([
      'Print a matrix in spiral order, clockwise and anticlockwise.',
      'Design a system to upload files and store their metadata.',
    ]);
  });

  it('keeps skipping a fenced block of code', () => {
    const page = `# Initech Interview Questions

## Coding
- Reverse a linked list.

\`\`\`
- How would you do this? See below
const x = reverse(list);
let y = x.next;
\`\`\`
`;
    expect(texts(page)).toEqual(['Reverse a linked list.']);
  });
});
