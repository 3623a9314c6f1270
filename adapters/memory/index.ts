// An adapter that keeps everything in memory: what the bot posted, who saw which
// private message, which reactions it added. Tests drive the whole core through it.
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

  async postPrivate(to: Ref, userId: string, message: OutboundMessage): Promise<void> {
    const ref = this.nextRef(to);
    this.sent.push({ to, message, privateTo: userId, ref });
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
        if (options.private) await this.postPrivate(where, input.author.id, message);
        else await this.post(where, message);
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
  }
}

export function member(id: string, name = id, isAdmin = false): Author {
  return { id, name, isAdmin };
}
