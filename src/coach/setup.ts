// The coach as the host configured it, or none when LLM_BASE_URL is not set.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, contentDir } from '../config';
import type { Logger } from '../logger';
import { type Coach, createCoach } from './coach';
import { loadPrompts } from './prompts';

/** The configured content folder's prompts if it has them, else the ones that ship. */
function promptsDir(config: Config): string {
  const own = contentDir(config.CONTENT_DIR);
  return existsSync(join(own, 'coach', 'prompts.yaml')) ? own : contentDir(undefined);
}

export function coachFromConfig(config: Config, logger: Logger): Coach | undefined {
  if (!config.aiEnabled || !config.LLM_BASE_URL || !config.LLM_MODEL) return undefined;
  return createCoach(
    {
      baseURL: config.LLM_BASE_URL,
      model: config.LLM_MODEL,
      apiKey: config.LLM_API_KEY,
      timeoutMs: config.LLM_TIMEOUT_MS,
      perMinute: config.LLM_REQUESTS_PER_MINUTE,
      perDay: config.LLM_DAILY_REQUESTS,
    },
    loadPrompts(promptsDir(config)),
    logger,
  );
}
