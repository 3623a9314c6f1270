// How the terminal shows what the bot says: a message as lines (title, text, buttons,
// files and charts saved under the data folder), replies indented under their question,
// private ones marked, and the console's own help.
import { STAR_FORM_LABEL } from '../../src/chat/star-form';
import { withTimes } from '../../src/chat/time';
import type { ChartImage, OutboundMessage, Ref } from '../../src/chat/types';
import { formatBytes, saveFile } from './files';
import { renderMarkdown, type Style } from './render';

export function indentLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l) => `${prefix}${l}`)
    .join('\n');
}

export function consoleHelp(s: Style): string {
  return [
    s.bold('Console commands'),
    `  ${s.code('/prep <command>')}   any Starling command (${s.code('/prep help')} lists them)`,
    `  ${s.code('<text>')}            your answer: to the open mock interview, else in the current question's thread`,
    `  ${s.code('/as <name>')}        play another member`,
    `  ${s.code('/form')}             answer the current question with the four-part STAR form`,
    `  ${s.code('/edit <text>')}      replace your last reply`,
    `  ${s.code('/delete')}           delete your last reply`,
    `  ${s.code('/press <n>')}        press button n of the last message with buttons`,
    `  ${s.code('/quit')}             leave (Ctrl-D works too)`,
  ].join('\n');
}

export class ConsoleView {
  constructor(
    private readonly style: Style,
    /** Member ids → the names shown (a mention of an id reads as its name). */
    private readonly names: ReadonlyMap<string, string>,
    private readonly channel: Ref,
    private readonly dirs: { filesDir?: string; chartsDir?: string },
  ) {}

  private md(text: string): string {
    return renderMarkdown(text, this.style, (id) => this.names.get(id) ?? id);
  }

  /** Where a thread ref's replies are shown: indented under their question. */
  private isThread(ref: Ref): boolean {
    return ref.startsWith(`${this.channel}:`);
  }

  /** The message as the terminal shows it, at `where`, marked private when it is. */
  render(neutral: OutboundMessage, where: Ref, privateTo?: string): string {
    const message = withTimes(neutral, (t) => t.words);
    const s = this.style;
    const question = message.kind === 'question' && !this.isThread(where);
    const lines: string[] = [];
    if (question) lines.push('', s.accent('━'.repeat(60)));
    if (privateTo) lines.push(s.dim(`🔒 only ${this.names.get(privateTo) ?? privateTo} can see this`));
    lines.push(...this.body(message));
    if (question) {
      const how = message.awaitsReply
        ? 'Type your reply: each line goes to this conversation until it ends.'
        : "Type your answer: each line is a reply in this question's thread.";
      lines.push(s.dim(`${how} /help lists console commands.`), s.accent('━'.repeat(60)));
    }
    const text = lines.join('\n');
    return this.isThread(where) ? indentLines(text, s.dim('  │ ')) : text;
  }

  private body(message: OutboundMessage): string[] {
    const s = this.style;
    const lines: string[] = [];
    const title = message.title ? ` · ${s.bold(message.title)}` : '';
    if (message.kind !== 'answer') lines.push(`${s.bold(s.accent('Starling'))}${title}`);
    else if (message.title) lines.push(s.bold(message.title));
    if (message.text) lines.push(this.md(message.text));
    if (message.footer) lines.push(s.dim(this.md(message.footer)));
    if (message.buttons?.length) {
      lines.push(
        message.buttons
          .map((b, i) => `[${i + 1}] ${b.style === 'danger' ? s.bad(b.label) : s.bold(b.label)}`)
          .join('  ') + s.dim('  – type /press <number>'),
      );
    }
    if (message.starForm)
      lines.push(s.dim(`[${message.starForm.label ?? STAR_FORM_LABEL}] – type /form to answer in four parts`));
    for (const a of message.attachments ?? []) lines.push(...this.attachment(a));
    if (message.image) lines.push(...this.chart(message.image));
    return lines;
  }

  /** A file the bot sent: saved under the files folder with its path said, or shown inline. */
  private attachment(a: { name: string; mime: string; content: string }): string[] {
    const s = this.style;
    const dir = this.dirs.filesDir;
    if (!dir) return [s.dim(`── file ${a.name} (${a.mime}) ──`), a.content.trimEnd(), s.dim('── end of file ──')];
    try {
      const path = saveFile(dir, a.name, a.content);
      return [`${s.dim('file saved:')} ${path} ${s.dim(`(${formatBytes(Buffer.byteLength(a.content))})`)}`];
    } catch (err) {
      return [
        s.bad(`Could not save ${a.name} under ${dir} (${(err as Error).message}); here it is instead:`),
        a.content.trimEnd(),
      ];
    }
  }

  /** A chart: the PNG saved under the charts folder with its path, beside the text bars. */
  private chart(image: ChartImage): string[] {
    const s = this.style;
    const alt = s.dim(`Chart: ${image.alt}`);
    const dir = this.dirs.chartsDir;
    if (!dir) return [alt];
    try {
      const path = saveFile(dir, image.name, image.png);
      return [`${s.dim('chart saved:')} ${path} ${s.dim(`(${formatBytes(image.png.byteLength)})`)}`, alt];
    } catch (err) {
      return [s.bad(`Could not save the chart under ${dir} (${(err as Error).message}).`), alt];
    }
  }
}
