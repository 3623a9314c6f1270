// The terminal study group: one channel "#prep" with threads, played by one person
// who can switch between members with /as. Lines are read with node:readline; when
// input is not a terminal the same lines are read and the adapter reports the end
// of input so the process can exit.
import { createInterface, type Interface } from 'node:readline';
import { STAR_FORM_FIELDS, STAR_FORM_LABEL } from '../../src/chat/star-form';
import { withTimes } from '../../src/chat/time';
import type {
  Adapter,
  Author,
  Button,
  ChartImage,
  EventHandler,
  InboundEvent,
  OutboundMessage,
  PostResult,
  Ref,
  ReplyOptions,
  WorkspaceId,
} from '../../src/chat/types';
import { formatBytes, saveFile } from './files';
import { COLOURS, emojiText, PLAIN, renderMarkdown, type Style } from './render';

const CONSOLE_WORKSPACE = 'console:local';
const CONSOLE_CHANNEL = 'console:local:prep';

export interface ConsoleOptions {
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream & { isTTY?: boolean };
  /** The member you play at first. */
  user?: string;
  /** Colours and prompts; defaults to whether output is a terminal (and NO_COLOR is unset). */
  color?: boolean;
  clock?: () => Date;
  /** Where files the bot sends (an export) are saved; without it they are printed inline. */
  filesDir?: string;
  /** Where charts are saved as PNG files; without it only their text alternative is shown. */
  chartsDir?: string;
}

interface FormDraft {
  postId: string;
  thread: Ref;
  values: string[];
}

type EventFields = InboundEvent extends infer E
  ? E extends InboundEvent
    ? Omit<E, 'reply' | 'workspace' | 'channel' | 'author' | 'at'>
    : never
  : never;

const FORM_FIELDS = STAR_FORM_FIELDS.map((f) => f.label);
/** Lines closer together than this were pasted, not typed. */
const PASTE_MS = 40;

export function memberId(name: string): string {
  return (
    name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'member'
  );
}

export class ConsoleAdapter implements Adapter {
  readonly platform = 'console';
  /** Piped input: each line is a whole reply, answered before the next is read. */
  readonly wholeReplies: boolean;
  readonly workspace: WorkspaceId = CONSOLE_WORKSPACE;
  readonly channel: Ref = CONSOLE_CHANNEL;
  /** Resolves when input has ended (or /quit) and every line has been handled. */
  readonly done: Promise<void>;
  private resolveDone!: () => void;
  private readonly input: NodeJS.ReadableStream & { isTTY?: boolean };
  private readonly output: NodeJS.WritableStream & { isTTY?: boolean };
  private readonly style: Style;
  private readonly interactive: boolean;
  private readonly clock: () => Date;
  private rl?: Interface;
  private readonly filesDir?: string;
  private readonly chartsDir?: string;
  /** Set once input has ended or the member left: nothing is prompted or read after it. */
  private closed = false;
  /** Events being handled now; output outside them (held feedback) draws the prompt again. */
  private handling = 0;
  private started = false;
  /** Lines of a paste still arriving (interactive only). */
  private pasted: string[] = [];
  private pasteTimer?: NodeJS.Timeout;
  private handler?: EventHandler;
  private me: Author;
  private readonly names = new Map<string, string>();
  /** Thread numbers are unique across runs, so stored thread refs never collide. */
  private seq: number;
  private currentThread?: Ref;
  private currentForm?: { postId: string; thread: Ref };
  /** A direct conversation waiting for the member's reply: plain lines go there. */
  private direct?: Ref;
  private form?: FormDraft;
  private buttons: Button[] = [];
  private readonly lastByUser = new Map<string, { ref: Ref; thread: Ref }>();
  private readonly marks = new Map<Ref, Set<string>>();
  private readonly owners = new Map<Ref, string>();
  private queue: Promise<void>;
  private openGate!: () => void;

  constructor(options: ConsoleOptions = {}) {
    this.input = options.input ?? process.stdin;
    this.output = options.output ?? process.stdout;
    const colour = options.color ?? (this.output.isTTY === true && !process.env.NO_COLOR);
    this.style = colour ? COLOURS : PLAIN;
    this.interactive = this.input.isTTY === true;
    this.wholeReplies = !this.interactive;
    this.clock = options.clock ?? (() => new Date());
    this.filesDir = options.filesDir;
    this.chartsDir = options.chartsDir;
    this.me = this.author(options.user ?? 'you');
    this.seq = Date.now();
    this.done = new Promise((r) => {
      this.resolveDone = r;
    });
    // Lines wait until startup (today's question) has been shown.
    this.queue = new Promise((r) => {
      this.openGate = r;
    });
  }

  private author(name: string): Author {
    const id = memberId(name);
    this.names.set(id, name);
    // Whoever runs the terminal owns the group, so every member may use admin commands.
    return { id, name, isAdmin: true };
  }

  private write(text: string): void {
    this.output.write(`${text}\n`);
  }

  private md(text: string): string {
    return renderMarkdown(text, this.style, (id) => this.names.get(id) ?? id);
  }

  /** Where a thread ref's replies are shown: indented under their question. */
  private isThread(ref: Ref): boolean {
    return ref.startsWith(`${this.channel}:`);
  }

  private indent(text: string, prefix: string): string {
    return text
      .split('\n')
      .map((l) => `${prefix}${l}`)
      .join('\n');
  }

  private show(neutral: OutboundMessage, where: Ref, privateTo?: string): void {
    const message = withTimes(neutral, (t) => t.words);
    const s = this.style;
    const lines: string[] = [];
    const head = privateTo ? s.dim(`🔒 only ${this.names.get(privateTo) ?? privateTo} can see this`) : '';
    if (message.kind === 'question' && !this.isThread(where)) {
      lines.push('', s.accent('━'.repeat(60)));
    }
    if (head) lines.push(head);
    const who =
      message.kind === 'answer'
        ? ''
        : `${s.bold(s.accent('Starling'))}${message.title ? ` · ${s.bold(message.title)}` : ''}`;
    if (who) lines.push(who);
    else if (message.title) lines.push(s.bold(message.title));
    if (message.text) lines.push(this.md(message.text));
    if (message.footer) lines.push(s.dim(this.md(message.footer)));
    if (message.buttons?.length) {
      this.buttons = message.buttons;
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
    if (message.kind === 'question' && !this.isThread(where)) {
      const how = message.awaitsReply
        ? 'Type your reply: each line goes to this conversation until it ends.'
        : "Type your answer: each line is a reply in this question's thread.";
      lines.push(s.dim(`${how} /help lists console commands.`), s.accent('━'.repeat(60)));
    }
    const body = lines.join('\n');
    this.write(this.isThread(where) ? this.indent(body, s.dim('  │ ')) : body);
  }

  /** A file the bot sent: saved under the files folder with its path said, or shown inline. */
  private attachment(a: { name: string; mime: string; content: string }): string[] {
    const s = this.style;
    if (!this.filesDir) {
      return [s.dim(`── file ${a.name} (${a.mime}) ──`), a.content.trimEnd(), s.dim('── end of file ──')];
    }
    try {
      const path = saveFile(this.filesDir, a.name, a.content);
      return [`${s.dim('file saved:')} ${path} ${s.dim(`(${formatBytes(Buffer.byteLength(a.content))})`)}`];
    } catch (err) {
      return [
        s.bad(`Could not save ${a.name} under ${this.filesDir} (${(err as Error).message}); here it is instead:`),
        a.content.trimEnd(),
      ];
    }
  }

  /** A chart: the PNG saved under the charts folder with its path, beside the text bars. */
  private chart(image: ChartImage): string[] {
    const s = this.style;
    const alt = s.dim(`Chart: ${image.alt}`);
    if (!this.chartsDir) return [alt];
    try {
      const path = saveFile(this.chartsDir, image.name, image.png);
      return [`${s.dim('chart saved:')} ${path} ${s.dim(`(${formatBytes(image.png.byteLength)})`)}`, alt];
    } catch (err) {
      return [s.bad(`Could not save the chart under ${this.chartsDir} (${(err as Error).message}).`), alt];
    }
  }

  async start(onEvent: EventHandler): Promise<void> {
    this.handler = onEvent;
    this.rl = createInterface({
      input: this.input,
      output: this.interactive ? this.output : undefined,
      terminal: this.interactive,
    });
    this.rl.on('line', (line) => (this.interactive ? this.collect(line) : this.enqueue(line)));
    // In a terminal readline takes Ctrl-C itself; treat it as leaving, like Ctrl-D.
    this.rl.on('SIGINT', () => this.rl?.close());
    this.rl.on('close', () => {
      this.flushPaste();
      this.closed = true;
      this.queue.then(() => this.resolveDone());
    });
    if (this.interactive) {
      this.write(
        this.style.dim(
          `Starling study group #prep, as ${this.me.name}. /as <name> to play another member, /help for console commands, Ctrl-D to leave.`,
        ),
      );
    }
  }

  private enqueue(line: string): void {
    this.queue = this.queue
      .then(() => this.onLine(line))
      .catch((err) => this.write(this.style.bad(`error: ${String(err)}`)));
  }

  /**
   * In a terminal, lines that arrive together are one paste: a pasted answer of many lines
   * is one reply with one feedback, not a reply per line. Typed lines come one at a time.
   */
  private collect(line: string): void {
    this.pasted.push(line);
    if (this.pasteTimer) clearTimeout(this.pasteTimer);
    this.pasteTimer = setTimeout(() => this.flushPaste(), PASTE_MS);
  }

  private flushPaste(): void {
    if (this.pasteTimer) clearTimeout(this.pasteTimer);
    this.pasteTimer = undefined;
    const lines = this.pasted;
    this.pasted = [];
    const oneAnswer = lines.length > 1 && !this.form && lines.every((l) => !l.startsWith('/'));
    if (oneAnswer) this.enqueue(lines.join('\n').trim());
    else for (const l of lines) this.enqueue(l);
  }

  /** Startup output is done: handle input from now on. */
  ready(): void {
    this.openGate();
    this.started = true;
    this.prompt();
  }

  /** Shows the prompt (interactive only). */
  prompt(): void {
    // a prompt after leaving would start reading the terminal again and keep the process alive
    if (!this.rl || !this.interactive || this.closed) return;
    this.rl.setPrompt(`${this.style.bold(this.me.name)} › `);
    this.rl.prompt();
  }

  async stop(): Promise<void> {
    this.handler = undefined;
    this.openGate();
    this.rl?.close();
    this.closed = true;
    // let go of the terminal, so nothing left reading it keeps the process alive
    this.input.pause();
    this.resolveDone();
  }

  /** Makes a question posted in an earlier run the current one (startup). */
  resume(threadRef: Ref, message: OutboundMessage, postId: string): void {
    this.currentThread = threadRef;
    this.currentForm = { postId, thread: threadRef };
    this.show({ ...message, starForm: { postId } }, this.channel);
  }

  async post(to: Ref, message: OutboundMessage): Promise<PostResult> {
    this.seq += 1;
    const thread = this.isThread(to) ? to.split(':').slice(0, 4).join(':') : `${this.channel}:${this.seq}`;
    const ref = this.isThread(to) ? `${thread}:${this.seq}` : thread;
    // a STAR form answer is shown by the bot but is the member's reply: /edit and /delete reach it
    if (message.kind === 'answer' && this.isThread(to)) this.lastByUser.set(this.me.id, { ref, thread });
    if (to.startsWith(`${this.workspace}:dm-`)) {
      this.show(message, this.channel, to.slice(`${this.workspace}:dm-`.length));
      // a direct conversation waiting for a reply (a mock interview) takes the plain lines
      this.direct = message.awaitsReply ? to : undefined;
      return { ref: `${to}:${this.seq}`, threadRef: `${to}:${this.seq}` };
    }
    this.show(message, this.isThread(to) ? thread : this.channel);
    const author = message.kind === 'answer' ? /^\*\*(.+?)\*\*/.exec(message.text)?.[1] : undefined;
    if (author) this.owners.set(ref, author);
    if (message.kind === 'question' && !this.isThread(to)) {
      this.currentThread = thread;
      if (message.starForm) this.currentForm = { postId: message.starForm.postId, thread };
    }
    return { ref, threadRef: thread };
  }

  async postPrivate(to: Ref, userId: string, message: OutboundMessage): Promise<void> {
    this.show(message, to, userId);
    this.promptAfterLateOutput();
  }

  /** Output that came while nothing was typed (feedback after a quiet period) leaves a fresh prompt under it. */
  private promptAfterLateOutput(): void {
    if (this.started && this.handling === 0) this.prompt();
  }

  async openDirect(workspace: WorkspaceId, userId: string): Promise<Ref> {
    return `${workspace}:dm-${userId}`;
  }

  async react(ref: Ref, emoji: string): Promise<void> {
    const set = this.marks.get(ref) ?? new Set<string>();
    set.add(emoji);
    this.marks.set(ref, set);
    this.dirty.add(ref);
  }

  async unreact(ref: Ref, emoji: string): Promise<void> {
    this.marks.get(ref)?.delete(emoji);
    this.dirty.add(ref);
  }

  private readonly dirty = new Set<Ref>();

  /** Shows markers that changed while a line was handled, one line per answer. */
  private flushMarks(): void {
    for (const ref of this.dirty) {
      const set = this.marks.get(ref) ?? new Set<string>();
      const owner = this.owners.get(ref);
      // The group sees reactions, as on Slack and Discord: a letter per part present.
      // What is missing (or unclear) is for the author's private feedback to say.
      const letters = ['s', 't', 'a', 'r']
        .filter((c) => set.has(`regional_indicator_${c}`))
        .map((c) => this.style.good(`${c.toUpperCase()} ✓`));
      const others = [...set].filter((e) => !/^regional_indicator_[star]$/.test(e)).map(emojiText);
      this.write(
        this.indent(
          `${this.style.dim('marker on')} ${owner === this.me.name ? 'your answer' : owner ? `${owner}'s answer` : 'the answer'}: ${[...letters, ...others].join(' · ')}`,
          this.style.dim('  │ '),
        ),
      );
    }
    this.dirty.clear();
  }

  private event(fields: EventFields): InboundEvent {
    const author = this.me;
    const thread = (fields as { thread?: Ref }).thread;
    return {
      ...fields,
      workspace: this.workspace,
      channel: this.channel,
      author,
      at: this.clock(),
      reply: async (message: OutboundMessage, options: ReplyOptions = {}) => {
        const where = options.inThread === false ? this.channel : (thread ?? this.channel);
        if (options.private) await this.postPrivate(where, author.id, message);
        else await this.post(where, message);
      },
    } as InboundEvent;
  }

  private async emit(event: InboundEvent): Promise<void> {
    if (!this.handler) return;
    this.handling++;
    try {
      await this.handler(event);
    } finally {
      this.handling--;
    }
    this.flushMarks();
  }

  private help(): void {
    const s = this.style;
    this.write(
      [
        s.bold('Console commands'),
        `  ${s.code('/prep <command>')}   any Starling command (${s.code('/prep help')} lists them)`,
        `  ${s.code('<text>')}            your answer: to the open mock interview, else in the current question's thread`,
        `  ${s.code('/as <name>')}        play another member`,
        `  ${s.code('/form')}             answer the current question with the four-part STAR form`,
        `  ${s.code('/edit <text>')}      replace your last reply`,
        `  ${s.code('/delete')}           delete your last reply`,
        `  ${s.code('/press <n>')}        press button n of the last message with buttons`,
        `  ${s.code('/quit')}             leave (Ctrl-D works too)`,
      ].join('\n'),
    );
  }

  async onLine(raw: string): Promise<void> {
    const line = raw.trim();
    try {
      if (this.form) {
        await this.formLine(line);
        return;
      }
      if (!line) {
        this.write(this.style.dim('Nothing to send: type your answer, or /help for the console commands.'));
        return;
      }
      if (!this.interactive && !line.startsWith('/')) this.write(`${this.style.bold(this.me.name)}: ${line}`);
      if (!this.interactive && line.startsWith('/')) this.write(this.style.dim(`${this.me.name} › ${line}`));
      await this.dispatch(line);
    } finally {
      this.prompt();
    }
  }

  private async dispatch(line: string): Promise<void> {
    const m = /^\/(\S+)\s*(.*)$/s.exec(line);
    if (!m) return this.answer(line);
    const [, cmd = '', rest = ''] = m;
    switch (cmd.toLowerCase()) {
      case 'prep': {
        const [name = '', ...words] = rest.trim().split(/\s+/);
        return this.emit(this.event({ type: 'command', name: name.toLowerCase(), text: words.join(' ') }));
      }
      case 'as': {
        if (!rest.trim()) {
          this.write(this.style.bad('Who? Type /as <name>, for example /as Ada.'));
          return;
        }
        this.me = this.author(rest.trim());
        this.write(this.style.dim(`You are now ${this.me.name}.`));
        return;
      }
      case 'form': {
        if (!this.currentForm) {
          this.write(this.style.bad('There is no question to answer yet. Type /prep question first.'));
          return;
        }
        this.form = { ...this.currentForm, values: [] };
        this.write(
          this.style.dim(`STAR form, one line for each part.${this.interactive ? ` ${FORM_FIELDS[0]}:` : ''}`),
        );
        return;
      }
      case 'edit': {
        const last = this.lastByUser.get(this.me.id);
        if (!last || !rest.trim()) {
          this.write(this.style.bad(last ? 'Type /edit followed by the new text.' : 'You have no reply to edit yet.'));
          return;
        }
        this.write(
          this.indent(
            `${this.style.bold(this.me.name)} ${this.style.dim('(edited)')}: ${rest.trim()}`,
            this.style.dim('  │ '),
          ),
        );
        return this.emit(this.event({ type: 'message_edited', ref: last.ref, thread: last.thread, text: rest.trim() }));
      }
      case 'delete': {
        const last = this.lastByUser.get(this.me.id);
        if (!last) {
          this.write(this.style.bad('You have no reply to delete.'));
          return;
        }
        this.lastByUser.delete(this.me.id);
        this.write(this.indent(this.style.dim(`${this.me.name} deleted a reply.`), this.style.dim('  │ ')));
        return this.emit(this.event({ type: 'message_deleted', ref: last.ref, thread: last.thread }));
      }
      case 'press':
      case 'click': {
        const n = Number(rest.trim() || '1');
        const b = this.buttons[n - 1];
        if (!b) {
          this.write(
            this.style.bad(
              this.buttons.length ? `Press a number from 1 to ${this.buttons.length}.` : 'There is no button to press.',
            ),
          );
          return;
        }
        this.buttons = [];
        return this.emit(this.event({ type: 'button', actionId: b.id, ...(b.value ? { value: b.value } : {}) }));
      }
      case 'help':
        this.help();
        return;
      case 'quit':
      case 'exit':
        this.rl?.close();
        return;
      default:
        this.write(
          this.style.bad(
            `There is no /${cmd} here. Commands start with /prep (try /prep help); /help lists console commands.`,
          ),
        );
    }
  }

  private async answer(text: string): Promise<void> {
    const direct = this.direct;
    if (direct) {
      this.seq += 1;
      const ref = `${direct}:${this.seq}`;
      // a reply goes back to the conversation, so one that waits for nothing ends it here too
      const reply = (message: OutboundMessage) => this.post(direct, message).then(() => undefined);
      const event = { ...this.event({ type: 'message', ref, text }), channel: direct, direct: true, reply };
      return this.emit(event as InboundEvent);
    }
    if (!this.currentThread) {
      this.write(this.style.bad('There is no question to answer yet. Type /prep question to get one.'));
      return;
    }
    this.seq += 1;
    const ref = `${this.currentThread}:${this.seq}`;
    this.owners.set(ref, this.me.name);
    this.lastByUser.set(this.me.id, { ref, thread: this.currentThread });
    await this.emit(this.event({ type: 'message', ref, thread: this.currentThread, text }));
  }

  private async formLine(line: string): Promise<void> {
    const f = this.form;
    if (!f) return;
    f.values.push(line);
    if (!this.interactive) this.write(this.style.dim(`${FORM_FIELDS[f.values.length - 1]}: ${line}`));
    if (f.values.length < FORM_FIELDS.length) {
      if (this.interactive) this.write(this.style.dim(`${FORM_FIELDS[f.values.length]}:`));
      return;
    }
    this.form = undefined;
    const [situation = '', task = '', action = '', result = ''] = f.values;
    await this.emit(
      this.event({
        type: 'form_submitted',
        form: 'star',
        postId: f.postId,
        thread: f.thread,
        values: { situation, task, action, result },
      }),
    );
  }
}
