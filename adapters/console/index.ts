// The terminal study group: one channel "#prep" with threads, played by one person
// who can switch between members with /as. Lines are read with node:readline; when
// input is not a terminal the same lines are read and the adapter reports the end
// of input so the process can exit.
import { createInterface, type Interface } from 'node:readline';
import type {
  Adapter,
  Author,
  Button,
  EventHandler,
  InboundEvent,
  OutboundMessage,
  PostResult,
  Ref,
  ReplyOptions,
  WorkspaceId,
} from '../../src/chat/types';
import { FormDraft } from './form';
import { Markers } from './markers';
import { type ConsoleOptions, memberId } from './members';
import { PasteCollector } from './paste';
import { COLOURS, PLAIN, type Style } from './render';
import { ConsoleView, consoleHelp, indentLines } from './view';

const CONSOLE_WORKSPACE = 'console:local';
const CONSOLE_CHANNEL = 'console:local:prep';

type EventFields = InboundEvent extends infer E
  ? E extends InboundEvent
    ? Omit<E, 'reply' | 'workspace' | 'channel' | 'author' | 'at'>
    : never
  : never;

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
  /** Set once input has ended or the member left: nothing is prompted or read after it. */
  private closed = false;
  /** Events being handled now; output outside them (held feedback) draws the prompt again. */
  private handling = 0;
  private started = false;
  /** Lines of a paste still arriving (interactive only). */
  private readonly paste = new PasteCollector(
    (line) => this.enqueue(line),
    (lines) => !this.form && lines.every((l) => !l.startsWith('/')),
  );
  private handler?: EventHandler;
  private me: Author;
  private readonly names = new Map<string, string>();
  private readonly view: ConsoleView;
  /** Thread numbers are unique across runs, so stored thread refs never collide. */
  private seq: number;
  private currentThread?: Ref;
  private currentForm?: { postId: string; thread: Ref };
  /** A direct conversation waiting for the member's reply: plain lines go there. */
  private direct?: Ref;
  private form?: FormDraft;
  private buttons: Button[] = [];
  private readonly lastByUser = new Map<string, { ref: Ref; thread: Ref }>();
  private readonly markers: Markers;
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
    this.markers = new Markers(this.style);
    this.view = new ConsoleView(this.style, this.names, this.channel, options);
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

  /** Where a thread ref's replies are shown: indented under their question. */
  private isThread(ref: Ref): boolean {
    return ref.startsWith(`${this.channel}:`);
  }

  private show(message: OutboundMessage, where: Ref, privateTo?: string): void {
    if (message.buttons?.length) this.buttons = message.buttons;
    this.write(this.view.render(message, where, privateTo));
  }

  private indent(text: string): string {
    return indentLines(text, this.style.dim('  │ '));
  }

  async start(onEvent: EventHandler): Promise<void> {
    this.handler = onEvent;
    this.rl = createInterface({
      input: this.input,
      output: this.interactive ? this.output : undefined,
      terminal: this.interactive,
    });
    this.rl.on('line', (line) => (this.interactive ? this.paste.add(line) : this.enqueue(line)));
    // In a terminal readline takes Ctrl-C itself; treat it as leaving, like Ctrl-D.
    this.rl.on('SIGINT', () => this.rl?.close());
    this.rl.on('close', () => {
      this.paste.flush();
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
    if (author) this.markers.own(ref, author);
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
    this.markers.add(ref, emoji);
  }

  async unreact(ref: Ref, emoji: string): Promise<void> {
    this.markers.remove(ref, emoji);
  }

  /** Shows markers that changed while a line was handled, one line per answer. */
  private flushMarks(): void {
    for (const line of this.markers.changed(this.me.name)) this.write(this.indent(line));
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
        this.form = new FormDraft(this.currentForm.postId, this.currentForm.thread);
        this.write(
          this.style.dim(`STAR form, one line for each part.${this.interactive ? ` ${this.form.next}:` : ''}`),
        );
        return;
      }
      case 'edit': {
        const last = this.lastByUser.get(this.me.id);
        if (!last || !rest.trim()) {
          this.write(this.style.bad(last ? 'Type /edit followed by the new text.' : 'You have no reply to edit yet.'));
          return;
        }
        this.write(this.indent(`${this.style.bold(this.me.name)} ${this.style.dim('(edited)')}: ${rest.trim()}`));
        return this.emit(this.event({ type: 'message_edited', ref: last.ref, thread: last.thread, text: rest.trim() }));
      }
      case 'delete': {
        const last = this.lastByUser.get(this.me.id);
        if (!last) {
          this.write(this.style.bad('You have no reply to delete.'));
          return;
        }
        this.lastByUser.delete(this.me.id);
        this.write(this.indent(this.style.dim(`${this.me.name} deleted a reply.`)));
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
        this.write(consoleHelp(this.style));
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
    this.markers.own(ref, this.me.name);
    this.lastByUser.set(this.me.id, { ref, thread: this.currentThread });
    await this.emit(this.event({ type: 'message', ref, thread: this.currentThread, text }));
  }

  private async formLine(line: string): Promise<void> {
    const f = this.form;
    if (!f) return;
    const label = f.add(line);
    if (!this.interactive) this.write(this.style.dim(`${label}: ${line}`));
    if (f.next) {
      if (this.interactive) this.write(this.style.dim(`${f.next}:`));
      return;
    }
    this.form = undefined;
    const submitted = { type: 'form_submitted' as const, form: 'star' as const, values: f.answer };
    await this.emit(this.event({ ...submitted, postId: f.postId, thread: f.thread }));
  }
}
