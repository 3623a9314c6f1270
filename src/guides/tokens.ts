// A saved page as a list of content lines, the site's chrome removed, each marked as a
// list item or not, and as following a sign-up wall or not.
import { cleanLine } from './noise';

export interface Token {
  text: string;
  bullet: boolean;
  wall: boolean;
  line: number;
}

const BULLET = /^(?:[-*•▪◦‣–—]|\d{1,2}[.)])\s+(.*)$/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const { text: clean, wall, callout } = cleanLine(raw);
    if (callout) return;
    if (!clean) {
      if (wall) tokens.push({ text: '', bullet: false, wall: true, line: i + 1 });
      return;
    }
    const bullet = BULLET.exec(clean);
    if (bullet) {
      const body = cleanLine(bullet[1] ?? '').text;
      if (body) tokens.push({ text: body, bullet: true, wall, line: i + 1 });
      return;
    }
    tokens.push({ text: clean, bullet: false, wall, line: i + 1 });
  });
  return tokens;
}
