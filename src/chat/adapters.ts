// Routes outbound calls to the adapter that owns a ref's platform prefix, so the
// core (scheduled posts, feedback, digests) can send anywhere without knowing where.
import { type Adapter, type OutboundMessage, type PostResult, platformOf, type Ref } from './types';

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
    const adapter = this.find(ref);
    if (!adapter) throw new Error(`no adapter is running for ${platformOf(ref)} (ref ${ref})`);
    return adapter;
  }

  /** The adapter for `ref`'s platform, or undefined when none runs in this process. */
  find(ref: Ref): Adapter | undefined {
    return this.byPlatform.get(platformOf(ref));
  }

  /** Whether the platform of `ref` opens command forms (see Adapter.opensForms). */
  opensForms(ref: Ref): boolean {
    return this.find(ref)?.opensForms === true;
  }

  post(to: Ref, message: OutboundMessage): Promise<PostResult> {
    return this.for(to).post(to, message);
  }
}
