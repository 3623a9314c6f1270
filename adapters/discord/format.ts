// Text at the edge: Discord markdown in, neutral markdown out (inbound), and neutral
// messages rendered to Discord payloads within Discord's limits (outbound): 2,000
// characters of content, embeds of 256/4,096/2,048 characters and 6,000 in total,
// ten embeds and five rows of five buttons per message.

import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { STAR_FORM_LABEL } from '../../src/chat/star-form';
import { type TimeMention, type TimeStyle, withTimes } from '../../src/chat/time';
import type { OutboundMessage } from '../../src/chat/types';
import { hardCut, splitText as splitPieces } from '../../src/text/split';
import { parseRef } from './refs';

export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  embedTotal: 6000,
  embedsPerMessage: 10,
  buttonsPerRow: 5,
  rows: 5,
  buttonLabel: 80,
  customId: 100,
  threadName: 100,
  nonce: 25,
  /** An attachment's description, which Discord shows as the image's alt text. */
  attachmentDescription: 1024,
} as const;

// ------------------------------------------------------------------ inbound

export interface MentionNames {
  channel(id: string): string | undefined;
  role(id: string): string | undefined;
}

/** Applies `fn` to the parts of `text` outside code spans and blocks. */
function outsideCode(text: string, fn: (s: string) => string): string {
  return text
    .split(/(```[\s\S]*?```|`[^`\n]*`)/g)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join('');
}

/**
 * Discord message content as neutral markdown: user mentions as `<@id>`, channel and
 * role mentions and custom emoji as readable names, Discord-only markup (spoilers,
 * underline, strike-through, headings, subtext) reduced to its text.
 */
export function normaliseInbound(content: string, names?: MentionNames): string {
  return outsideCode(content, (s) =>
    s
      .replace(/<@!?(\d+)>/g, '<@$1>')
      .replace(/<#(\d+)>/g, (_m, id: string) => `#${names?.channel(id) ?? 'channel'}`)
      .replace(/<@&(\d+)>/g, (_m, id: string) => `@${names?.role(id) ?? 'role'}`)
      .replace(/<a?:(\w+):\d+>/g, ':$1:')
      .replace(/<t:(\d+)(?::[tTdDfFR])?>/g, (_m, sec: string) =>
        new Date(Number(sec) * 1000).toISOString().slice(0, 16).replace('T', ' '),
      )
      .replace(/\|\|([\s\S]+?)\|\|/g, '$1')
      .replace(/~~([\s\S]+?)~~/g, '$1')
      .replace(/__([^_\n][\s\S]*?)__/g, '$1')
      .replace(/(^|[^*])\*(?!\s)([^*\n]+?)\*(?!\*)/g, '$1_$2_')
      .replace(/^(?:#{1,3}|-#) +/gm, ''),
  ).trim();
}

// ------------------------------------------------------------------ outbound text

const TIME_STYLE: Record<TimeStyle, string> = { moment: 'F', date: 'D', relative: 'R' };

/** A time as Discord's timestamp markup: each reader sees it in their own time zone and language. */
function discordTime(t: TimeMention): string {
  return `<t:${Math.floor(t.at.getTime() / 1000)}:${TIME_STYLE[t.style]}>`;
}

/** The core's channel mention `<#discord:G:C>` as Discord's `<#C>`; a ref that does not parse reads as a word. */
function linkChannels(text: string): string {
  return outsideCode(text, (s) =>
    s.replace(/<#(discord:[^>\s]+)>/g, (_m, ref: string) => {
      try {
        return `<#${parseRef(ref).channelId}>`;
      } catch {
        return '#channel';
      }
    }),
  );
}

// ------------------------------------------------------------------ splitting

/** Splits text for Discord: pieces of at most `max` characters (a message's 2,000 by default). */
export function splitText(text: string, max: number = LIMITS.content): string[] {
  return splitPieces(text, max);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, hardCut(text, max - 1))}…`;
}

// ------------------------------------------------------------------ outbound

/** A message as Discord takes it (the body of POST /channels/:id/messages). */
export interface DiscordPayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  files?: { name: string; data: Buffer; contentType: string }[];
  /** A chart image: sent with the message, and dropped (see withoutChart) if Discord refuses it. */
  chart?: { name: string; data: Buffer; description: string };
}

/** The payload without its chart, for sending the text again when the image was refused. */
export function withoutChart(p: DiscordPayload): DiscordPayload {
  const { chart: _chart, ...rest } = p;
  const embeds = rest.embeds?.map(({ image: _image, ...e }) => e);
  return { ...rest, ...(embeds ? { embeds } : {}) };
}

export const STAR_FORM_PREFIX = 'starform:';
const VALUE_SEPARATOR = '|';

const COLOURS: Partial<Record<NonNullable<OutboundMessage['kind']>, number>> = {
  question: 0x5865f2,
  digest: 0x57f287,
  feedback: 0xfee75c,
  error: 0xed4245,
};

/** The custom id of the STAR form button; carries the post and the idempotency key. */
export function starFormId(postId: string, keyHash?: string): string {
  const id = `${STAR_FORM_PREFIX}${postId}${keyHash ? `${VALUE_SEPARATOR}k${keyHash}` : ''}`;
  if (id.length > LIMITS.customId)
    throw new Error(`post id "${postId}" is too long for a Discord button (${id.length} > 100)`);
  return id;
}

export function parseStarFormId(customId: string): { postId: string; keyHash?: string } | undefined {
  if (!customId.startsWith(STAR_FORM_PREFIX)) return undefined;
  const [postId = '', key] = customId.slice(STAR_FORM_PREFIX.length).split(VALUE_SEPARATOR);
  return key?.startsWith('k') ? { postId, keyHash: key.slice(1) } : { postId };
}

export function buttonCustomId(id: string, value?: string): string {
  if (id.includes(VALUE_SEPARATOR) || id.startsWith(STAR_FORM_PREFIX)) {
    throw new Error(`button id "${id}" may not contain "${VALUE_SEPARATOR}" or start with "${STAR_FORM_PREFIX}"`);
  }
  const custom = value === undefined ? id : `${id}${VALUE_SEPARATOR}${value}`;
  if (custom.length > LIMITS.customId) {
    throw new Error(`button "${id}" with its value is ${custom.length} characters; Discord allows ${LIMITS.customId}`);
  }
  return custom;
}

export function parseButtonCustomId(customId: string): { actionId: string; value?: string } {
  const i = customId.indexOf(VALUE_SEPARATOR);
  return i < 0 ? { actionId: customId } : { actionId: customId.slice(0, i), value: customId.slice(i + 1) };
}

function components(message: OutboundMessage, keyHash?: string): DiscordPayload['components'] {
  const buttons: APIButtonComponentWithCustomId[] = [];
  if (message.starForm) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: clip(message.starForm.label ?? STAR_FORM_LABEL, LIMITS.buttonLabel),
      custom_id: starFormId(message.starForm.postId, keyHash),
    });
  }
  for (const b of message.buttons ?? []) {
    buttons.push({
      type: ComponentType.Button,
      style:
        b.style === 'danger' ? ButtonStyle.Danger : b.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary,
      label: clip(b.label, LIMITS.buttonLabel),
      custom_id: buttonCustomId(b.id, b.value),
    });
  }
  if (buttons.length === 0) return undefined;
  if (buttons.length > LIMITS.buttonsPerRow * LIMITS.rows) {
    throw new Error(`a Discord message holds at most 25 buttons; this one has ${buttons.length}`);
  }
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return rows;
}

function embedLength(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
}

/** Kinds shown as an embed; the rest as plain content, which reads better in a thread. */
function usesEmbed(message: OutboundMessage): boolean {
  return message.kind === 'question' || message.kind === 'digest' || message.kind === 'feedback';
}

/**
 * Renders a neutral message as one or more Discord messages. Buttons and files go on
 * the last one, so they sit under the whole text.
 */
export function render(neutral: OutboundMessage, options: { keyHash?: string } = {}): DiscordPayload[] {
  // An embed's title and footer show no markup, timestamps included: there the core's words.
  const message = withTimes(neutral, discordTime, usesEmbed(neutral) ? (t) => t.words : discordTime);
  const payloads: DiscordPayload[] = [];
  if (usesEmbed(message)) {
    const colour = message.kind ? COLOURS[message.kind] : undefined;
    const pieces = splitText(linkChannels(message.text) || '\u200b', LIMITS.embedDescription);
    const embeds: APIEmbed[] = pieces.map((description, i) => ({
      ...(i === 0 && message.title ? { title: clip(message.title, LIMITS.embedTitle) } : {}),
      description,
      ...(colour !== undefined ? { color: colour } : {}),
    }));
    const last = embeds[embeds.length - 1];
    if (message.footer && last) last.footer = { text: clip(message.footer, LIMITS.embedFooter) };
    let current: APIEmbed[] = [];
    let size = 0;
    for (const embed of embeds) {
      const n = embedLength(embed);
      if (current.length > 0 && (size + n > LIMITS.embedTotal || current.length === LIMITS.embedsPerMessage)) {
        payloads.push({ embeds: current });
        current = [];
        size = 0;
      }
      current.push(embed);
      size += n;
    }
    payloads.push({ embeds: current });
  } else {
    const parts = [
      message.title ? `**${message.title}**` : '',
      linkChannels(message.text),
      message.footer ? `-# ${message.footer}` : '',
    ];
    const text = parts.filter(Boolean).join('\n');
    for (const piece of splitText(text || '\u200b', LIMITS.content)) payloads.push({ content: piece });
  }
  const last = payloads[payloads.length - 1] as DiscordPayload;
  const rows = components(message, options.keyHash);
  if (rows) last.components = rows;
  if (message.attachments?.length) {
    last.files = message.attachments.map((a) => ({
      name: a.name,
      data: Buffer.from(a.content, 'utf8'),
      contentType: a.mime,
    }));
  }
  if (message.image) {
    last.chart = {
      name: message.image.name,
      data: Buffer.from(message.image.png),
      description: clip(message.image.alt, LIMITS.attachmentDescription),
    };
    // an embed shows the chart inside itself; plain content shows it under the text
    const embed = last.embeds?.at(-1);
    if (embed) embed.image = { url: `attachment://${message.image.name}` };
  }
  return payloads;
}

/** A thread name from a question: its first line without markup, at most 100 characters. */
export function threadName(message: OutboundMessage): string {
  const source = message.title || message.text.split('\n').find((l) => l.trim()) || 'Answers';
  const plain = source
    .replace(/[*_`>~|]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return clip(plain || 'Answers', LIMITS.threadName);
}

// ------------------------------------------------------------------ emoji

const NAMED: Record<string, string> = {
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  ballot_box_with_check: '☑️',
  x: '❌',
  star: '⭐',
  star2: '🌟',
  tada: '🎉',
  eyes: '👀',
  memo: '📝',
  fire: '🔥',
  warning: '⚠️',
  hourglass: '⌛',
  thumbsup: '👍',
  '+1': '👍',
  clap: '👏',
  muscle: '💪',
  seedling: '🌱',
  trophy: '🏆',
  bulb: '💡',
  speech_balloon: '💬',
  white_circle: '⚪',
  large_green_circle: '🟢',
  large_yellow_circle: '🟡',
  red_circle: '🔴',
};
const BY_EMOJI = new Map(Object.entries(NAMED).map(([k, v]) => [v, k]));
const REGIONAL_A = 0x1f1e6;

/** A neutral emoji name (`regional_indicator_s`, `white_check_mark`) as Discord takes it. */
export function emojiFor(name: string): string {
  const bare = name.replace(/^:|:$/g, '');
  const regional = /^regional_indicator_([a-z])$/.exec(bare);
  if (regional?.[1]) return String.fromCodePoint(REGIONAL_A + (regional[1].charCodeAt(0) - 97));
  const known = NAMED[bare];
  if (known) return known;
  // Already an emoji (not a plain word): pass it through.
  if (!/^[\w+-]+$/.test(bare)) return bare;
  throw new Error(`no Discord emoji is known for "${name}"; add it to NAMED in adapters/discord/format.ts`);
}

/** A Discord reaction emoji as a neutral name (custom emoji keep their own name). */
export function emojiName(emoji: { name: string | null; id: string | null }): string {
  const raw = emoji.name ?? '';
  if (emoji.id) return raw;
  const cp = raw.codePointAt(0) ?? 0;
  if (cp >= REGIONAL_A && cp < REGIONAL_A + 26 && raw.length === 2) {
    return `regional_indicator_${String.fromCharCode(97 + cp - REGIONAL_A)}`;
  }
  return BY_EMOJI.get(raw) ?? raw;
}
