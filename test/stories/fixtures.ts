// Guides with one question each, so a test knows which question it gets, and stories
// that show known competencies in their own words.
import { guide } from '../practice/helpers';

const CONFLICT_CO = guide('conflictco-engineer', 'ConflictCo', {
  questions: [
    { id: 'cc-b1', text: 'Tell me about a time you had a disagreement at work.', category: 'behavioral', star: true },
  ],
});
const CUSTOMER_CO = guide('customerco-engineer', 'CustomerCo', {
  questions: [
    {
      id: 'uc-b1',
      text: 'Tell me about a time you went out of your way for a customer.',
      category: 'behavioral',
      star: true,
    },
  ],
});
const CONFLICT_AGAIN = guide('tensionco-engineer', 'TensionCo', {
  questions: [
    {
      id: 'tc-b1',
      text: 'Describe a conflict with a colleague and how you resolved it.',
      category: 'behavioral',
      star: true,
    },
  ],
});
const PRIORITY_CO = guide('priorityco-engineer', 'PriorityCo', {
  questions: [
    {
      id: 'pc-b1',
      text: 'Tell me about a time you had to prioritise competing deadlines.',
      category: 'behavioral',
      star: true,
    },
  ],
});
export const STORY_GUIDES = [CONFLICT_CO, CUSTOMER_CO, CONFLICT_AGAIN, PRIORITY_CO];

export const CONFLICT_STORY =
  'Last year at my previous job I disagreed with a senior engineer about how to roll out a risky database change. My task was to get the release out safely. I set up a meeting, listened to his concerns and suggested a staged rollout behind a flag. As a result we shipped with zero incidents.';
export const CUSTOMER_STORY =
  'In 2024 a clinician reported that our scheduling tool lost her notes. I was responsible for the fix. I reproduced the bug, wrote a patch and called her to walk through it. As a result the notes were never lost again and support tickets fell by 30%.';
