// A mock interview's follow-up question written by the model, held to a JSON schema and
// to being a question that is not already in the answer.
import { z } from 'zod';
import type { JsonRequest } from './endpoint';
import { fill, type Prompt } from './prompts';
import { plain } from './review';

const reply = z.object({ question: z.string().trim().min(8).max(300) });

const SCHEMA = {
  type: 'object',
  properties: { question: { type: 'string' } },
  required: ['question'],
  additionalProperties: false,
};

export interface FollowupInput {
  question: string;
  answer: string;
  notes: string;
  asked: string[];
}

export function followupRequest(prompt: Prompt, input: FollowupInput): JsonRequest {
  return {
    system: prompt.system,
    user: fill(prompt.user, {
      question: input.question,
      answer: input.answer,
      notes: input.notes,
      asked: input.asked.length ? input.asked.join(' | ') : 'none',
    }),
    schemaName: 'followup_question',
    schema: SCHEMA,
  };
}

/** The follow-up question, or why it is dropped. */
export function readFollowup(content: string, answer: string): string | { dropped: string } {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return { dropped: 'the reply is not JSON' };
  }
  const parsed = reply.safeParse(json);
  if (!parsed.success) return { dropped: 'the reply does not fit the schema' };
  const q = parsed.data.question.split('\n')[0]?.trim() ?? '';
  if (!q.endsWith('?')) return { dropped: 'the reply is not a question' };
  if (plain(answer).includes(plain(q))) return { dropped: 'the reply repeats the answer' };
  return q;
}
