// The general front on a page's FAQ section: its questions ask about the interview, not in it,
// and are kept as FAQs with their answers. The pages here are written for these tests.
import { describe, expect, it } from 'vitest';
import { readGuide } from '../../src/guides/read';

const PAGE = `# Initech Software Engineer Interview Guide

## Coding Questions

1. Reverse a linked list.
2. How would you design a rate limiter?

## Frequently Asked Questions

### How long does the Initech interview process take?

About four weeks from the recruiter call to the offer.

**Is there a take-home assignment?**

No, all rounds are live.

- **Can I use Python?** Yes, any mainstream language.

## FAQ

Q: Do they ask system design for new grads?
A: Rarely.

## Behavioral Questions

- Tell me about a time you failed.
`;

describe('the general front on FAQ sections', () => {
  it('keeps the FAQ section out of the questions, and the questions after it in', () => {
    const g = readGuide(PAGE, 'initech.md');
    expect(g.questions.map((q) => q.text)).toEqual([
      'Reverse a linked list.',
      'How would you design a rate limiter?',
      'Tell me about a time you failed.',
    ]);
  });

  it('keeps each FAQ with its answer: under a heading, a bold line, on one line, or labelled Q: and A:', () => {
    expect(readGuide(PAGE, 'initech.md').faqs).toEqual([
      {
        question: 'How long does the Initech interview process take?',
        answer: 'About four weeks from the recruiter call to the offer.',
      },
      { question: 'Is there a take-home assignment?', answer: 'No, all rounds are live.' },
      { question: 'Can I use Python?', answer: 'Yes, any mainstream language.' },
      { question: 'Do they ask system design for new grads?', answer: 'Rarely.' },
    ]);
  });

  it('reads a title naming frequently asked questions in interviews as questions, not FAQs', () => {
    const page = `# Frequently Asked Questions in Initech Interviews

## Technical Questions

- Design a URL shortener.
- What is a closure?
`;
    const g = readGuide(page, 'initech.md');
    expect(g.questions.map((q) => q.text)).toEqual(['Design a URL shortener.', 'What is a closure?']);
    expect(g.faqs).toEqual([]);
  });
});
