// An adapter that keeps everything in memory: what the bot posted, who saw which
// private message, which reactions it added, which messages it edited. Tests drive the
// whole core through it.
import { PlatformError } from '../../src/chat/errors';
import type {
  Adapter,
  Author,
  EventHandler,
  InboundEvent,
  OutboundMessage,
  PostResult,
  Ref,
  ReplyOptions,
  WorkspaceId,
} from '../../src/chat/types';

export interface Sent {
  to: Ref;
  message: OutboundMessage;
  /** Set for private messages: the only user who sees it. */
  privateTo?: string;
  ref: Ref;
}

/** One kind of event as a test gives it: the adapter fills in the reply, and defaults. */
export type EventInput<E extends InboundEvent = InboundEvent> = E extends InboundEvent
  ? Omit<E, 'reply' | 'workspace' | 'at' | 'channel'> & { workspace?: WorkspaceId; channel?: Ref; at?: Date }
  : never;

export class MemoryAdapter implements Adapter {
  readonly platform = 'memory';
  readonly sent: Sent[] = [];
  readonly reactions: { ref: Ref; emoji: string }[] = [];
  /** Every edit, in order; the edited message in `sent` shows the new text. */
  readonly edits: { ref: Ref; message: OutboundMessage }[] = [];
  private handler?: EventHandler;
  private seq = 0;

  constructor(
    readonly workspace: WorkspaceId = 'memory:W1',
    readonly defaultChannel: Ref = 'memory:W1:C1',
  ) {}

  async start(onEvent: EventHandler): Promise<void> {
    this.handler = onEvent;
  }

  async stop(): Promise<void> {
    this.handler = undefined;
  }

  private nextRef(to: Ref): Ref {
    this.seq += 1;
    // A post to a channel starts a thread keyed by the message; a post into a thread stays there.
    return `${to}:${this.seq}`;
  }

  async post(to: Ref, message: OutboundMessage): Promise<PostResult> {
    const ref = this.nextRef(to);
    this.sent.push({ to, message, ref });
    const isThread = to.split(':').length > 3;
    return { ref, threadRef: isThread ? to : ref };
  }

  /** A private message here is like a direct message: it can be edited later. */
  async postPrivate(to: Ref, userId: string, message: OutboundMessage): Promise<Ref> {
    const ref = this.nextRef(to);
    this.sent.push({ to, message, privateTo: userId, ref });
    return ref;
  }

  async edit(ref: Ref, message: OutboundMessage): Promise<void> {
    const sent = this.sent.find((s) => s.ref === ref);
    if (!sent) throw new PlatformError('other', 'message_not_found', `there is no message ${ref} to edit`);
    sent.message = message;
    this.edits.push({ ref, message });
  }

  /** The message is gone (someone deleted it): a later edit of it fails. */
  deleteSent(ref: Ref): void {
    const i = this.sent.findIndex((s) => s.ref === ref);
    if (i >= 0) this.sent.splice(i, 1);
  }

  async openDirect(workspace: WorkspaceId, userId: string): Promise<Ref> {
    return `${workspace}:dm-${userId}`;
  }

  async react(ref: Ref, emoji: string): Promise<void> {
    this.reactions.push({ ref, emoji });
  }

  async unreact(ref: Ref, emoji: string): Promise<void> {
    const i = this.reactions.findIndex((r) => r.ref === ref && r.emoji === emoji);
    if (i >= 0) this.reactions.splice(i, 1);
  }

  /** Delivers an event as the platform would, with a reply() that records what is said. */
  async emit<E extends InboundEvent = InboundEvent>(input: EventInput<E>): Promise<void> {
    if (!this.handler) throw new Error('MemoryAdapter.emit before start');
    const channel = input.channel ?? this.defaultChannel;
    const event = {
      ...input,
      workspace: input.workspace ?? this.workspace,
      channel,
      at: input.at ?? new Date(),
      reply: async (message: OutboundMessage, options: ReplyOptions = {}) => {
        const where = options.inThread === false ? channel : (input.thread ?? channel);
        if (options.private) return this.postPrivate(where, input.author.id, message);
        return (await this.post(where, message)).ref;
      },
    } as unknown as InboundEvent;
    await this.handler(event);
  }

  /** Everything a given user was shown privately. */
  privateFor(userId: string): Sent[] {
    return this.sent.filter((s) => s.privateTo === userId);
  }

  /** Public messages, optionally only those in one place. */
  publicIn(to?: Ref): Sent[] {
    return this.sent.filter((s) => !s.privateTo && (to === undefined || s.to === to));
  }

  clear(): void {
    this.sent.length = 0;
    this.reactions.length = 0;
    this.edits.length = 0;
  }
}

export function member(id: string, name = id, isAdmin = false): Author {
  return { id, name, isAdmin };
}
