// Neutral markdown to the terminal: bold, italics, code and quotes in colour when
// the output is a TTY, plain readable text when piped.

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  italic(s: string): string;
  code(s: string): string;
  accent(s: string): string;
  good(s: string): string;
  bad(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

export const COLOURS: Style = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  italic: wrap(3, 23),
  code: wrap(36, 39),
  accent: wrap(35, 39),
  good: wrap(32, 39),
  bad: wrap(31, 39),
};

const id = (s: string) => s;
export const PLAIN: Style = { bold: id, dim: id, italic: id, code: (s) => `\`${s}\``, accent: id, good: id, bad: id };

/** Renders one neutral-markdown text; `names` turns `<@id>` mentions into @names, `<#ref>` is #name. */
export function renderMarkdown(text: string, style: Style, names: (id: string) => string = (i) => i): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of text.split('\n')) {
    if (/^```/.test(line.trim())) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(`  ${line}`);
      continue;
    }
    let l = line;
    const quoted = /^>\s?/.test(l);
    if (quoted) l = l.replace(/^>\s?/, '');
    l = l
      .replace(/<@!?([^>|\s]+)(?:\|[^>]*)?>/g, (_m, uid: string) => style.accent(`@${names(uid)}`))
      // A console channel ref ends in the channel's name: console:local:prep is #prep.
      .replace(/<#([^>\s]+)>/g, (_m, ref: string) => style.accent(`#${ref.split(':').at(-1)}`))
      .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, (_m, t: string, u: string) => `${t} (${u})`)
      .replace(/`([^`\n]+)`/g, (_m, c: string) => style.code(c))
      .replace(/\*\*([^*\n]+)\*\*/g, (_m, b: string) => style.bold(b))
      .replace(
        /(^|[\s(“"])_([^_\n]+)_(?=$|[\s.,;:!?)”"])/g,
        (_m, pre: string, i: string) => `${pre}${style.italic(i)}`,
      );
    out.push(quoted ? `${style.dim('│')} ${l}` : l);
  }
  return out.join('\n');
}

const LETTERS: Record<string, string> = {};
for (const c of 'abcdefghijklmnopqrstuvwxyz') LETTERS[`regional_indicator_${c}`] = c.toUpperCase();

/** A neutral emoji name as a terminal token: `regional_indicator_s` is [S]. */
export function emojiText(name: string): string {
  const letter = LETTERS[name];
  if (letter) return `[${letter}]`;
  const known: Record<string, string> = { white_check_mark: '[✓]', x: '[✗]', star: '[★]' };
  return known[name] ?? `:${name}:`;
}
