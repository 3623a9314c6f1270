// Bolt listeners: acknowledge at once (Slack allows three seconds), drop repeated
// deliveries, then turn the payload into a neutral event and hand it to the core.
// Interactions (commands, buttons, shortcuts, menus, modals) are in interactions.ts,
// events (messages, reactions, the App Home, uninstalls) in events.ts.
import type { App } from '@slack/bolt';
import { firstDelivery } from '../../src/db/dedupe';
import { registerEvents } from './events';
import { readMessage, type SlackMessageEvent } from './inbound';
import { registerInteractions } from './interactions';
import type { ListenerHost } from './listener-host';

export function registerListeners(app: App, adapter: ListenerHost): void {
  const log = adapter.logger;

  // Slack redelivers an event it thinks we missed (x-slack-retry-num); the first one wins.
  app.use(async ({ body, context, next }) => {
    const event = (body as { event?: { type?: string } }).event;
    if (event?.type === 'message' && !readMessage(event as SlackMessageEvent, context.botUserId ?? adapter.botUserId)) {
      return; // not a thread reply: nothing to record, nothing for the core
    }
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await firstDelivery(adapter.db, `slack:${eventId}`))) {
      log.info(
        { eventId, retryNum: context.retryNum, retryReason: context.retryReason },
        'dropped a repeated Slack delivery',
      );
      return;
    }
    await next();
  });

  registerInteractions(app, adapter);
  registerEvents(app, adapter);
}
