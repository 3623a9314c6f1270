// Slack speaks mrkdwn, not markdown: `*bold*`, `_italic_`, `~strike~`, `<url|text>`
// links, and `&`, `<`, `>` escaped everywhere except in its own angle-bracket
// syntax. The core writes neutral markdown; these two functions translate at the edge.
import { parseRef } from './refs';

const FENCE = '```';

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<#slack:T:C>` as Slack's `<#C>`; a ref that does not parse reads as a plain word. */
function channelLink(ref: string): string {
  try {
    return `<#${parseRef(ref).channel}>`;
  } catch {
    return '#channel';
  }
}

/** Inline markdown (outside code) to mrkdwn, on already escaped text. */
function inlineToMrkdwn(s: string): string {
  const bold: string[] = [];
  // Bold first, parked behind placeholders, so its asterisks are not read as italics.
  let out = s.replace(
    /\*\*(?=\S)([^*\n]*?\S)\*\*|__(?=\S)([^_\n]*?\S)__/g,
    (_m, a: string | undefined, b: string | undefined) => {
      bold.push(a ?? b ?? '');
      return `\uE000${bold.length - 1}\uE001`;
    },
  );
  out = out
    // Markdown's single-asterisk italics are Slack's underscores.
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, '$1_$2_')
    .replace(/~~(?=\S)([^~\n]*?\S)~~/g, '~$1~')
    .replace(
      /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+|mailto:[^\s)]+)\)/g,
      (_m, text: string, url: string) => `<${url}|${text.replace(/\|/g, '¦')}>`,
    )
    // The core's channel mention carries a whole ref; Slack links the bare channel id.
    .replace(/&lt;#(slack:[^\s&]+)&gt;/g, (_m, ref: string) => channelLink(ref))
    // Mentions, channel links and special mentions survive escaping.
    .replace(/&lt;([@#!][A-Za-z0-9^|:._-]+)&gt;/g, '<$1>');
  return out.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => `*${bold[Number(i)]}*`);
}

function lineToMrkdwn(line: string): string {
  const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
  if (heading) return `*${inlineToMrkdwn(escapeText(heading[1] ?? '').replace(/\*\*/g, ''))}*`;
  const quote = /^(\s*)>\s?(.*)$/.exec(line);
  if (quote) return `${quote[1]}> ${lineToMrkdwn(quote[2] ?? '')}`;
  const bullet = /^(\s*)[-*+]\s+(.*)$/.exec(line);
  const body = bullet ? (bullet[2] ?? '') : line;
  // Code spans keep their content literally (escaped, as Slack requires), nothing else.
  const parts = body.split(/(`[^`\n]+`)/g);
  const rendered = parts.map((p, i) => (i % 2 === 1 ? escapeText(p) : inlineToMrkdwn(escapeText(p)))).join('');
  return bullet ? `${bullet[1]}• ${rendered}` : rendered;
}

/** Recent renderings: help, tips and most replies repeat the same text many times a day. */
const rendered = new Map<string, string>();
const RENDERED_MAX = 256;
const RENDERED_TEXT_MAX = 8_000;

/** Neutral markdown to Slack mrkdwn. */
export function toMrkdwn(markdown: string): string {
  if (markdown.length > RENDERED_TEXT_MAX) return render(markdown);
  let out = rendered.get(markdown);
  if (out === undefined) {
    out = render(markdown);
    if (rendered.size >= RENDERED_MAX) rendered.delete(rendered.keys().next().value as string);
    rendered.set(markdown, out);
  }
  return out;
}

function render(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let inFence = false;
  for (const line of lines) {
    if (line.trimStart().startsWith(FENCE)) {
      inFence = !inFence;
      // Slack ignores a fence's language tag and would show it as text.
      out.push(FENCE);
      continue;
    }
    out.push(inFence ? escapeText(line) : lineToMrkdwn(line));
  }
  if (inFence) out.push(FENCE);
  return out.join('\n');
}

function decodeEntities(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Slack message text to neutral markdown: user mentions become `<@U123>`, channel
 * and special mentions readable words, links `[text](url)`, entities decoded.
 */
export function fromMrkdwn(text: string): string {
  // most command lines ("help", "tips stripe") hold no markup: nothing to convert
  if (!/[<>*~&]/.test(text)) return text;
  const converted = text.replace(/<([^<>\n]+)>/g, (_m, inner: string) => {
    const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
    if (target.startsWith('@')) return `<${target}>`;
    if (target.startsWith('#')) return label ? `#${label}` : target;
    if (target.startsWith('!subteam^')) return label ?? '@group';
    if (target.startsWith('!date^')) return label ?? '';
    if (target.startsWith('!')) return `@${target.slice(1)}`;
    if (target.startsWith('mailto:')) return label ?? target.slice('mailto:'.length);
    if (label && label !== target) return `[${label}](${target})`;
    return target;
  });
  const styled = converted
    .replace(/(^|[\s(])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s).,!?:;])/gm, '$1**$2**')
    .replace(/(^|[\s(])~(?=\S)([^~\n]*?\S)~(?=$|[\s).,!?:;])/gm, '$1~~$2~~');
  return decodeEntities(styled);
}

export { splitText } from '../../src/text/split';
