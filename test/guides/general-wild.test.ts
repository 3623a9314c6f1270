// The general front on shapes of page found in the wild (issue 19): topic sub-headings inside a
// questions section, and the like. The pages are written for these tests.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/index';
import { readGuide } from '../../src/guides/read';

const texts = (page: string, name: string) => readGuide(page, name).questions.map((q) => q.text);

describe('the general front on pages in the wild', () => {
  it('keeps reading questions under bold topic lines inside a questions section', () => {
    const page = `# Initech Backend Engineer Interview Prep

## Common Interview Questions

- "What is a race condition?"

### Language Fundamentals:

**Memory**:
- "Explain the difference between the stack and the heap"
- "What is a memory leak?"

**Errors**:
- "Explain checked and unchecked exceptions"
- "When would you rethrow an error?"
`;
    expect(texts(page, 'initech.md')).toEqual([
      'What is a race condition?',
      'Explain the difference between the stack and the heap',
      'What is a memory leak?',
      'Explain checked and unchecked exceptions',
      'When would you rethrow an error?',
    ]);
  });

  it('reads a problems list of bold names with a difficulty and tags, without the tags or the details under each', () => {
    const page = `# Initech Software Engineer Interview Prep

## Problems List

### Graph Problems (Problems 1-2)

Based on candidate reports and the team's own code:

1. **Course Schedule** (Medium) - Topological Sort - **Asked often**
   - Detect a cycle in the prerequisites
2. **Word Ladder** (Medium-Hard) - BFS
   - Shortest transformation sequence

## Tech Stack

- **Backend**: Java, Kafka
`;
    const g = readGuide(page, 'initech.md');
    expect(g.questions.map((q) => [q.text, q.category])).toEqual([
      ['Course Schedule', 'technical'],
      ['Word Ladder', 'technical'],
    ]);
  });

  it('reads the name column of a table of problems with a difficulty, rows without a closing bar too', () => {
    const page = `# Interview Questions

| Name                 | Difficulty | Expected time
| ----                 | ---------- | -------------
| [FizzBuzz](fizz.md)  | Easy       | 5 min
| [Word Wrap](wrap.md) | Medium     | 30 min
`;
    expect(readGuide(page, 'questions.md', { employer: 'Initech' }).questions.map((q) => q.text)).toEqual([
      'FizzBuzz',
      'Word Wrap',
    ]);
  });

  it('reads the code comments that state a task, without the code under them', () => {
    const page = `# Initech Interview

## Coding

{% highlight cpp %}
// reverse the list in place.
// return the new head.
node* reverse(node* head){
  return head;
}
// why does this loop never end?
while (i < n) { }
{% endhighlight %}
`;
    expect(texts(page, 'initech.md')).toEqual(['reverse the list in place.', 'why does this loop never end?']);
  });

  it('reads problem names set side by side in a source file comment, the employer from the file name', () => {
    const page = `package notes;
/*
We collected the problems asked in Initech interviews.

Arrays
  Two Sum  Group Anagrams  Minimum Window Substring
Design
  LRU Cache  Design Hit Counter
 */
public class Initech {}
`;
    const g = readGuide(page, 'Initech.java');
    expect(g.employer).toBe('Initech');
    expect(g.questions.map((q) => q.text)).toEqual([
      'Two Sum',
      'Group Anagrams',
      'Minimum Window Substring',
      'LRU Cache',
      'Design Hit Counter',
    ]);
  });

  it('does not split a sentence with two spaces after its full stop into names', () => {
    const page = `# Initech Interview Questions

- What is a deadlock?
- How do you avoid a race condition?

We were told the loop would be short.  Then the manager asked about salary.
`;
    expect(texts(page, 'initech.md')).toEqual(['What is a deadlock?', 'How do you avoid a race condition?']);
  });

  it('reads the questions a post tells in its sentences: "the question was", "was asked how", "the interviewer asked me to"', () => {
    const page = `# My Initech interview

After a week I got a phone interview. The question is about count the visitors to a website in the past five minutes. It went well.

The onsite was longer. I was asked how to find duplicate files in a file system, and I wrote a hash of each file.

The interviewer asked me to write a function that merges overlapping intervals. Then the interviewer asked me to explain my internship project.

Question was "Given a pattern and a string, find if the string follows the pattern Eg: Pattern : abba".
`;
    expect(texts(page, 'initech.md')).toEqual([
      'count the visitors to a website in the past five minutes',
      'how to find duplicate files in a file system',
      'write a function that merges overlapping intervals',
      'Given a pattern and a string, find if the string follows the pattern',
    ]);
  });

  it('does not take a magazine interview with an intern for interview questions', () => {
    const page = `# Summer internship at Initech

Q. When did you start preparing, and what did you use?
I mostly prepared in the summer after my second year, solving problems on a competitive coding site every day, and for theory, like interview questions, I used a few books and my course notes from the last two years.
Q. How did you find working with your team at Initech?
It was very good. The team was small and kind.
Q. What would you tell your juniors?
Start early and be consistent.
`;
    expect(() => readGuide(page, 'initech.md')).toThrow(/found the employer Initech but no interview questions/);
  });

  it('reads five story questions asked outright under value headings, however many other notes the page has', () => {
    const notes = Array.from({ length: 24 }, (_, i) => `- Note ${i + 1} on the offer and the team`).join('\n');
    const page = `# Sample Initech Questions

## Customer Focus
1. "Describe a time when you went above and beyond for a customer. What did you do?"
   1. > Situation: a customer lost data.
2. "How do you learn what your customers need?"

## Ownership
1. "Tell me about a project you owned from start to finish. What were the results?"
2. "Tell me about a time you fixed a problem outside your team. What was the outcome?"
3. "How do you decide what to work on first when you have too much?"

# My notes
${notes}
`;
    expect(texts(page, 'initech.md')).toEqual([
      'Describe a time when you went above and beyond for a customer. What did you do?',
      'How do you learn what your customers need?',
      'Tell me about a project you owned from start to finish. What were the results?',
      'Tell me about a time you fixed a problem outside your team. What was the outcome?',
      'How do you decide what to work on first when you have too much?',
    ]);
  });

  it('reads a problem a line labels, without how it went or the constraint added after it', () => {
    const page = `# Initech Interview Experience

## Round 1

Coding problem:

Array of unsorted numbers. Find the largest difference between two of them. Solved in optimal way

Round 2:
Design problem: Logs arrive from hundreds of machines. Raise an alert when errors cross a threshold. Constraint: a window of X hours. Solved
`;
    expect(texts(page, 'initech.md')).toEqual([
      'Array of unsorted numbers. Find the largest difference between two of them.',
      'Logs arrive from hundreds of machines. Raise an alert when errors cross a threshold.',
    ]);
  });

  it('keeps a product written n*k, and drops a closing quote left over before a pointer to the answer', () => {
    const page = `# Initech Coding Questions

- "Check whether some subarray sums to n*k for an integer n." (Solution)
-  Return an array whose i-th item is the product of all the others." (Solution)
`;
    expect(texts(page, 'initech.md')).toEqual([
      'Check whether some subarray sums to n*k for an integer n.',
      'Return an array whose i-th item is the product of all the others.',
    ]);
  });
});

describe('starling guide import --dry-run on a page whose employer is only a subject it names', () => {
  const root = mkdtempSync(join(tmpdir(), 'starling-guide-wild-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** The exit code and what the command printed to stderr. */
  async function dryRun(name: string, text: string): Promise<{ code: number; stderr: string }> {
    const file = join(root, name);
    writeFileSync(file, text);
    let stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    try {
      return { code: await main(['guide', 'import', file, '--dir', root, '--dry-run']), stderr };
    } finally {
      vi.restoreAllMocks();
    }
  }

  it('refuses, naming what it found and the --employer fix, rather than filing the questions under the language', async () => {
    const page = `# Interview questions

1. What is a closure in Rust?
2. How are errors handled in Rust?
3. What does the borrow checker do in Rust?
4. Name the integer types
`;
    const { code, stderr } = await dryRun('questions.md', page);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no employer found in its title or headings \(4 questions found; its text names Rust\)/);
    // a name only ever "in" the text is a subject: the fix names no employer for the member
    expect(stderr).toMatch(/--employer "Acme"/);
    expect(readdirSync(root)).toEqual(['questions.md']);
  });

  it('names the employer a post keeps naming, not a longer name it uses once for an office', () => {
    const page = `# How I landed a job as a software engineer

I interviewed at Initech in the spring. The people at Initech were kind, and why Initech? Its product.
I start at Initech Springfield in June.

## Coding Questions

- Reverse a linked list in place
- Merge two sorted arrays without extra space
`;
    expect(readGuide(page, 'post.md').employer).toBe('Initech');
  });

  it('leaves what brackets explain and the language of the role out of the employer in a title', () => {
    const page = `# Initech (Initech Search) Java Engineer Interview Prep

## Common Interview Questions

- "What is a race condition?"
- "How does a thread pool work?"
`;
    expect(readGuide(page, 'readme.md').employer).toBe('Initech');
  });

  it('still reads the employer from a page that says where the interviews were', async () => {
    const page = `# My interview questions

I interviewed at Initech last spring. The Initech interviews were two rounds, and the team at Initech was kind. Why Initech? Its product.

## Coding Questions

- Reverse a linked list in place
- Merge two sorted arrays without extra space
`;
    expect(readGuide(page, 'notes.md').employer).toBe('Initech');
  });
});
