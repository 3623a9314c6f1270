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
