// What the Bolt listeners need of the adapter: the adapter is one, tests may pass another.
import type { Kysely } from 'kysely';
import type { CommandDef } from '../../src/chat/registry';
import type { InboundEvent, OutboundMessage, Ref, ReplyOptions } from '../../src/chat/types';
import type { Database } from '../../src/db/schema';
import type { Logger } from '../../src/logger';
import type { SlackApi } from './api';
import type { AuthorCache } from './authors';
import type { DatabaseInstallationStore } from './installations';
import type { ReplyPlace } from './reply-place';
import type { Suggest } from './suggest';
import type { Start } from './work-queue';

export interface ListenerHost {
  readonly logger: Logger;
  readonly db: Kysely<Database>;
  readonly botUserId: string | undefined;
  readonly api: SlackApi;
  readonly authors: AuthorCache;
  readonly installations?: DatabaseInstallationStore;
  readonly homeView?: unknown;
  readonly suggest?: Suggest;
  /** A registered command by name, for the forms its buttons open. */
  commandDef?(name: string): CommandDef<any, any> | undefined;
  track(work: () => Promise<void>, start?: Start): Promise<void>;
  deliver(event: InboundEvent): Promise<void>;
  replier(place: ReplyPlace): (message: OutboundMessage, options?: ReplyOptions) => Promise<Ref | undefined>;
  publishHome(team: string, userId: string): Promise<void>;
  openDirect(workspace: string, userId: string): Promise<string>;
}
