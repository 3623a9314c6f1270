// The gateway dispatches Starling acts on, checked before discord.js builds objects from
// them: what discord.js and the handlers read, with the types Discord documents. Anything
// else is left to discord.js, which needs READY, GUILD_CREATE and the rest for its caches.
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{1,20}$/, 'not a snowflake id');
const loose = z.looseObject;
const user = loose({ id: snowflake, username: z.string().optional(), bot: z.boolean().optional() });
const member = loose({ user: user.optional(), roles: z.array(z.string()).optional() });

const interaction = loose({
  id: snowflake,
  type: z.number().int().min(1).max(5),
  token: z.string().min(1),
  application_id: snowflake.optional(),
  guild_id: snowflake.optional(),
  channel_id: snowflake.optional(),
  member: member.optional(),
  user: user.optional(),
  data: loose({ name: z.string().optional(), custom_id: z.string().max(100).optional() }).optional(),
}).refine((i) => i.type === 1 || i.member?.user || i.user, { message: 'no member.user and no user: nobody to answer' });

const message = loose({
  id: snowflake,
  channel_id: snowflake,
  guild_id: snowflake.optional(),
  author: user,
  content: z.string(),
  timestamp: z.string().optional(),
});

const SCHEMAS: Record<string, z.ZodType> = {
  INTERACTION_CREATE: interaction,
  MESSAGE_CREATE: message,
  // an edit may come partial (an embed resolved): only the ids are sure to be there
  MESSAGE_UPDATE: loose({
    id: snowflake,
    channel_id: snowflake,
    guild_id: snowflake.optional(),
    author: user.optional(),
    content: z.string().optional(),
  }),
  MESSAGE_DELETE: loose({ id: snowflake, channel_id: snowflake, guild_id: snowflake.optional() }),
  MESSAGE_DELETE_BULK: loose({ ids: z.array(snowflake), channel_id: snowflake, guild_id: snowflake.optional() }),
  MESSAGE_REACTION_ADD: loose({
    user_id: snowflake,
    channel_id: snowflake,
    message_id: snowflake,
    guild_id: snowflake.optional(),
    emoji: loose({ id: snowflake.nullable().optional(), name: z.string().nullable() }),
  }),
  MESSAGE_REACTION_REMOVE: loose({
    user_id: snowflake,
    channel_id: snowflake,
    message_id: snowflake,
    guild_id: snowflake.optional(),
    emoji: loose({ id: snowflake.nullable().optional(), name: z.string().nullable() }),
  }),
};

// the raw listener and the packet guard both ask about one dispatch: check it once
const verdicts = new WeakMap<object, string | undefined>();

/** Why a dispatch Starling acts on does not fit, or undefined when it fits (or is not checked). */
export function misfit(t: unknown, d: unknown): string | undefined {
  const schema = typeof t === 'string' ? SCHEMAS[t] : undefined;
  if (!schema) return undefined;
  if (d && typeof d === 'object' && verdicts.has(d)) return verdicts.get(d);
  const problem = problemOf(schema, d);
  if (d && typeof d === 'object') verdicts.set(d, problem);
  return problem;
}

function problemOf(schema: z.ZodType, d: unknown): string | undefined {
  const r = schema.safeParse(d);
  if (r.success) return undefined;
  return r.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`)
    .join('; ');
}
