// A member's own settings, under `/prep settings me`: they follow the member in every
// channel of the workspace, and anyone may change their own.
import { memberRemindersSetting, quietSetting, timezoneSetting } from '../../../reminders/settings';
import { memberAi } from './ai';
import type { SettingSpec } from './spec';

/** In the order the listing shows them. A new personal setting is one more entry here. */
export const MEMBER_SETTINGS: readonly SettingSpec[] = [
  timezoneSetting,
  quietSetting,
  memberRemindersSetting,
  memberAi,
];
