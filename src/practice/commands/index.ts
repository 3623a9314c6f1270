// Every /prep command, registered in the order help lists them.
import { CommandRegistry } from '../../chat/registry';
import { interviewCommand } from '../../interview/command';
import { registerMockCommand } from '../../mock/command';
import { stopRemindersAction } from '../../reminders/message';
import { starCheckAction } from '../../star-check/action';
import { registerStoriesCommand } from '../../stories/command';
import type { AppContext } from '../context';
import { employersCommand } from './employers';
import { registerGuideCommand } from './guide';
import { helpCommand } from './help';
import { registerPrivacyCommands } from './privacy';
import { registerProgressCommands } from './progress';
import { questionCommand } from './question';
import { scheduleCommand } from './schedule';
import { registerSettingsCommand } from './settings';
import { tipsCommand } from './tips';

export function practiceRegistry(): CommandRegistry<AppContext> {
  const registry = new CommandRegistry<AppContext>();
  registry.register(helpCommand(registry), employersCommand, tipsCommand);
  registry.register(questionCommand, scheduleCommand);
  registerSettingsCommand(registry);
  registerMockCommand(registry);
  registerStoriesCommand(registry);
  registry.register(interviewCommand);
  registerProgressCommands(registry);
  registerPrivacyCommands(registry);
  registerGuideCommand(registry);
  registry.registerMessageAction(starCheckAction);
  registry.registerAction(stopRemindersAction);
  return registry;
}
