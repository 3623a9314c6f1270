// In a terminal, lines that arrive together are one paste: a pasted answer of many lines
// is one reply with one feedback, not a reply per line. Typed lines come one at a time.

/** Lines closer together than this were pasted, not typed. */
const PASTE_MS = 40;

export class PasteCollector {
  private lines: string[] = [];
  private timer?: NodeJS.Timeout;

  /**
   * @param send called with each whole line to handle, in order
   * @param joinable whether a paste of these lines may be one answer (not while a form is open)
   */
  constructor(
    private readonly send: (line: string) => void,
    private readonly joinable: (lines: readonly string[]) => boolean,
  ) {}

  add(line: string): void {
    this.lines.push(line);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), PASTE_MS);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const lines = this.lines;
    this.lines = [];
    if (lines.length > 1 && this.joinable(lines)) this.send(lines.join('\n').trim());
    else for (const l of lines) this.send(l);
  }
}
