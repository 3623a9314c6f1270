// The general front on interview write-ups as people post them: questions written one under
// another without list marks after a sentence leading into them, round names as list items over
// sentences telling each round, notes quoted under a question, emoji after one, a title folded
// over two lines of front matter and a picture standing alone. The pages are written for these tests.
import { describe, expect, it } from 'vitest';
import { readGuide } from '../../src/guides/read';

const texts = (page: string, name: string) => readGuide(page, name).questions.map((q) => q.text);

describe('the general front on interview write-ups', () => {
  it('reads the unmarked lines that ask after a sentence leading into them in a round, and "Asked me to ..." lines', () => {
    const page = `# Initech Interview Experience

## Technical Round 1

We talked about my internship for a while.
Afterwards, he moved on to networking:
Difference between TCP and UDP.
Asked me to explain how DNS resolution works.
I answered both and he seemed happy.
Then we chatted about the weather.

## Tips

Revise the basics:
Explain what you know before you code.
`;
    expect(texts(page, 'initech.md')).toEqual([
      'Difference between TCP and UDP.',
      'Asked me to explain how DNS resolution works.',
    ]);
  });

  it('reads round names listed over sentences as labels, taking only the questions those sentences report', () => {
    const page = `# Initech Interview Experience

The interviews were mostly about questions on DSA:

* Online Coding Test
  * This test had three coding problems of medium level.
* 1st Technical Interview
  * She asked me about my projects for a while.
  * He asked questions like how would you debug a crashing service, how would you test a parser, some good habits etc.
* HR Interview
  * We discussed my family background.
`;
    expect(texts(page, 'initech.md')).toEqual([
      'how would you debug a crashing service',
      'how would you test a parser',
    ]);
  });

  it('leaves a note quoted under a question, and the emoji after one, out of its text', () => {
    const page = `# Initech Interview Questions

## Verbal Technical Questions

- "Name the HTTP methods used for CRUD"
  > I believe they wanted the verbs for each operation.
- What book did you read most recently? 👀
- How is a hash map implemented?
`;
    expect(texts(page, 'initech.md')).toEqual([
      'Name the HTTP methods used for CRUD',
      'What book did you read most recently?',
      'How is a hash map implemented?',
    ]);
  });

  it('reads a front-matter title folded over two lines as one, and a picture alone on its line as no text', () => {
    const page = `---
title: My Initech Interview Experience for the role of
  Software Engineer
date: 2024-01-02
---
![Image](https://example.com/initech-logo.jpg "Initech")

## Coding Questions

- Reverse a linked list in place.
- Find the median of two sorted arrays.
`;
    const g = readGuide(page, 'post.md');
    expect(g.employer).toBe('Initech');
    expect(g.role).toBe('Software Engineer');
    expect(g.questions.map((q) => q.text)).toEqual([
      'Reverse a linked list in place.',
      'Find the median of two sorted arrays.',
    ]);
  });

  it('reads the lines reporting what the interviewer asked after a lead-in to topics, not the topics', () => {
    const page = `# Initech Interview Experience

## Technical Round 1

We talked about my projects for a while. Afterward, he shifted to core concepts:
Asked me to explain the 4 pillars of OOPs.
Asked about the data structures I had worked with and where they are used.
SDLC and the Waterfall model.
`;
    expect(texts(page, 'initech.md')).toEqual([
      'Asked me to explain the 4 pillars of OOPs.',
      'Asked about the data structures I had worked with and where they are used.',
    ]);
  });
});
