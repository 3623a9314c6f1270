// Replies that many requests render alike (the help page, an employer's tips, a refusal) are
// rendered once. The core hands the same words each time (the help page is built once per
// registry), so the text keys a small cache and a repeat costs a lookup instead of a fresh
// set of blocks, which also keeps the acknowledgement's path light under a burst. Only
// information and refusals are kept: never a member's feedback or anything about their answers.
import type { OutboundMessage } from '../../src/chat/types';
import { renderPosts, type SlackPost } from './render';

const MAX_ENTRIES = 64;

interface Entry {
  title?: string;
  footer?: string;
  posts: readonly SlackPost[];
}

const rendered = new Map<string, Entry>();

/** What renders from its words alone: no buttons, form, files or chart, and not about a member. */
function cacheable(m: OutboundMessage): boolean {
  if (m.kind !== 'info' && m.kind !== 'error') return false;
  return !m.buttons?.length && !m.starForm && !m.attachments?.length && !m.image;
}

/** `renderPosts`, served from the cache for a message rendered before. Callers must not change the posts. */
export function renderShared(message: OutboundMessage): readonly SlackPost[] {
  if (!cacheable(message)) return renderPosts(message);
  const known = rendered.get(message.text);
  if (known && known.title === message.title && known.footer === message.footer) return known.posts;
  const posts = renderPosts(message);
  if (rendered.size >= MAX_ENTRIES) rendered.delete(rendered.keys().next().value as string);
  rendered.set(message.text, { title: message.title, footer: message.footer, posts });
  return posts;
}
