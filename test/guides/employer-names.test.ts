// The employer the general front reads when the name has several words ("Jane Street", "Palo Alto
// Networks"): the pages here are written for these tests.
import { describe, expect, it } from 'vitest';
import { readGuide } from '../../src/guides/read';

const QUESTIONS = '\n\n## Coding\n- Reverse a linked list.\n- How would you design a rate limiter?\n';
const employerOf = (title: string, file = 'page.md') => readGuide(`${title}${QUESTIONS}`, file).employer;

describe('multi-word employer names', () => {
  it('keeps the whole capitalised name before the role and the kind of page', () => {
    expect(employerOf('# Jane Street SWE Internship')).toBe('Jane Street');
    expect(employerOf('# Jane Street Quant Trader Interview Questions')).toBe('Jane Street');
    expect(employerOf('# Two Sigma Summer Internship Guide')).toBe('Two Sigma');
    expect(employerOf('# Capital One Software Engineer Interview')).toBe('Capital One');
    expect(employerOf('# Palo Alto Networks Interview Experience')).toBe('Palo Alto Networks');
    expect(employerOf('# Interview Experience – Morgan Stanley Technology Analyst')).toBe('Morgan Stanley');
    expect(employerOf('# Interviewing at Hudson River Trading: my notes')).toBe('Hudson River Trading');
  });

  it('ends the name before a two-word descriptor ("Front End") and leaves a sentence\'s full stop out', () => {
    expect(employerOf('# Initech Front End Interview Questions')).toBe('Initech');
    expect(readGuide(`# Initech Front End Interview Questions${QUESTIONS}`, 'page.md').role).toBe('Front End Engineer');
    expect(employerOf('# Initech Full Stack Interview Guide')).toBe('Initech');
    expect(employerOf('# Interview with Initech.')).toBe('Initech');
    // a dot inside the name stays
    expect(employerOf('# Interview with Booking.com')).toBe('Booking.com');
  });

  it("ends a Title Case title's name at a word joining a clause, and takes no kind of employer as one", () => {
    expect(employerOf('# How I Failed My Interview At Initech But Ended Up With Three Offers')).toBe('Initech');
    expect(employerOf('# Interviewing At Bank of America In 2024')).toBe('Bank of America');
    const page = `# My first technical interview\n\n**What coding interviews at Tech Companies test:**\n\nI prepared at Initech for weeks; the Initech engineers and Initech recruiters were kind.${QUESTIONS}`;
    expect(readGuide(page, 'page.md').employer).toBe('Initech');
  });

  it('keeps a one-word name one word', () => {
    expect(employerOf('# Google SWE Internship')).toBe('Google');
    expect(employerOf("# Stripe's Interview Process")).toBe('Stripe');
  });

  it('takes the whole name from the path when the page writes it but its title cuts it short', () => {
    const page = `# Jane's Interview Notes\n\nI spent a day at the Jane Street office.${QUESTIONS}`;
    expect(readGuide(page, 'guides/Jane_Street_Guide.md').employer).toBe('Jane Street');
    expect(readGuide(page, 'notes/jane-street/index.md').employer).toBe('Jane Street');
    // a path the page never spells as a name changes nothing
    expect(readGuide(page, 'guides/jane-doe-notes.md').employer).toBe('Jane');
  });
  it('takes the employer from a file name without the date in it, and a name written as its address, when the page writes it', () => {
    const page = `### Round 1: Online Test\n\nQ1. Disk Space Analysis\n\nQ2. Stream Aggregation\n`;
    const written = (name: string) => `My rounds at ${name}.\n\n${page}`;
    expect(readGuide(written('Booking.com'), 'Booking.com_June_2022.md').employer).toBe('Booking.com');
    expect(readGuide(written('Initech'), 'initech-2024-05.md').employer).toBe('Initech');
    // a name that starts like a month stays whole
    expect(readGuide(written('Marvel Studios'), 'marvel-studios.md').employer).toBe('Marvel Studios');
    // a page that never writes it is refused, the file name suggested
    expect(() => readGuide(page, 'Booking.com_June_2022.md')).toThrow(/--employer "Booking.com"/);
  });
});
