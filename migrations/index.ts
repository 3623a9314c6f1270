// The one list of migrations, shared by start-up, `starling db` and the tests.
// Names sort in the order they run. Migrations never import from src/.
import type { Migration } from 'kysely';
import * as m001 from './001_initial';

export const migrations: Record<string, Migration> = {
  '001_initial': m001,
};
