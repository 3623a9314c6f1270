// Bolt's front: acknowledge at once (Slack allows three seconds), drop repeated
// deliveries, then turn the payload into a neutral event and hand it to the core.
// Interactions (commands, buttons, shortcuts, menus, modals) are in interactions.ts,
// events (messages, reactions, the App Home, uninstalls) in events.ts.
//
// One global middleware routes every request by its kind, and no Bolt listener is
// registered: Bolt runs each listener's matchers for every request it receives (seven
// listeners cost a `/prep help` about as much CPU again as bare Bolt's whole handling),
// while a kind is known from the arguments Bolt has already set (`command`, `action`, ...).
// The middleware never calls next(): with no listeners there is nothing after it.
import type { AllMiddlewareArgs, AnyMiddlewareArgs, App } from '@slack/bolt';
import { onEvent } from './events';
import { blockAction, shortcut, slashCommand, suggestion, viewAction } from './interactions';
import type { ListenerHost } from './listener-host';

type Args = AnyMiddlewareArgs & AllMiddlewareArgs;

export function registerListeners(app: App, adapter: ListenerHost): void {
  app.use((args) => route(adapter, args));
}

async function route(adapter: ListenerHost, args: Args): Promise<void> {
  if ('command' in args) return slashCommand(adapter, args);
  if ('action' in args) return blockAction(adapter, args);
  if ('shortcut' in args) return shortcut(adapter, args);
  if ('options' in args) return suggestion(adapter, args);
  if ('view' in args) return viewAction(adapter, args);
  if ('event' in args) return onEvent(adapter, args);
}
