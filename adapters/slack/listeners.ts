// Bolt listeners: acknowledge at once (Slack allows three seconds), drop repeated
// deliveries, then turn the payload into a neutral event and hand it to the core.
// Interactions (commands, buttons, shortcuts, menus, modals) are in interactions.ts,
// events (messages, reactions, the App Home, uninstalls) in events.ts. Bolt runs every
// listener it holds for every request, so there are few, each serving a whole kind.
import type { App } from '@slack/bolt';
import { registerEvents } from './events';
import { registerInteractions } from './interactions';
import type { ListenerHost } from './listener-host';

export function registerListeners(app: App, adapter: ListenerHost): void {
  registerInteractions(app, adapter);
  registerEvents(app, adapter);
}
