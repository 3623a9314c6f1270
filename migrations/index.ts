// The one list of migrations, shared by start-up, `starling db` and the tests.
// Names sort in the order they run. Migrations never import from src/.
import type { Migration } from 'kysely';
import * as m001 from './001_initial';
import * as m002 from './002_practice';
import * as m004 from './004_discord';
import * as m005 from './005_answer_figures';
import * as m006 from './006_mock_interviews';
import * as m007 from './007_ai_coach';
import * as m008 from './008_story_bank';
import * as m009 from './009_reminders_interviews';
import * as m010 from './010_chat_guides';
import * as m011 from './011_feedback_ref';
import * as m012 from './012_mock_story_marks';

export const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_practice': m002,
  '004_discord': m004,
  '005_answer_figures': m005,
  '006_mock_interviews': m006,
  '007_ai_coach': m007,
  '008_story_bank': m008,
  '009_reminders_interviews': m009,
  '010_chat_guides': m010,
  '011_feedback_ref': m011,
  '012_mock_story_marks': m012,
};
