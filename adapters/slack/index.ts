// The Slack adapter's front door. The composition root calls createSlackAdapter and
// nothing else from this folder.
import { SlackAdapter, type SlackAdapterOptions } from './adapter';

export type { SlackAdapterOptions } from './adapter';
export { SlackAdapter } from './adapter';
export { buildManifest } from './manifest';

/** Socket Mode when SLACK_APP_TOKEN is set, else HTTP on `port` (PORT) at /slack/events. */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  return new SlackAdapter(options);
}
