// What every command and handler receives. Built once by buildApp; nothing global.
import type { Kysely } from 'kysely';
import type { AdapterSet } from '../chat/adapters';
import type { Coach } from '../coach/coach';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import type { GuideLibrary } from '../guides/library';
import type { Logger } from '../logger';

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
}

/** The longest answer analysed; longer replies are cut here (and the author told). */
export const MAX_ANSWER_CHARS = 20_000;
