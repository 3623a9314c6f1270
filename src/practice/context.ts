// What every command and handler receives. Built once by buildApp; nothing global.
import type { Kysely } from 'kysely';
import type { AdapterSet } from '../chat/adapters';
import type { Coach } from '../coach/coach';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import type { GuideLibrary } from '../guides/library';
import type { Logger } from '../logger';

/** A new question someone is asked: a daily or ad-hoc post in a channel, or a mock interview's next question. */
export interface AskedQuestion {
  workspace: string;
  /** The channel the question belongs to. */
  channel: string;
  /** Where private word about it goes: the question's thread, or the mock's conversation. */
  place: string;
  questionText: string;
  category: string;
  /** Set for a mock interview: only its member is asked. */
  onlyUserId?: string;
  /** The mock interview asking: stories told only in it are not suggested back to the member. */
  mockSessionId?: string;
}

export interface AppContext {
  db: Kysely<Database>;
  /** the guide files and the guides added from the chat; replaced when one is added or removed */
  guides: GuideLibrary;
  adapters: AdapterSet;
  logger: Logger;
  config: Config;
  clock: () => Date;
  replicaId: string;
  /** The AI coach, when LLM_BASE_URL and LLM_MODEL are set; each channel still decides. */
  coach?: Coach;
  /** Told of every new question after it is posted (the story bank suggests a fitting story). */
  questionAsked?: (q: AskedQuestion) => Promise<void>;
}

/** The longest answer analysed; longer replies are cut here (and the author told). */
export const MAX_ANSWER_CHARS = 20_000;

/**
 * Tells the question's listeners (the story bank) about it. Never fails the caller: the
 * question stands whatever they do, and a failure is logged with `about`.
 */
export async function announceQuestion(ctx: AppContext, q: AskedQuestion, about: object): Promise<void> {
  try {
    await ctx.questionAsked?.(q);
  } catch (err) {
    ctx.logger.warn({ err, ...about }, 'could not tell members about a fitting story');
  }
}
