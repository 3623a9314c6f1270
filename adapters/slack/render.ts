// Outbound messages as Block Kit: a header for the title, mrkdwn sections for the
// text, a context line for the footer, and an actions block for buttons and the STAR
// form. Slack caps a section at 3,000 characters and a header at 150, so long
// messages are cut into several posts, each readable on its own.

import type { types } from '@slack/bolt';
import { STAR_FORM_LABEL } from '../../src/chat/star-form';
import { withTimes } from '../../src/chat/time';
import type { Button, OutboundMessage } from '../../src/chat/types';
import { splitText, toMrkdwn } from './mrkdwn';
import { STAR_FORM_ACTION } from './star-form';

export const SECTION_MAX = 3000;
/** Sections per post: four full sections are already a long read in a channel. */
export const SECTIONS_PER_POST = 4;
const HEADER_MAX = 150;
const BUTTON_LABEL_MAX = 75;
const FALLBACK_MAX = 3000;

export interface SlackPost {
  /** Notification and screen-reader text; Slack shows blocks when present. */
  text: string;
  blocks: types.KnownBlock[];
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function button(b: Button): types.Button {
  return {
    type: 'button',
    action_id: b.id,
    text: { type: 'plain_text', text: clip(b.label, BUTTON_LABEL_MAX), emoji: true },
    ...(b.value !== undefined ? { value: b.value } : {}),
    ...(b.style ? { style: b.style } : {}),
  };
}

function actionButtons(message: OutboundMessage): types.Button[] {
  const buttons = (message.buttons ?? []).map(button);
  if (message.starForm) {
    buttons.unshift(
      button({
        id: STAR_FORM_ACTION,
        label: message.starForm.label ?? STAR_FORM_LABEL,
        value: message.starForm.postId,
        style: 'primary',
      }),
    );
  }
  return buttons;
}

/** Renders a message as one or more Slack posts, in order. */
export function renderPosts(neutral: OutboundMessage): SlackPost[] {
  // Slack's <!date> markup cannot pass the mrkdwn escaping; the core's words name the time zone.
  const message = withTimes(neutral, (t) => t.words);
  const body = toMrkdwn(message.text);
  const sections = body.trim() ? splitText(body, SECTION_MAX) : [];
  const groups: string[][] = [];
  for (let i = 0; i < sections.length; i += SECTIONS_PER_POST) groups.push(sections.slice(i, i + SECTIONS_PER_POST));
  if (groups.length === 0) groups.push([]);

  const title = message.title ? clip(message.title.replace(/\*\*/g, ''), HEADER_MAX) : undefined;
  const buttons = actionButtons(message);
  return groups.map((group, i) => {
    const first = i === 0;
    const last = i === groups.length - 1;
    const blocks: types.KnownBlock[] = [];
    if (first && title) blocks.push({ type: 'header', text: { type: 'plain_text', text: title, emoji: true } });
    for (const s of group) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: s } });
    if (last && message.footer) {
      blocks.push({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: clip(toMrkdwn(message.footer), SECTION_MAX) }],
      });
    }
    if (last && buttons.length) blocks.push({ type: 'actions', elements: buttons });
    const fallback = [first && title ? `*${title}*` : '', group.join('\n')].filter(Boolean).join('\n');
    return { text: clip(fallback || title || ' ', FALLBACK_MAX), blocks };
  });
}

/** The App Home tab: the same content as a message, as a home view. */
export function renderHome(message: OutboundMessage, chart?: types.ImageBlock): types.HomeView {
  const blocks = renderPosts({ ...message, buttons: message.buttons, starForm: undefined }).flatMap((p) => p.blocks);
  // the chart goes under the header, before the figures it draws
  if (chart) blocks.splice(blocks[0]?.type === 'header' ? 1 : 0, 0, chart);
  // A home view holds at most 100 blocks.
  return { type: 'home', blocks: blocks.slice(0, 100) };
}
