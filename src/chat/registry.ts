// Commands are data. One registry feeds the router, Discord's command registration,
// Slack's manifest and the help text. Slack and the console deliver a text line,
// Discord typed options: both are turned into the same zod schema here.
import type { z } from 'zod';
import { UserError } from './errors';
import type { Button, ButtonEvent, CommandEvent, MessageActionEvent, OutboundMessage } from './types';

// 'file': an attachment where the platform takes one with the command (Discord); text lines skip it
type OptionType = 'string' | 'integer' | 'user' | 'boolean' | 'file';

export interface CommandOption {
  name: string;
  description: string;
  type: OptionType;
  required?: boolean;
  /** Fixed choices (Discord shows them as a menu). */
  choices?: readonly string[];
  /** Values the platform can autocomplete from the core (`employer`, `category`). */
  autocomplete?: 'employer' | 'category';
  /** In a text line, this option takes the rest of the words. */
  rest?: boolean;
}

/**
 * A form for a command's options, where the platform can show one (a Slack modal): a
 * `form:<command>` button opens it, and its submission runs the command with the
 * fields as typed options, parsed by the same schema.
 */
export interface CommandForm {
  /** The form's title (Slack allows 24 characters). */
  title: string;
  /** The button that opens it. */
  label: string;
  /** The submit button (24 characters). */
  submit: string;
  /** The options the form asks for, in order. */
  fields: readonly string[];
  /** Fields that must be filled in. */
  required?: readonly string[];
}

/** Who may run a command. */
type Guard = 'anyone' | 'admin';

/** What a command answers with. `private` (the default) is shown to the caller alone. */
export interface CommandReply extends OutboundMessage {
  visibility?: 'private' | 'channel';
}

export interface CommandDef<C, A = unknown> {
  name: string;
  description: string;
  /** `/prep tips <employer> [section]` */
  usage: string;
  examples: readonly string[];
  /** More than usage and examples can say, shown under them by `/prep help <command>`. */
  notes?: readonly string[];
  options: readonly CommandOption[];
  /** Validates what the text parser or the platform produced. */
  args: z.ZodType<A>;
  /**
   * Turns a text line into raw arguments for `args`. Defaults to positional words
   * mapped onto `options` in order (quotes group words; the `rest` option takes the
   * remainder); `name=value` and `--name value` set an option by name.
   */
  parseText?: (text: string) => Record<string, unknown>;
  guard?: Guard;
  /**
   * Makes sense outside a group's channel: in a direct message with the bot or a
   * private group chat (Discord user installs). Others answer there that they belong
   * in a channel.
   */
  direct?: boolean;
  /**
   * A button label for the member's home (Slack's App Home): pressing it runs the
   * command with no arguments in the member's direct messages with the bot.
   */
  home?: string;
  /** A form for its options, where the platform has forms (see CommandForm). */
  form?: CommandForm;
  /** Platforms that must acknowledge fast (Slack, Discord) may defer before running. */
  slow?: boolean;
  run(ctx: C, args: A, event: CommandEvent): Promise<CommandReply | undefined>;
}

/** A handler for buttons whose action id starts with `prefix`. */
export interface ActionDef<C> {
  prefix: string;
  run(ctx: C, event: ButtonEvent): Promise<CommandReply | undefined>;
}

/**
 * An action on any message (Slack message shortcut, Discord message context menu).
 * `label` is what the member sees in the menu; `name` the stable id platforms carry.
 */
export interface MessageActionDef<C> {
  name: string;
  label: string;
  description: string;
  run(ctx: C, event: MessageActionEvent): Promise<CommandReply | undefined>;
}

/** A button that runs a command: the action id is `run:<command>`. */
export const RUN_PREFIX = 'run:';

/** A button that opens a command's form: the action id is `form:<command>`. */
export const FORM_PREFIX = 'form:';

/** The button that opens `command`'s form. */
export function formButton(command: string, form: CommandForm): Button {
  return { id: `${FORM_PREFIX}${command}`, label: form.label };
}

export function defineCommand<C, A>(def: CommandDef<C, A>): CommandDef<C, A> {
  return def;
}

export function defineMessageAction<C>(def: MessageActionDef<C>): MessageActionDef<C> {
  return def;
}

export function defineAction<C>(def: ActionDef<C>): ActionDef<C> {
  return def;
}

export class CommandRegistry<C> {
  private readonly commands = new Map<string, CommandDef<C, any>>();
  private readonly actions: ActionDef<C>[] = [];
  private readonly messageActionDefs = new Map<string, MessageActionDef<C>>();

  register(...defs: CommandDef<C, any>[]): this {
    for (const def of defs) {
      if (this.commands.has(def.name)) throw new Error(`command ${def.name} is registered twice`);
      this.commands.set(def.name, def);
    }
    return this;
  }

  registerAction(...defs: ActionDef<C>[]): this {
    this.actions.push(...defs);
    return this;
  }

  registerMessageAction(...defs: MessageActionDef<C>[]): this {
    for (const def of defs) {
      if (this.messageActionDefs.has(def.name)) throw new Error(`message action ${def.name} is registered twice`);
      this.messageActionDefs.set(def.name, def);
    }
    return this;
  }

  messageAction(name: string): MessageActionDef<C> | undefined {
    return this.messageActionDefs.get(name);
  }

  messageActions(): MessageActionDef<C>[] {
    return [...this.messageActionDefs.values()];
  }

  get(name: string): CommandDef<C, any> | undefined {
    return this.commands.get(name.toLowerCase());
  }

  list(): CommandDef<C, any>[] {
    return [...this.commands.values()];
  }

  action(actionId: string): ActionDef<C> | undefined {
    return this.actions.find((a) => actionId.startsWith(a.prefix));
  }

  /** The command names closest to `name`, for "did you mean". */
  /**
   * Commands a mistyped name may have meant: a command's own subcommand first
   * ("retag" is `stories retag`; "reminders", a setting, is in `help settings`), then
   * commands that start alike ("tip" is `tips`).
   */
  suggest(name: string): string[] {
    const n = name.toLowerCase();
    const sub = this.list().flatMap((c) => {
      if (subcommandWords(c.usage).includes(n)) return [`${c.name} ${n}`];
      // a word of the command's options ("reminders" of settings): its help shows where it goes
      return subcommandWords(c.usage.replace(/[[\]]/g, ' ')).includes(n) ? [`help ${c.name}`] : [];
    });
    const alike = this.list()
      .map((c) => c.name)
      .filter((c) => c.startsWith(n.slice(0, 2)) || n.startsWith(c.slice(0, 3)));
    return [...sub, ...alike].slice(0, 3);
  }
}

/** The literal words of a usage line after the command's name: `retag` in `/prep stories | retag <n>`. */
function subcommandWords(usage: string): string[] {
  let line = usage.replace(/<[^>]*>/g, ' ');
  // options in brackets, innermost first (`[reminders on [HH:MM]|off]`), are not subcommands
  for (let before = ''; before !== line; ) {
    before = line;
    line = line.replace(/\[[^[\]]*\]/g, ' ');
  }
  const words = line.split(/[\s|]+/);
  const name = words[1];
  return words.filter((w) => w !== name && /^[a-z][a-z-]{2,}$/.test(w));
}

/** Splits a line into words; double or single quotes group words. */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|“([^”]*)”|(\S+)/g;
  for (const m of text.matchAll(re)) words.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  return words;
}

/** The default text parser: positional words onto options, plus name=value. */
function parseByOptions(options: readonly CommandOption[], text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const positional: string[] = [];
  const words = tokenize(text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const eq = /^([a-z][\w-]*)=(.*)$/i.exec(w);
    const dash = /^--([a-z][\w-]*)$/i.exec(w);
    if (eq?.[1] && options.some((o) => o.name === eq[1])) out[eq[1]] = eq[2];
    else if (dash?.[1] && options.some((o) => o.name === dash[1])) out[dash[1]] = words[++i];
    else positional.push(w);
  }
  const free = options.filter((o) => !(o.name in out) && o.type !== 'file');
  for (const [i, opt] of free.entries()) {
    if (positional.length === 0) break;
    if (opt.rest || i === free.length - 1) {
      out[opt.name] = positional.join(' ');
      positional.length = 0;
    } else {
      out[opt.name] = positional.shift();
    }
  }
  for (const opt of options) {
    const v = out[opt.name];
    if (opt.type === 'integer' && typeof v === 'string' && /^-?\d+$/.test(v)) out[opt.name] = Number(v);
  }
  return out;
}

/** Raw arguments for a command event: typed options as given, or the parsed text. */
export function rawArgs<C>(def: CommandDef<C, unknown>, event: CommandEvent): Record<string, unknown> {
  if (event.options) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(event.options)) if (v !== undefined && v !== '') out[k] = v;
    return out;
  }
  const text = (event.text ?? '').trim();
  return def.parseText ? def.parseText(text) : parseByOptions(def.options, text);
}

/** Validates raw arguments, turning zod's complaint into a message with the usage. */
export function parseArgs<C, A>(def: CommandDef<C, A>, raw: Record<string, unknown>): A {
  const result = def.args.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  throw new UserError(
    `\`/prep ${def.name}\` did not understand that: ${problems.join('; ')}.`,
    `${def.usage}${def.examples[0] ? `, for example \`${def.examples[0]}\`` : ''}`,
  );
}
