// The general front on markup that pages mix into markdown: HTML headings and line breaks, bold
// "Q:" lines over answers in block quotes, numbered lists whose entries are headings, quiz items
// stated rather than asked, and notes run together under several "#" titles. The pages are
// written for these tests.
import { describe, expect, it } from 'vitest';
import { GuideParseError } from '../../src/guides/errors';
import { readGuide } from '../../src/guides/read';

const texts = (page: string, name: string) => readGuide(page, name).questions.map((q) => q.text);

describe('the general front on markup mixed into markdown', () => {
  it('reads HTML headings, joins an item wrapped at <br> line breaks, and leaves its sample input out', () => {
    const page = `# Initech Interview Questions

<b name="phone">Phone Round Questions</b><br/>

- What is the lookup time for a hash set?
- Which sorting algorithm is stable?

<b name="coding">Coding Round Questions</b><br/>

- Given two arrays A and B of size N.<br/>
  There are N stations on a ring; return the first station you can start from.<br/>
    Sample Input: A = [1, 2], B = [2, 1]
    Sample Output: 1
- We have to paint n boards with k painters, each painting only boards next to each other, in the least time.
- Given a sentence without spaces and a dictionary, find every way to split it. Sample input-output is as follows: <br/>
  Sample Input: "ilikeice"
  Sample Output: i like ice
- Given a string, return the minimum cuts for a palindrome partitioning.
`;
    const g = readGuide(page, 'initech.md');
    expect(g.questions.map((q) => q.text)).toEqual([
      'What is the lookup time for a hash set?',
      'Which sorting algorithm is stable?',
      'Given two arrays A and B of size N. There are N stations on a ring; return the first station you can start from.',
      'We have to paint n boards with k painters, each painting only boards next to each other, in the least time.',
      'Given a sentence without spaces and a dictionary, find every way to split it.',
      'Given a string, return the minimum cuts for a palindrome partitioning.',
    ]);
    expect(g.questions.map((q) => q.category)).toEqual(Array(6).fill('technical'));
  });

  it('reads bold "Q:" lines as questions, past the bold labels of the answers quoted under them', () => {
    const page = `# Hooli Behavioral Interview Guide

## Common Hooli Behavioral Questions

### Ownership Questions

**Q: "Tell me about a time you took ownership beyond your role."**

> **Situation**: A release was blocked.
>
> **Action**:
> 1. **Found the cause**: a missing migration.
> 2. **Fixed it**: and wrote a check for it.

**Why this works:**
- Took initiative

**Q: "Describe a project where you had incomplete information."**

> **Result**: Shipped on time.
`;
    expect(texts(page, 'hooli.md')).toEqual([
      'Tell me about a time you took ownership beyond your role.',
      'Describe a project where you had incomplete information.',
    ]);
  });

  it('reads a numbered list whose entries are headings as named problems, and a later "# Tips" as advice', () => {
    const page = `# Vandelay Interview Questions

#### Interview Challenges from Vandelay:

1. ##### Make a counter
  - Make a counter whose number is stored in an array.
  - What is the time complexity of this algorithm?

1. ##### Implement autocorrect for a mistyped key

# Vandelay Interview Process

### Question 1 - Make a counter

Make a function that increments a number stored in an array.

# Tips

1. Keep talking and explain what you are doing.
2. Draw up your solution before writing code.
`;
    expect(texts(page, 'vandelay.md')).toEqual(['Make a counter', 'Implement autocorrect for a mistyped key']);
  });

  it('keeps quiz items stated in a list of questions, and leaves a list of areas out', () => {
    const page = `# Globex Interview Questions

## Phone Screen Questions

- What is the advantage of heapsort over mergesort?
- The average and worst-case time complexity of merge sort and quick sort.
- Mention a few implementations of the Map interface in Java.
- Which data structure is used to implement BFS?
- What is the lookup time of a hash set?
- How is a heap stored in an array?
- Why is quicksort fast in practice?
- Operating systems - memory management, processes, threads, paging.

## Popular Algorithm Questions
1. Given a string, write a function that returns it reversed.
2.Problem solving : How do you tell whether a point lies within a rectangle
`;
    expect(texts(page, 'globex.md')).toEqual([
      'What is the advantage of heapsort over mergesort?',
      'The average and worst-case time complexity of merge sort and quick sort.',
      'Mention a few implementations of the Map interface in Java.',
      'Which data structure is used to implement BFS?',
      'What is the lookup time of a hash set?',
      'How is a heap stored in an array?',
      'Why is quicksort fast in practice?',
      'Given a string, write a function that returns it reversed.',
      'How do you tell whether a point lies within a rectangle',
    ]);
  });

  it('refuses a post that names its problems only by kind, and does not read advice prose as announcing questions', () => {
    const page = `---
title: Umbrella software engineer interview
---

June 2: On-site interview
-------------------------

For the second interview I was asked to solve a product-focused algorithmic problem.
The interviewer then asked me to tell a situation where I would have done something differently.

# Suggestions

when they give you a question make sure you ask clarifying ones.

* Maybe how you deal with conflict in teams, how do you work in teams, why Umbrella
`;
    expect(() => readGuide(page, 'umbrella.md')).toThrow(GuideParseError);
    expect(() => readGuide(page, 'umbrella.md')).toThrow(/found the employer Umbrella but no interview questions/);
  });

  it('reads a post without markdown: emoji round lines as headings, labelled problems, and the employer from why-join words', () => {
    const page = `📞 Phone Screen:

1️⃣ Problem 1: The Celebrity Problem.
2️⃣ Problem 2: Find the maximum sum subarray in a given array.

🧠 Onsite Round 3 (System Design):
Problem: Design an exception metrics and alerting system.

Handle millions of exceptions per second.

👥 Onsite Round 5 (Hiring Manager):

Started with an overview of my past projects, followed by:

Discussion on why LinkedIn and why this role

A real-world design problem: build a system that counts button clicks for product managers

Performance: Shared my motivation for joining LinkedIn.

#LinkedIn #InterviewExperience
`;
    const g = readGuide(page, 'post.txt');
    expect(g.employer).toBe('LinkedIn');
    expect(g.questions.map((q) => q.text)).toEqual([
      'The Celebrity Problem.',
      'Find the maximum sum subarray in a given array.',
      'Design an exception metrics and alerting system.',
      'build a system that counts button clicks for product managers',
    ]);
    expect(g.questions[2]?.category).toBe('system-design');
  });

  it('takes the employer the page keeps naming when its longer names tie ("About Initech Cloud", "About Initech Labs")', () => {
    const page = `# Questions from Glassdoor

1. Write a function that reverses a list.
2. Design a parking lot.
3. How would you find the heaviest of 11 marbles in three weighings?

# About Initech
# About Initech Cloud
# About Initech Labs

* Be ready for why Initech, why programming
`;
    expect(readGuide(page, 'README.md').employer).toBe('Initech');
  });

  it('takes the first sentence of the paragraph under an "Interview N" heading as its question (its follow-up a detail)', () => {
    const page = `# Acme Interview Process

### Interview 1
Decompress a string where anything inside brackets is expanded x times, x being the
number before the brackets. What is the runtime complexity of this function?

### Interview 2
The interviewer was late, so we only talked about my projects.

### Interview 3
Find the longest path of increasing integers
in a matrix.
`;
    expect(texts(page, 'acme.md')).toEqual([
      'Decompress a string where anything inside brackets is expanded x times, x being the number before the brackets.',
      'Find the longest path of increasing integers in a matrix.',
    ]);
  });

  it('refuses a recruiter e-mail whose numbered steps set conditions ("If you wish to attend, ...") rather than ask', () => {
    const page = `# Initech Interview Info

It was great speaking with you today! If you have any follow up questions, please let me know.

Next Steps:

1. Apply to the role here
2. We would like to invite you to an interview prep session. During this time, you will meet an engineer. If you wish to attend and learn more about Initech, please join us!
3. Review our interview resources: the process overview, and a mock interview.
`;
    expect(() => readGuide(page, 'initech-email.md')).toThrow(/found the employer Initech but no interview questions/);
  });

  it('reads a question reported in one sentence of a long blog paragraph', () => {
    const filler = 'The panel was friendly and the room was quiet, and we spent a while on introductions. '.repeat(8);
    const page = `# Globex Interview Experience

## Low Level Design Round

${filler}In this round, I was asked to write complete logic for the snake game. ${filler}
`;
    expect(page.split('\n')[4]?.length).toBeGreaterThan(800);
    expect(texts(page, 'globex.md')).toEqual(['write complete logic for the snake game']);
  });
  it("reads a <details> fold's summary as its question and the folded answer as no more of it", () => {
    const page = `# Initech Interview Questions

## Behavioral Questions

<details><summary>Tell me about a time you disagreed with a teammate</summary>
Use the story about the release freeze; say what changed afterwards.
</details>

<details>
<summary><strong>How do you prioritise when everything is urgent?</strong></summary>

Talk about impact and cost.
</details>

<details><summary>View Answer</summary><p>Not a question.</p></details>
`;
    expect(texts(page, 'initech.md')).toEqual([
      'Tell me about a time you disagreed with a teammate',
      'How do you prioritise when everything is urgent?',
    ]);
  });

  it("reads a saved HTML page's folds the same way as the markdown ones", () => {
    const page = `<!doctype html><html><body><nav><a href="/">Home</a></nav>
<h1>Initech Interview Questions</h1>
<h2>Behavioral Questions</h2>
<details><summary>Tell me about a time you disagreed with a teammate</summary><p>Use the story about the release freeze</p></details>
<details><summary>How do you prioritise when everything is urgent?</summary><p>Talk about impact and cost.</p></details>
<footer>Sign up free</footer></body></html>`;
    expect(texts(page, 'initech.html')).toEqual([
      'Tell me about a time you disagreed with a teammate',
      'How do you prioritise when everything is urgent?',
    ]);
  });
  it('reads a "Coding Question - ..." line without its link, cuts "and some other questions", and leaves narration out', () => {
    const page = `# Initech Interview Experience

## Round 3 - Technical Round

Questions asked were-
1. What are semaphores
2. What is concurrency and how it is maintained. and some other questions
3. A long discussion went around the above topics mentioned.

Then a puzzle and a coding question were asked.

Coding Question - find the maximum j - i such that arr[i] > arr[j]. https://example.org/max-index-diff/
`;
    expect(texts(page, 'initech.md')).toEqual([
      'What are semaphores',
      'What is concurrency and how it is maintained.',
      'find the maximum j - i such that arr[i] > arr[j].',
    ]);
  });
  it("leaves a saved HTML page's chrome out: navigation and footer by their role, breadcrumbs, sharing buttons, comments", () => {
    const page = `<!doctype html><html><body>
<div role="navigation"><ul><li>What is your salary?</li></ul></div>
<ul class="breadcrumbs"><li>Home</li><li>Initech</li></ul>
<article><h1>Initech Interview Questions</h1><h2>Coding Questions</h2>
<ul><li>Reverse a linked list in place.</li><li>How would you design a rate limiter?</li></ul>
<div class="share-buttons"><ul><li>Share this on Twitter?</li></ul></div></article>
<section id="comments"><ul><li>What did they ask you in the onsite?</li></ul></section>
<div role="contentinfo">© Initech Prep</div></body></html>`;
    expect(texts(page, 'initech.html')).toEqual([
      'Reverse a linked list in place.',
      'How would you design a rate limiter?',
    ]);
  });

  it('reads a quoted question wrapped over several lines as one question, not its first line', () => {
    const page = `# Interviewing at Initech

## Coding interviews

### First interview

The second question was to serialize and deserialize a binary tree:

> Design an algorithm to serialize and deserialize a binary tree. There is no
> restriction on how your algorithm should work. You just need to ensure that
> a tree can be turned into a string and back.

### Mock interview

The first question given here was the word search problem:

> Given a grid of letters and a word, return \`true\` if the word
> exists in the grid.
>
> The same cell may not be used more than once.
`;
    expect(texts(page, 'initech.md')).toEqual([
      'Design an algorithm to serialize and deserialize a binary tree. There is no restriction on how your algorithm should work. You just need to ensure that a tree can be turned into a string and back.',
      'Given a grid of letters and a word, return true if the word exists in the grid.',
    ]);
  });
});
