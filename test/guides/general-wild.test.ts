// The general front on shapes of page found in the wild (issue 19): topic sub-headings inside a
// questions section, and the like. The pages are written for these tests.
import { describe, expect, it } from 'vitest';
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
});
