// Loads a .env file from the working directory into process.env, once, at the
// entry points. Variables already set in the environment win. The names the file
// set are remembered, so configuration can tell a slip in the file from the
// environment's own variables.
import { existsSync } from 'node:fs';
import dotenv from 'dotenv';

/** The names .env set (not those the environment already had). */
export const fromDotenv = new Set<string>();

export function loadDotenv(path = '.env'): void {
  if (!existsSync(path)) return;
  const before = new Set(Object.keys(process.env));
  const { parsed } = dotenv.config({ path, quiet: true });
  for (const name of Object.keys(parsed ?? {})) if (!before.has(name)) fromDotenv.add(name);
}
