// Loads a .env file from the working directory into process.env, once, at the
// entry points. Variables already set in the environment win.
import { existsSync } from 'node:fs';
import dotenv from 'dotenv';

export function loadDotenv(path = '.env'): void {
  if (existsSync(path)) dotenv.config({ path, quiet: true });
}
