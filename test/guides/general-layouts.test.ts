// The general front on more layouts: headings underlined with "----", titles that name the
// employer without saying "interview", a generic title over a section named for the employer,
// and questions a guide reports in its sentences. The pages are written for these tests.
import { describe, expect, it } from 'vitest';
import { readGuide } from '../../src/guides/read';

const texts = (page: string, name: string) => readGuide(page, name).questions.map((q) => q.text);

describe('the general front on more layouts', () => {
  it('reads headings underlined with dashes, and leaves the tips under such a heading out', () => {
    const page = `Top Initech Coding Questions
----
1. Two Sum (easy)
2. Word Ladder (hard)

2. Top Initech System Design Questions
----
1. Design a news feed
2. Design a chat service
   Interview Tips
----
1) Think aloud - explain each step before you code it.
`;
    expect(texts(page, 'initech.md')).toEqual([
      'Two Sum',
      'Word Ladder',
      'Design a news feed',
      'Design a chat service',
    ]);
  });

  it('takes the employer from a title that names it without "interview", not from a round heading', () => {
    const page = `# Hooli – Summer Internship Guide

## Application Process

### 2. Recruiter Screen Call Interview

- You'll be asked some basic questions like why you applied to Hooli and why you chose that team.

### 3. Technical Interview

- You'll be asked to design a basic data structure, such as a HashMap or HashSet.
- You will be asked to write code on a shared document.
- Some of the topics you might encounter include:
  - Concurrency concepts
  - SOLID principles
`;
    const g = readGuide(page, 'guide.md');
    expect(g.employer).toBe('Hooli');
    expect(g.questions.map((q) => q.text)).toEqual([
      'why you applied to Hooli',
      'why you chose that team',
      'design a basic data structure, such as a HashMap or HashSet',
    ]);
  });

  it('takes the employer from the section a generic title opens, and reads round headings without a tag before a question', () => {
    const page = `# Questions

## Vandelay

### Phone Screen round

* What is a linked list?
* (Explore) How would you serve a queue of customers alone?

### Final round questions

* Invert a binary search tree.
* Keep track of the last ten entries of a list without duplicates.
`;
    const g = readGuide(page, 'questions.md');
    expect(g.employer).toBe('Vandelay');
    expect(g.questions.map((q) => q.text)).toEqual([
      'What is a linked list?',
      'How would you serve a queue of customers alone?',
      'Invert a binary search tree.',
      'Keep track of the last ten entries of a list without duplicates.',
    ]);
  });

  it('reads no questions from the steps of a process, a breakdown of areas or recommendations', () => {
    const page = `# Acme Interview Notes

### Technical Problem Breakdown

- Graphs / Trees (29%)
- Dynamic Programming (18%)

### Behavioral Interview

- Tell me about a time you had to resolve a conflict in a team

## Technical Interview Process

1. Ask clarifying questions.
  - Can we make any assumptions about the input?

## Recommendations

- If you target Acme, be ready before they call. How you explain matters, how you test too.
`;
    expect(texts(page, 'acme.md')).toEqual(['Tell me about a time you had to resolve a conflict in a team']);
  });

  it('reads the short items of a list that mostly asks, but not of a list of topics', () => {
    const page = `# Globex Interview Experience

## Round 2 – Technical

- What is Paging?
- What is Caching?
- Types of Cache
- What is an SSL Certificate?

### Discussion Areas
- Database Scaling
- Service oriented architectures, map-reduce, load-balancing
- Why did you use MongoDB?
`;
    expect(texts(page, 'globex.md')).toEqual([
      'What is Paging?',
      'What is Caching?',
      'Types of Cache',
      'What is an SSL Certificate?',
      'Why did you use MongoDB?',
    ]);
  });

  it('reads headings and bold lines that ask under a questions heading, not the answers under them', () => {
    const page = `# Initech Interview Questions

## Behavioral Questions

**Why do you want to work at Initech?**

Say something true about the product.

**Tell me about a time you failed.**

Pick a real failure.

## Technical Questions

### What is a closure?

A function with its scope. Explain how it keeps the variables alive.

## Why Initech?

Great people.
`;
    expect(texts(page, 'initech.md')).toEqual([
      'Why do you want to work at Initech?',
      'Tell me about a time you failed.',
      'What is a closure?',
    ]);
  });

  it('reads the question cell of each table row, not the header, rule, number or difficulty', () => {
    const page = `# Initech Interview Questions

## Coding Questions

| # | Question | Difficulty |
|---|----------|------------|
| 1 | [Two Sum](https://leetcode.com/problems/two-sum/) | Easy |
| 2 | Merge Intervals | Medium |
| 3 | Design a rate limiter | Hard |
`;
    expect(texts(page, 'initech.md')).toEqual(['Two Sum', 'Merge Intervals', 'Design a rate limiter']);
  });

  it('reads the column a table header names as its questions, however long, without the site number after one', () => {
    const page = `# Initech Interview Questions

## Onsite

| Round | Question | Notes |
|-------|----------|-------|
| Coding | Two Sum | The interviewer wanted an O(n) solution and asked about duplicates |
| Design | Design a URL shortener | We talked about hashing, caching and a database per region |
| Behavioral | Tell me about a time you failed. | Easy |
| Coding | **Longest Substring with At Most K Distinct Characters** (LC 340) | Sliding window |

Some notes after the table.

| Tip | Why it matters |
|-----|----------------|
| Practise aloud | Interviewers want to hear how you think |
`;
    expect(texts(page, 'initech.md')).toEqual([
      'Two Sum',
      'Design a URL shortener',
      'Tell me about a time you failed.',
      'Longest Substring with At Most K Distinct Characters',
    ]);
  });

  it('reads quoted question headings over quoted sample answers, under numbered groups of a behavioural heading', () => {
    const page = `# Initech Round 3: Behavioral Interview

## Common Behavioral Questions

### 1. Leadership & Initiative

#### "Tell me about a time you took initiative to improve a process."

**STAR Framework:**

- **Situation**: "Our deployment process was manual."
- **Result**: "Deployments took minutes, not hours."

### 2. Problem-Solving & Innovation

#### "Tell me about a time you solved a complex problem with limited resources."

**STAR Framework:**

- **Action**: "I researched open-source tools."

## Initech-Specific Questions

### 1. Remote Work & Collaboration

- "How do you stay connected with your team in a remote environment?"
- "How do you handle time zone differences?"

## Coding Questions

### 1. Merge Intervals

- "Sorted input" is the first hint.
`;
    expect(texts(page, 'initech.md')).toEqual([
      'Tell me about a time you took initiative to improve a process.',
      'Tell me about a time you solved a complex problem with limited resources.',
      'How do you stay connected with your team in a remote environment?',
      'How do you handle time zone differences?',
      'Merge Intervals',
    ]);
  });
  it('reads the sub-headings of a preparation section as advice, "Technical questions" and all', () => {
    const page = `# Initech Software Engineer Interview

## Coding Round

- Reverse a linked list in place.

## My real preparation

### Technical questions

- **Practice writing code on paper**: typing is easy, writing is hard.
- **Test your code**: always test it before you say you are done.

### Behavioral questions

- **Limit details**: Describe a summary of what you did and offer more if asked.
`;
    expect(texts(page, 'initech.md')).toEqual(['Reverse a linked list in place.']);
  });
  it('ends the questions a table header announced with the table', () => {
    const page = `# Initech Interview Guide

## Overview

| Round | Question |
|-------|----------|
| Coding | Two Sum |
| Design | Design a URL shortener |

The recruiter sends a checklist before the day, and it says what to bring.

- Explain your approach aloud while you code.
- Describe your projects briefly when asked.
`;
    expect(texts(page, 'initech.md')).toEqual(['Two Sum', 'Design a URL shortener']);
  });
  it('reads lines numbered "Q1." as questions, without the practice site before them or a tag after', () => {
    const page = `# Initech Data Engineer Interview

### Round 1: HackerRank Test

2 Questions: 60 mins

Q1. Hacker Rank - Disk Space Analysis
* https://example.org/disk-space-analysis

Q2. Stream Aggregation [Rebalanced]

Q3. Count islands in a grid [1 ≤ N ≤ 1e5]
`;
    expect(texts(page, 'initech.md')).toEqual([
      'Disk Space Analysis',
      'Stream Aggregation',
      'Count islands in a grid [1 ≤ N ≤ 1e5]',
    ]);
  });

  it('reads a problem named with what its brackets explain as a question, not as a long sentence', () => {
    const page = `# Initech Interview Questions

## Coding questions

1. [Find all triplets with zero sum](./q1.md)
2. [Meta Strings (Check if two strings can become same after a swap in one string)](./q2.md)
3. [Flood fill algorithm](./q3.md)
`;
    expect(texts(page, 'initech.md')).toEqual([
      'Find all triplets with zero sum',
      'Meta Strings (Check if two strings can become same after a swap in one string)',
      'Flood fill algorithm',
    ]);
  });
});
