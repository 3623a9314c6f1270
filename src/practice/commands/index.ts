// Every /prep command, registered in the order help lists them.
import { CommandRegistry } from '../../chat/registry';
import { registerMockCommand } from '../../mock/command';
import type { AppContext } from '../context';
import { registerChannelCommands } from './channel';
import { registerLookups } from './lookup';
import { registerPrivacyCommands } from './privacy';
import { registerProgressCommands } from './progress';
import { registerSettingsCommand } from './settings';

export function practiceRegistry(): CommandRegistry<AppContext> {
  const registry = new CommandRegistry<AppContext>();
  registerLookups(registry);
  registerChannelCommands(registry);
  registerSettingsCommand(registry);
  registerMockCommand(registry);
  registerProgressCommands(registry);
  registerPrivacyCommands(registry);
  return registry;
}
