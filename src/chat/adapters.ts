// Routes outbound calls to the adapter that owns a ref's platform prefix, so the
// core (scheduled posts, feedback, digests) can send anywhere without knowing where.
import { type Adapter, type OutboundMessage, type PostResult, platformOf, type Ref, type WorkspaceId } from './types';

export class AdapterSet {
  private readonly byPlatform = new Map<string, Adapter>();

  constructor(adapters: Adapter[] = []) {
    for (const a of adapters) this.add(a);
  }

  add(adapter: Adapter): this {
    if (this.byPlatform.has(adapter.platform)) throw new Error(`two adapters claim ${adapter.platform}`);
    this.byPlatform.set(adapter.platform, adapter);
    return this;
  }

  all(): Adapter[] {
    return [...this.byPlatform.values()];
  }

  for(ref: Ref): Adapter {
    const adapter = this.byPlatform.get(platformOf(ref));
    if (!adapter) throw new Error(`no adapter is running for ${platformOf(ref)} (ref ${ref})`);
    return adapter;
  }

  has(ref: Ref): boolean {
    return this.byPlatform.has(platformOf(ref));
  }

  post(to: Ref, message: OutboundMessage): Promise<PostResult> {
    return this.for(to).post(to, message);
  }

  /**
   * Shows a message to one user: ephemeral where the platform has it, else a direct
   * message. Returns false when neither is possible.
   */
  async postPrivate(to: Ref, workspace: WorkspaceId, userId: string, message: OutboundMessage): Promise<boolean> {
    const adapter = this.for(to);
    if (adapter.postPrivate) {
      await adapter.postPrivate(to, userId, message);
      return true;
    }
    if (adapter.openDirect) {
      await adapter.post(await adapter.openDirect(workspace, userId), message);
      return true;
    }
    return false;
  }

  async react(ref: Ref, emoji: string): Promise<boolean> {
    const adapter = this.for(ref);
    if (!adapter.react) return false;
    await adapter.react(ref, emoji);
    return true;
  }
}
