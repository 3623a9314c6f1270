// A saved guide page attached to `/prep guide add` (the command's `file` option): the
// attachment Discord resolved, checked with zod, handed to the core as a name, a size and a
// download from Discord's file store (the same timeout and size limit as a page address).
import type { ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import type { InboundFile } from '../../src/chat/types';
import { downloadFile, FetchPageError } from '../../src/guides/fetch';

const AttachmentPayload = z.object({
  name: z.string().min(1),
  size: z.number().int().nonnegative(),
  url: z.url({ protocol: /^https?$/ }),
  contentType: z.string().nullish(),
});

/** `{ file }` when the command came with an attachment, `{}` otherwise. */
export function attachedFile(interaction: ChatInputCommandInteraction): { file?: InboundFile } {
  const a = interaction.options.getAttachment('file', false);
  if (!a) return {};
  const parsed = AttachmentPayload.safeParse({ name: a.name, size: a.size, url: a.url, contentType: a.contentType });
  if (!parsed.success) {
    const name = typeof a.name === 'string' && a.name ? a.name : 'the attachment';
    return {
      file: {
        name,
        size: 0,
        bytes: () =>
          Promise.reject(
            new FetchPageError(`Discord sent ${name} without a usable download address. Attach it again.`),
          ),
      },
    };
  }
  const { name, size, url, contentType } = parsed.data;
  return { file: { name, size, ...(contentType ? { mime: contentType } : {}), bytes: () => downloadFile(url, name) } };
}
