// The AI review of one answer: the weakest sentence rewritten, and whether the story answers
// the question. The reply is held to a JSON schema and then to what a member could trust:
// the sentence must be theirs, the rewrite new, the reason one line.
import { z } from 'zod';
import type { JsonRequest } from './endpoint';
import { fill, type Prompt } from './prompts';

export interface AiReview {
  sentence: string;
  rewrite: string;
  onTopic: 'yes' | 'partly' | 'no';
  reason: string;
}

const reply = z.object({
  weakest_sentence: z.string().trim().min(3).max(600),
  rewrite: z.string().trim().min(3).max(400),
  on_topic: z.enum(['yes', 'partly', 'no']),
  reason: z.string().trim().min(3).max(300),
});

const SCHEMA = {
  type: 'object',
  properties: {
    weakest_sentence: { type: 'string' },
    rewrite: { type: 'string' },
    on_topic: { type: 'string', enum: ['yes', 'partly', 'no'] },
    reason: { type: 'string' },
  },
  required: ['weakest_sentence', 'rewrite', 'on_topic', 'reason'],
  additionalProperties: false,
};

export interface ReviewInput {
  question: string;
  answer: string;
  notes: string;
}

export function reviewRequest(prompt: Prompt, input: ReviewInput): JsonRequest {
  return {
    system: prompt.system,
    user: fill(prompt.user, { ...input }),
    schemaName: 'answer_review',
    schema: SCHEMA,
  };
}

/** Lower case, letters and digits only: how two sentences are compared. */
export const plain = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The reply as a review, or why it is dropped. */
export function readReview(content: string, answer: string): AiReview | string {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return 'the reply is not JSON';
  }
  const parsed = reply.safeParse(json);
  if (!parsed.success) return 'the reply does not fit the schema';
  const r = parsed.data;
  const whole = plain(answer);
  const sentence = plain(r.weakest_sentence);
  const rewrite = plain(r.rewrite);
  if (!sentence || !whole.includes(sentence)) return 'the sentence it names is not in the answer';
  if (!rewrite || rewrite === sentence) return 'the rewrite repeats the sentence';
  if (whole.includes(rewrite) || rewrite.includes(whole)) return 'the rewrite repeats the answer';
  return {
    sentence: r.weakest_sentence,
    rewrite: r.rewrite,
    onTopic: r.on_topic,
    reason: r.reason.split('\n')[0]?.trim() ?? '',
  };
}
