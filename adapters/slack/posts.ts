// One channel post through chat.postMessage: the message a scheduled occurrence or a
// public reply becomes, with the occurrence's idempotency key in its metadata so a
// re-post after a crash can find it (findPosted).
import type { SlackApi } from './api';
import type { SlackPost } from './render';

export const POST_METADATA_TYPE = 'starling_post';

export async function postMessage(
  api: SlackApi,
  where: { team: string; channel: string; threadTs?: string },
  p: SlackPost,
  key?: string,
  maxRateLimitWaitMs?: number,
): Promise<string | undefined> {
  const { team, channel, threadTs } = where;
  const res = await api.call<{ ts?: string }>(
    team,
    'chat.postMessage',
    {
      channel,
      text: p.text,
      blocks: p.blocks,
      unfurl_links: false,
      unfurl_media: false,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      ...(key ? { metadata: { event_type: POST_METADATA_TYPE, event_payload: { key } } } : {}),
    },
    channel,
    { resend: key ? 'never' : 'unsent', maxRateLimitWaitMs },
  );
  return res.ts;
}
