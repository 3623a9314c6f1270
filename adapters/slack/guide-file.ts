// A saved guide page shared in the bot's direct messages on Slack becomes `/prep guide add`
// with that file: the event's file checked with zod, downloaded from Slack with the bot's
// token (the same timeout and size limit as a page address). One file per message is read.
import { z } from 'zod';
import type { InboundFile } from '../../src/chat/types';
import { downloadFile, FetchPageError } from '../../src/guides/fetch';

const SharedFile = z.object({
  name: z.string().min(1),
  size: z.number().int().nonnegative(),
  mimetype: z.string().optional(),
  url_private_download: z.url({ protocol: /^https?$/ }).optional(),
  url_private: z.url({ protocol: /^https?$/ }).optional(),
});
const FileShare = z.object({
  subtype: z.literal('file_share'),
  channel_type: z.literal('im'),
  files: z.array(z.unknown()).min(1),
});

/** The file shared in a direct message with the bot, or undefined for any other message. */
export function sharedGuideFile(event: unknown, botToken: string | undefined): InboundFile | undefined {
  const share = FileShare.safeParse(event);
  if (!share.success) return undefined;
  const first = share.data.files[0] as { name?: unknown } | undefined;
  const parsed = SharedFile.safeParse(first);
  const url = parsed.success ? (parsed.data.url_private_download ?? parsed.data.url_private) : undefined;
  if (!parsed.success || !url || !botToken) {
    const name = typeof first?.name === 'string' && first.name ? first.name : 'the file';
    return {
      name,
      size: parsed.success ? parsed.data.size : 0,
      bytes: () =>
        Promise.reject(
          new FetchPageError(`Slack sent ${name} without a download address the bot can use. Share it again.`),
        ),
    };
  }
  const { name, size, mimetype } = parsed.data;
  return {
    name,
    size,
    ...(mimetype ? { mime: mimetype } : {}),
    bytes: () => downloadFile(url, name, { Authorization: `Bearer ${botToken}` }),
  };
}
