// Discord events in, the delivery policy's decisions out: /deal and its autocomplete, the Share
// button (interactions.ts), mentions and DMs (messages.ts). Each event runs once, tracked until
// done (shutdown drains them); a failure is logged and gets the policy's one apology.
import { Events, type Client, type Interaction, type Message } from 'discord.js';
import type { DeliveryPolicy } from '../../core/delivery.ts';
import type { Logger } from '../../ops/log.ts';
import { DEAL_COMMAND, messageCommandOf } from './command-json.ts';
import { FORM_PREFIX, RUN_PREFIX, VOTE_PREFIX } from './components.ts';
import { isRateLimited } from '../transport/rate-limit.ts';
import { describeError } from './errors.ts';
import { interactionHandlers, langOfLocale } from './interactions.ts';
import { deliverToMessage, messageQuestion } from './messages.ts';
import { discordCapacity } from './render.ts';
import { SHARE_PREFIX } from './share-ids.ts';

export { langOfLocale };

export interface HandlerOptions {
  /** Reply directly when the answer is ready within this time, otherwise defer first. */
  deferAfterMs: number;
}

export interface Handlers {
  /** Waits (bounded) for the answers being sent; new events are ignored from now on. */
  drain(timeoutMs: number): Promise<void>;
}

export function attachHandlers(client: Client, policy: DeliveryPolicy, logger: Logger, opts: HandlerOptions): Handlers {
  const inFlight = new Set<Promise<void>>();
  let draining = false;
  const interactions = interactionHandlers(client, policy, opts);

  function track(kind: string, work: () => Promise<void>, apologise: () => Promise<unknown>): void {
    if (draining) return;
    const p = work()
      .catch(async (err: unknown) => {
        logger.error({ ...describeError(err), platform: 'discord', event: kind }, 'discord handler failed');
        if (isRateLimited(err)) return; // Discord is refusing us: an apology would be refused too
        try {
          await apologise();
        } catch (again) {
          logger.warn({ ...describeError(again), platform: 'discord', event: kind }, 'discord apology failed');
        }
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }

  client.on(Events.InteractionCreate, (interaction) => {
    interactions.received(interaction);
    const lang = langOfLocale(interaction.locale);
    track(`interaction:${interaction.type}`, () => onInteraction(interaction), () => interactions.apologise(interaction, policy.apology(lang)));
  });

  async function onInteraction(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      if (interaction.commandName === DEAL_COMMAND) await interactions.autocomplete(interaction);
    } else if (interaction.isChatInputCommand()) {
      if (interaction.commandName === DEAL_COMMAND) await interactions.deal(interaction);
    } else if (interaction.isMessageContextMenuCommand()) {
      const command = messageCommandOf(policy.bot.commands, interaction.commandName);
      if (command) await interactions.onMessage(interaction, command.name);
    } else if (interaction.isButton()) {
      const id = interaction.customId;
      if (id.startsWith(SHARE_PREFIX)) await interactions.share(interaction);
      else if (id.startsWith(VOTE_PREFIX)) await interactions.vote(interaction);
      else if (id.startsWith(RUN_PREFIX)) await interactions.run(interaction);
    } else if (interaction.isModalSubmit()) {
      if (interaction.customId.startsWith(FORM_PREFIX)) await interactions.submit(interaction);
    }
  }

  client.on(Events.MessageCreate, (message) => {
    const question = messageQuestion(client, message);
    if (!question) return;
    // The apology speaks the language of the message (the answer would have).
    const apologise = () => deliverToMessage(message, policy.apology(policy.bot.langOf(question.text, question.asker)), logger);
    track('message', () => answer(message, question), apologise);
  });

  async function answer(message: Message, question: NonNullable<ReturnType<typeof messageQuestion>>): Promise<void> {
    const d = await policy.ask(question, discordCapacity);
    if (d) await deliverToMessage(message, d, logger);
  }

  return {
    async drain(timeoutMs) {
      draining = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
    },
  };
}
