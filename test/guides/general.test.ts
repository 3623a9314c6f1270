// The general front on pages in layouts Starling has no front of its own for. The pages
// here are written for these tests; test/guides/real/ holds saved real pages.
import { describe, expect, it } from 'vitest';
import { GuideParseError } from '../../src/guides/errors';
import { readGuide } from '../../src/guides/read';

const MARKDOWN = `# Stripe Software Engineer Interview Guide

Stripe's loop has a phone screen and an onsite.

## Coding
1. Implement a rate limiter for an API.
2. Given a list of transactions, find the duplicates.

## System Design
- Design a payments ledger that never loses money.

## Behavioral
- Tell me about a time you disagreed with your manager.
- Why Stripe?

## Tips
- Practise in a plain editor.
`;

const CHROME = `Home
Companies
Pricing
Log in
Interviewing at Globex
Globex hires data scientists through three rounds.
Top Globex Data Scientist Interview Questions
How would you measure the success of a new feature?
Read answer
Practice question (Free)
What is the difference between L1 and L2 regularisation?
Read answer
About us
© 2026 Example Prep Ltd
`;

describe('the general front', () => {
  it('reads employer, role and questions under question headings, categorised by the heading', () => {
    const g = readGuide(MARKDOWN, 'stripe.md');
    expect(g).toMatchObject({ employer: 'Stripe', role: 'Software Engineer', slug: 'stripe-software-engineer' });
    expect(g.questions.map((q) => [q.text, q.category])).toEqual([
      ['Implement a rate limiter for an API.', 'technical'],
      ['Given a list of transactions, find the duplicates.', 'technical'],
      ['Design a payments ledger that never loses money.', 'system-design'],
      ['Tell me about a time you disagreed with your manager.', 'behavioral'],
      ['Why Stripe?', 'behavioral'],
    ]);
    expect(g.questions.find((q) => q.text.startsWith('Tell me'))?.star).toBe(true);
    expect(g.source).toBe('stripe.md');
  });

  it('leaves site chrome out', () => {
    const g = readGuide(CHROME, 'globex.txt');
    expect(g.employer).toBe('Globex');
    expect(g.role).toBe('Data Scientist');
    expect(g.questions.map((q) => q.text)).toEqual([
      'How would you measure the success of a new feature?',
      'What is the difference between L1 and L2 regularisation?',
    ]);
  });

  it('says what it found and how to fix it when unsure, and reads nothing in', () => {
    expect(() => readGuide('# Interview Questions\n- Tell me about yourself and your goals.\n', 'x.md')).toThrow(
      /no employer found in its title or headings \(1 question found\).*--employer "Acme"/,
    );
    expect(() => readGuide('# Interviewing at Initech\nThe process takes two weeks.\n', 'y.md')).toThrow(
      /found the employer Initech but no interview questions/,
    );
    expect(() => readGuide('Shopping list\n- milk\n- eggs\n', 'z.txt')).toThrow(GuideParseError);
    const given = readGuide('# Interview Questions\n- Tell me about yourself and your goals.\n', 'x.md', {
      employer: 'Initech',
    });
    expect(given).toMatchObject({ employer: 'Initech', role: 'Any role', slug: 'initech' });
  });
});

// a repository's company guide: problems listed by name, each with its notes indented below it
const NAMED = `# Initech Interview Preparation Guide

## Core Focus Areas
### 1. Data Structures & Algorithms
- Graphs & Trees
- Dynamic Programming

## Top 10 Coding Questions
1. **LRU Cache**
   - [Problem](https://example.com/lru)
   - HashMap + Doubly Linked List
2. **Design Hit Counter**
   - Queue-based solution

## Language-Specific Questions
1. **JVM Internals**
   - Garbage collection

## Behavioral Questions
1. **Tell me about a time you improved an existing system**
   - Focus on impact
`;

// an interview write-up: numbered problem headings, questions announced in a sentence
const WRITE_UP = `I went through the Umbrella Corp onsite last spring. Everyone asks why Umbrella Corp, so
have a reason to work at Umbrella Corp beyond the pay. The Umbrella Corp recruiters were kind.

The interviewer asked several coding questions, including:
- Difference between a process and a thread
- **Follow-up:** What if the threads share a cache?

### 1️⃣ Meeting Room Scheduler
**Key Requirements:**
- Return the fewest rooms needed
`;

describe('the general front on lists of problems and write-ups', () => {
  it('reads problem names under question headings, not topics or the notes under each problem', () => {
    const g = readGuide(NAMED, 'initech.md');
    expect(g.employer).toBe('Initech');
    expect(g.questions.map((q) => [q.text, q.category])).toEqual([
      ['LRU Cache', 'technical'],
      ['Design Hit Counter', 'system-design'],
      ['Tell me about a time you improved an existing system', 'behavioral'],
    ]);
  });

  it('finds the employer the sentences keep naming, and questions announced in a sentence or numbered heading, not the notes of a problem', () => {
    const g = readGuide(WRITE_UP, 'notes.md');
    expect(g.employer).toBe('Umbrella Corp');
    expect(g.questions.map((q) => q.text)).toEqual([
      'Difference between a process and a thread',
      'What if the threads share a cache?',
      'Meeting Room Scheduler',
    ]);
  });
});

// written for these tests, in the shapes seen on saved pages (a bare list of prompts, a FAQ
// with "Question:" lines and tips, a write-up telling its questions in sentences)
const BARE_LIST = `1. Design a link shortener for a small team.
2. How would you store the counts of every word in a
very large set of documents?
3. Write a function that, given two sorted lists, returns one sorted list
without duplicates.
4. Talk about a time you taught someone a new tool
`;

const FAQ = `# Frequently Asked Questions in Vandelay Interviews

## Technical Questions

### 1. Object-Oriented Design
- **Question**: Design a vending machine
  - **Difficulty**: Medium

## Common Problem Patterns

### 1. Data Structures
- Hash Tables

## Behavioral Questions
- **Behavioral Questions:**
  - Conflict resolution
  - "Tell me about a time you missed a deadline"

## Interview Tips

### Technical Rounds
1. Write clean, maintainable code
`;

const TOLD = `---
title: "Hooli Rounds"
---

## Interview

First was — *Given two strings, find the shortest edit between them*.

Some of the questions she asked me — *How I deployed my project, What is a race condition, Difference between TCP and UDP, And when to use each.*

## Coding Round
- Given a list of numbers, return the pairs that sum to N. Example:
- Given a list of words -> return the longest chain
- Two Sum → [Two Sum | LeetCode #1](https://example.org/two-sum)
`;

describe('the general front on bare lists, FAQs and questions told in sentences', () => {
  it('suggests the file name as the employer when the page never names one, and reads a page that is only a list of prompts, wrapped lines and all', () => {
    // a file name alone ("graphs.md" as often as "pied-piper.md") is a suggestion, not an employer
    expect(() => readGuide(BARE_LIST, 'pied-piper.md')).toThrow(/--employer "Pied Piper"/);
    const g = readGuide(BARE_LIST, 'pied-piper.md', { employer: 'Pied Piper' });
    expect(g.employer).toBe('Pied Piper');
    expect(g.questions.map((q) => q.text)).toEqual([
      'Design a link shortener for a small team.',
      'How would you store the counts of every word in a very large set of documents?',
      'Write a function that, given two sorted lists, returns one sorted list without duplicates.',
      'Talk about a time you taught someone a new tool',
    ]);
    // a file name that names no one is no employer
    expect(() => readGuide(BARE_LIST, 'index.md')).toThrow(/no employer found/);
  });

  it('reads "Question:" lines under a numbered heading, not study topics, behavioural topics or the tips under a tips heading', () => {
    const g = readGuide(FAQ, 'faq.md');
    expect(g.employer).toBe('Vandelay');
    expect(g.questions.map((q) => q.text)).toEqual([
      'Design a vending machine',
      'Tell me about a time you missed a deadline',
    ]);
  });

  it('reads questions a write-up tells in its sentences, and its front-matter title names the employer', () => {
    const g = readGuide(TOLD, 'post.md');
    expect(g.employer).toBe('Hooli');
    expect(g.questions.map((q) => q.text)).toEqual([
      'Given two strings, find the shortest edit between them',
      'How I deployed my project',
      'What is a race condition',
      'Difference between TCP and UDP, And when to use each',
      'Given a list of numbers, return the pairs that sum to N.',
      'Given a list of words -> return the longest chain',
      'Two Sum',
    ]);
  });
});

const ROUNDS = `# Wayne Enterprises Interview Experience

### Round 1: Coding Interview
**Duration:** 45 minutes

#### Questions Asked:
1. Merge K Sorted Lists
   - Approach taken: a heap
   - Follow-up: How would you merge lists too big for memory?
   - Follow-up: Streaming input
`;

describe('the general front on write-ups in rounds', () => {
  it("keeps a round's category past its Duration line, and reads a follow-up asked under a question", () => {
    const g = readGuide(ROUNDS, 'wayne.md');
    expect(g.questions.map((q) => [q.text, q.category])).toEqual([
      ['Merge K Sorted Lists', 'technical'],
      ['How would you merge lists too big for memory?', 'technical'],
    ]);
  });
});

// a write-up whose question "What is an API?" is shaped like the shipped layout's role-only title
const CORE_CS = `# Interview Experience – Initech (Internship)

## Round 2 – Technical

### Web Concepts
- What is an **API**?
  Reference: https://example.org/api
- Explain Dijkstra's Algorithm
  Reference: https://example.org/dijkstra
- What is a REST API?

### Storage
- How disk drives work
- Difference between HDD and SSD

### Coding Question

**Question (as asked):**
> Write a program to count the repeated characters in each word.

\`\`\`python
# Design notes: not a heading
def count(word): return 0
\`\`\`

## Overall Experience
- How I wish I had slept more
`;

const PROBLEMS = `# Initrode Mock Set

## Arrays

### Problem 1: Merge Intervals

**Edge Cases:**
- Insert at the beginning or end

### Problem 2: Insert Interval

### Answer
- Check the list is sorted first
`;

const PLAIN = `I had a phone screen with Initrode for a data role and was asked a few things;

Here are the questions:

Briefly walk me through your resume

Tell me how you would find the top merchant.

That was all, and the call ended early.
`;

describe('the general front on write-ups with references, code and plain question lines', () => {
  it('reads a write-up whose question looks like a guide title, past reference lines and sub-headings of a round, without its code', () => {
    const g = readGuide(CORE_CS, 'initech.md');
    expect(g.employer).toBe('Initech');
    expect(g.questions.map((q) => q.text)).toEqual([
      'What is an API?',
      "Explain Dijkstra's Algorithm",
      'What is a REST API?',
      'How disk drives work',
      'Difference between HDD and SSD',
      'Write a program to count the repeated characters in each word.',
    ]);
    // a guide page cut short after its title is still told so, not read as a write-up
    expect(() => readGuide('What is a Data Engineer at Acme?\nAcme makes anvils.\n', 'acme.txt')).toThrow(
      /none of the guide's sections.*Save the whole guide page/,
    );
  });

  it('reads "Problem 1: Merge Intervals" headings as questions, not the notes or answers under them', () => {
    const g = readGuide(PROBLEMS, 'initrode-mock.md');
    expect(g.questions.map((q) => q.text)).toEqual(['Merge Intervals', 'Insert Interval']);
  });

  it('reads plain lines after "Here are the questions:", and spells the employer from the file name as the page does', () => {
    const g = readGuide(PLAIN, 'initrode-phone-screen.md');
    expect(g.employer).toBe('Initrode');
    expect(g.questions.map((q) => q.text)).toEqual([
      'Briefly walk me through your resume',
      'Tell me how you would find the top merchant.',
    ]);
  });
});

const ROUND_NOTES = `# Interview Experience – Initech (Analyst Intern)

## Round 1 – Technical Interview

### Self-Introduction
I was asked to give a detailed introduction, which included:
- How I contribute to a team
- What I learned from my projects

### Project Discussion
- Asked about:
  - Design decisions
  - Trade-offs
- My project was about networks, which helped a lot

### CS Fundamentals
The interviewer then asked questions from core CS subjects:

#### Operating Systems
- Threads vs Processes
- Types of OS

#### Networks
- What happens when we type a web address in a browser?

### Questions from My Side
- How an intern can contribute meaningfully

## Round 2 – HR Interview

### Discussion Areas
- How I would react to a tight deadline
- Why do you want to join us?
`;

describe('the general front on the notes of a round', () => {
  it("reads what the round asked, not the candidate's introduction, the subjects asked about, the candidate's own questions or what was discussed", () => {
    const g = readGuide(ROUND_NOTES, 'initech.md');
    expect(g.questions.map((q) => q.text)).toEqual([
      'Threads vs Processes',
      'Types of OS',
      'What happens when we type a web address in a browser?',
      'Why do you want to join us?',
    ]);
  });
});
