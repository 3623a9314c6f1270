// One setting of `/prep settings`: how it reads, how it is listed and how it is changed.
import type { CommandEvent } from '../../../chat/types';
import type { AppContext } from '../../context';

export interface SettingSpec {
  /** The word after `/prep settings` (or after `/prep settings me`). */
  name: string;
  /** The values it takes, as help shows them: `private|public|off`. */
  values: string;
  /** A full command that changes it, shown in help and in errors. */
  example: string;
  /** Its line in the listing: `- feedback: **private** (…)`. */
  line(ctx: AppContext, event: CommandEvent): Promise<string>;
  /**
   * Changes it from the words after its name (trimmed, as typed); throws a
   * UserError saying what it accepts. May return a sentence to add to the reply.
   */
  apply(ctx: AppContext, event: CommandEvent, value: string): Promise<string | undefined>;
}

export function usageOf(specs: readonly SettingSpec[], prefix = ''): string {
  return specs.map((s) => `${prefix}${s.name} ${s.values}`).join(' | ');
}
