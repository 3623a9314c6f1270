// Interactions: `/prep` subcommands, autocomplete, buttons (the STAR form button is
// answered here with its modal), and modal submissions. Each becomes a neutral
// event whose reply() answers the interaction within Discord's 3 seconds: replied to
// directly when the core is quick, deferred (ephemerally) and then edited or
// followed up when it is not.
import {
  type APIModalInteractionResponseCallbackData,
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type BaseInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  ComponentType,
  type GuildMember,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type MessageContextMenuCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
  TextInputStyle,
} from 'discord.js';
import { PlatformError } from '../../src/chat/errors';
import { STAR_FORM_FIELDS } from '../../src/chat/star-form';
import type {
  CommandEvent,
  InboundEvent,
  MessageActionEvent,
  OutboundMessage,
  Ref,
  ReplyOptions,
} from '../../src/chat/types';
import { authorOf, type InboundContext } from './context';
import { toPlatformError } from './errors';
import { type DiscordPayload, parseButtonCustomId, parseStarFormId, render, STAR_FORM_PREFIX } from './format';
import { attachedFile } from './guide-file';
import { sendKeepingText, toCreateOptions } from './outbound';
import { channelRef, messageRef, workspaceRef } from './refs';

type Repliable =
  | ChatInputCommandInteraction
  | MessageContextMenuCommandInteraction
  | ButtonInteraction
  | ModalSubmitInteraction;

/** The four-field STAR modal for a question post. */
function starModal(postId: string): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${STAR_FORM_PREFIX}${postId}`,
    title: 'Your STAR answer',
    components: STAR_FORM_FIELDS.map((f) => ({
      type: ComponentType.Label,
      label: f.label,
      component: {
        type: ComponentType.TextInput,
        custom_id: f.key,
        style: TextInputStyle.Paragraph,
        placeholder: f.hint,
        required: false,
        max_length: 1000,
      },
    })),
  };
}

function withFlags<T extends InteractionReplyOptions>(p: DiscordPayload, ephemeral: boolean): T {
  const { allowedMentions, ...base } = toCreateOptions(p);
  return { ...base, allowedMentions, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) } as T;
}

/** Answers one interaction, in order, however many times the core replies. */
class InteractionResponder {
  private state: 'open' | 'deferred' | 'replied' = 'open';
  private originalUsed = false;
  private deferring: Promise<unknown> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly interaction: Repliable,
    private readonly ctx: InboundContext,
  ) {}

  /** Defers after the context's delay, or now for slow commands. */
  arm(now: boolean): void {
    if (now) this.defer();
    else this.timer = setTimeout(() => this.defer(), this.ctx.deferAfterMs);
  }

  private defer(): void {
    if (this.state !== 'open') return;
    this.state = 'deferred';
    this.deferring = this.interaction.deferReply({ flags: MessageFlags.Ephemeral }).catch((err) => {
      this.ctx.logger.warn({ err, interaction: this.interaction.id }, 'could not defer a Discord interaction');
    });
  }

  send(message: OutboundMessage, ephemeral: boolean): Promise<void> {
    const next = this.chain.then(() => this.deliver(render(message), ephemeral));
    this.chain = next.catch(() => {});
    return next.catch((err) => {
      throw toPlatformError(err);
    });
  }

  private async deliver(payloads: DiscordPayload[], ephemeral: boolean): Promise<void> {
    clearTimeout(this.timer);
    let rest = payloads;
    if (this.state === 'open') {
      this.state = 'replied';
      const [first, ...others] = payloads;
      if (first) await this.keepingText(first, (p) => this.interaction.reply(withFlags(p, ephemeral)));
      rest = others;
    } else if (this.state === 'deferred' && !this.originalUsed) {
      await this.deferring;
      this.originalUsed = true;
      if (ephemeral) {
        // The deferred "thinking" message is ephemeral: it becomes the first part.
        const [first, ...others] = payloads;
        if (first)
          await this.keepingText(first, (p) =>
            this.interaction.editReply(withFlags<InteractionEditReplyOptions & InteractionReplyOptions>(p, false)),
          );
        rest = others;
      } else {
        // A public answer cannot reuse an ephemeral deferral: close it, then follow up publicly.
        await this.interaction.editReply({ content: 'Done: shared below.' });
      }
    }
    for (const p of rest) await this.keepingText(p, (q) => this.interaction.followUp(withFlags(q, ephemeral)));
  }

  private keepingText(p: DiscordPayload, send: (p: DiscordPayload) => Promise<unknown>): Promise<unknown> {
    return sendKeepingText(p, send, this.ctx.logger);
  }

  /** After the core is done: an interaction nobody answered is acknowledged quietly. */
  async finish(): Promise<void> {
    clearTimeout(this.timer);
    await this.chain;
    try {
      if (this.state === 'open') {
        this.state = 'replied';
        if (this.interaction.isButton() || (this.interaction.isModalSubmit() && this.interaction.isFromMessage())) {
          await this.interaction.deferUpdate();
        } else {
          await this.interaction.reply({ content: 'Done.', flags: MessageFlags.Ephemeral });
        }
      } else if (this.state === 'deferred' && !this.originalUsed) {
        await this.deferring;
        this.originalUsed = true;
        await this.interaction.deleteReply();
      }
    } catch (err) {
      this.ctx.logger.warn({ err, interaction: this.interaction.id }, 'could not close a Discord interaction');
    }
  }
}

interface Place {
  workspace: string;
  channel: Ref;
  thread?: Ref;
}

/** Where an interaction happened: a thread is reported with its parent channel. */
function placeOf(interaction: BaseInteraction): Place {
  const guildId = interaction.guildId;
  const channelId = interaction.channelId ?? '0';
  const channel = interaction.channel;
  if (channel?.isThread() && channel.parentId) {
    return {
      workspace: workspaceRef(guildId),
      channel: channelRef(guildId, channel.parentId),
      thread: channelRef(guildId, channel.id),
    };
  }
  return { workspace: workspaceRef(guildId), channel: channelRef(guildId, channelId) };
}

function authorOfInteraction(interaction: BaseInteraction) {
  const member = interaction.member && 'displayName' in interaction.member ? (interaction.member as GuildMember) : null;
  const isAdmin = interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false;
  const author = authorOf(interaction.user, member, isAdmin);
  if (!member && interaction.member && 'nick' in interaction.member && interaction.member.nick)
    author.name = interaction.member.nick;
  return author;
}

/** Typed options of the subcommand; users as `<@id>` mentions, as the core expects. */
function commandOptions(
  interaction: ChatInputCommandInteraction,
): Record<string, string | number | boolean | undefined> {
  const out: Record<string, string | number | boolean | undefined> = {};
  const sub = interaction.options.data.find((o) => o.type === ApplicationCommandOptionType.Subcommand);
  for (const o of sub?.options ?? interaction.options.data) {
    if (o.type === ApplicationCommandOptionType.User || o.type === ApplicationCommandOptionType.Mentionable) {
      out[o.name] = o.value === undefined ? undefined : `<@${o.value}>`;
    } else if (typeof o.value === 'string' || typeof o.value === 'number' || typeof o.value === 'boolean') {
      out[o.name] = o.value;
    }
  }
  return out;
}

async function dispatch(
  ctx: InboundContext,
  interaction: Repliable,
  event: InboundEvent,
  responder: InteractionResponder,
) {
  try {
    await ctx.emit(event);
  } catch (err) {
    // The core's router catches its own errors; this is a last guard so one event never stops the bot.
    ctx.logger.error({ err, interaction: interaction.id }, 'handling a Discord interaction failed');
  } finally {
    await responder.finish();
  }
}

function replyFor(ctx: InboundContext, responder: InteractionResponder, place: Place, userId: string) {
  return async (message: OutboundMessage, options: ReplyOptions = {}): Promise<void> => {
    try {
      if (!options.private && options.inThread && place.thread) {
        await ctx.outbound.post(place.thread, message);
      } else {
        await responder.send(message, Boolean(options.private));
      }
    } catch (err) {
      const e = toPlatformError(err);
      if (e instanceof PlatformError && (e.kind === 'no_permission' || e.kind === 'channel_unavailable')) {
        await ctx.onChannelError(place.channel, e);
      }
      ctx.logger.debug({ user: userId }, 'interaction reply failed');
      throw e;
    }
  };
}

async function onCommand(ctx: InboundContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const name = interaction.options.getSubcommand(false) ?? '';
  const responder = new InteractionResponder(interaction, ctx);
  responder.arm(ctx.slowCommands.has(name));
  const place = placeOf(interaction);
  const event: CommandEvent = {
    type: 'command',
    ...place,
    author: authorOfInteraction(interaction),
    at: interaction.createdAt,
    name,
    options: commandOptions(interaction),
    ...attachedFile(interaction),
    // a direct message, a group DM, or a user-installed /prep outside any server
    // with no server, the member's data is in the servers they practise in (a user id is global)
    ...(interaction.guildId ? {} : { direct: true, anyWorkspace: true }),
    reply: replyFor(ctx, responder, place, interaction.user.id),
    raw: interaction,
  };
  await dispatch(ctx, interaction, event, responder);
}

/** Apps > STAR check on a message: the core's message action, answered privately. */
async function onMessageMenu(ctx: InboundContext, interaction: MessageContextMenuCommandInteraction): Promise<void> {
  const name = ctx.messageActionNames.get(interaction.commandName);
  if (!name) {
    ctx.logger.warn({ command: interaction.commandName }, 'a Discord message menu entry the bot does not know');
    await interaction.reply({ content: 'That menu entry is no longer offered.', flags: MessageFlags.Ephemeral });
    return;
  }
  const responder = new InteractionResponder(interaction, ctx);
  responder.arm(false);
  const place = placeOf(interaction);
  const target = interaction.targetMessage;
  const member = interaction.guild?.members.cache.get(target.author.id);
  const event: MessageActionEvent = {
    type: 'message_action',
    ...place,
    name,
    target: {
      ref: messageRef(interaction.guildId, target.channelId, target.id),
      text: target.content ?? '',
      authorId: target.author.id,
      authorName: member?.displayName ?? target.author.globalName ?? target.author.username,
    },
    author: authorOfInteraction(interaction),
    at: interaction.createdAt,
    // the check is for the member who asked, whoever wrote the message
    reply: (message, options) =>
      replyFor(ctx, responder, place, interaction.user.id)(message, { ...options, private: true }),
    raw: interaction,
  };
  await dispatch(ctx, interaction, event, responder);
}

async function onAutocomplete(ctx: InboundContext, interaction: AutocompleteInteraction): Promise<void> {
  const sub = interaction.options.getSubcommand(false) ?? '';
  const focused = interaction.options.getFocused(true);
  const kind = ctx.autocompleteKinds.get(`${sub}:${focused.name}`);
  const choices = kind
    ? ctx
        .autocomplete(kind, String(focused.value ?? ''))
        .slice(0, 25)
        .map((c) => ({ name: c.name.slice(0, 100), value: c.value.slice(0, 100) }))
    : [];
  await interaction.respond(choices);
}

async function onButton(ctx: InboundContext, interaction: ButtonInteraction): Promise<void> {
  const star = parseStarFormId(interaction.customId);
  if (star) {
    await interaction.showModal(starModal(star.postId));
    return;
  }
  const { actionId, value } = parseButtonCustomId(interaction.customId);
  const responder = new InteractionResponder(interaction, ctx);
  responder.arm(false);
  const place = placeOf(interaction);
  const message = interaction.message;
  await dispatch(
    ctx,
    interaction,
    {
      type: 'button',
      ...place,
      author: authorOfInteraction(interaction),
      at: interaction.createdAt,
      actionId,
      ...(value !== undefined ? { value } : {}),
      messageRef: messageRef(interaction.guildId, message.channelId, message.id),
      reply: replyFor(ctx, responder, place, interaction.user.id),
      raw: interaction,
    },
    responder,
  );
}

function fieldValue(interaction: ModalSubmitInteraction, id: string): string {
  try {
    return interaction.fields.getTextInputValue(id) ?? '';
  } catch {
    return '';
  }
}

async function onModal(ctx: InboundContext, interaction: ModalSubmitInteraction): Promise<void> {
  const star = parseStarFormId(interaction.customId);
  if (!star) {
    ctx.logger.warn({ customId: interaction.customId }, 'a Discord modal the bot does not know was submitted');
    await interaction.reply({ content: 'That form is no longer active.', flags: MessageFlags.Ephemeral });
    return;
  }
  const responder = new InteractionResponder(interaction, ctx);
  responder.arm(false);
  let place = placeOf(interaction);
  // The STAR button sits on the question in the channel; its answers belong in the question's thread.
  const message = interaction.message;
  if (message && interaction.guildId && !place.thread) {
    place = { ...place, thread: channelRef(interaction.guildId, message.thread?.id ?? message.id) };
  }
  await dispatch(
    ctx,
    interaction,
    {
      type: 'form_submitted',
      ...place,
      author: authorOfInteraction(interaction),
      at: interaction.createdAt,
      form: 'star',
      postId: star.postId,
      values: {
        situation: fieldValue(interaction, 'situation'),
        task: fieldValue(interaction, 'task'),
        action: fieldValue(interaction, 'action'),
        result: fieldValue(interaction, 'result'),
      },
      reply: replyFor(ctx, responder, place, interaction.user.id),
      raw: interaction,
    },
    responder,
  );
}

/** Entry point for every interaction the client receives. */
export async function handleInteraction(ctx: InboundContext, interaction: BaseInteraction): Promise<void> {
  if (interaction.isAutocomplete()) return onAutocomplete(ctx, interaction);
  // Interactions can be answered once, so a replayed delivery is dropped here.
  if (!(await ctx.firstDelivery(`discord:interaction:${interaction.id}`))) return;
  if (interaction.isChatInputCommand()) return onCommand(ctx, interaction);
  if (interaction.isMessageContextMenuCommand()) return onMessageMenu(ctx, interaction);
  if (interaction.isButton()) return onButton(ctx, interaction);
  if (interaction.isModalSubmit()) return onModal(ctx, interaction);
  ctx.logger.debug({ type: interaction.type }, 'ignored a Discord interaction of another kind');
}
