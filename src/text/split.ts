// Long text cut into pieces a platform accepts (Slack's 3,000-character sections, Discord's
// 2,000-character messages): at a paragraph, line or word boundary where one is near, never
// through a surrogate pair, and a code block cut in two closed and reopened.

/** Where to cut when no boundary is near: never between the two halves of a surrogate pair. */
export function hardCut(text: string, max: number): number {
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** Splits text into pieces of at most `max` characters; joined with whitespace, nothing is lost. */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  let reopen = '';
  while (rest.length > 0) {
    rest = reopen + rest;
    reopen = '';
    if (rest.length <= max) {
      out.push(rest);
      break;
    }
    // Room for a closing fence if the cut lands inside a code block.
    const room = max - 4;
    const window = rest.slice(0, room);
    let cut = window.lastIndexOf('\n\n');
    if (cut < room / 2) cut = window.lastIndexOf('\n');
    if (cut < room / 2) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = hardCut(rest, room);
    let piece = rest.slice(0, cut).replace(/\s+$/, '');
    rest = rest.slice(cut).replace(/^\s+/, '');
    const fences = piece.match(/```(\w*)/g) ?? [];
    if (fences.length % 2 === 1) {
      piece += '\n```';
      reopen = `${fences[fences.length - 1] ?? '```'}\n`;
    }
    if (piece.length > 0) out.push(piece);
  }
  return out.length ? out : [''];
}
