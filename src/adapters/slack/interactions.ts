// Slack's interactive surfaces, each translated into the delivery policy's terms: the 👍 / 👎
// feedback buttons (a 👎 opens the "what was missing?" modal), buttons that run /deal words (the
// language choice, an admin stopping a channel's summary), the modal's submission, the message
// shortcut ("Ask dealbot about this", answered to the asker only), the App Home, and the
// install lifecycle (app_uninstalled, tokens_revoked remove the workspace's installation).
import type { App, BlockAction, webApi } from '@slack/bolt';
import type { Asker } from '../../core/bot.ts';
import type { Delivery } from '../../core/delivery.ts';
import { FEEDBACK_ACTION_ID, readFeedback, readRun, RUN_ACTION } from './actions.ts';
import type { SlackKit } from './app.ts';
import { askerOf, shortcutCallbackId, shortcutQuestion, triggerKey, type MessageShortcutBody } from './inbound.ts';
import type { SealedInstallationStore } from './installation-store.ts';
import { slackOutbound } from './outbound.ts';
import { slackCapacity } from './render.ts';
import { FORM_CALLBACK_ID, formView, homeView, noticeView, readForm } from './views.ts';

/** The channel a button press happened in (a message's; none on the Home tab). */
const channelOf = (body: BlockAction) => body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id;
const nameOf = (u: { id: string; username?: string; name?: string }) => u.username ?? u.name ?? u.id;

export function registerInteractions(app: App, kit: SlackKit, installations: SealedInstallationStore | undefined): void {
  const { policy, log } = kit;

  /** Someone on the Home tab (its "channel" is their own, for limits and settings). */
  const homeAsker = (client: webApi.WebClient, team: string | undefined, user: string): Asker =>
    askerOf({ via: 'home', user: { id: user }, channel: { id: `home:${user}` }, ...(team ? { team } : {}) }, kit.people(client, team));

  async function publishHome(client: webApi.WebClient, team: string | undefined, user: string, notice?: Delivery): Promise<void> {
    const home = await policy.home(homeAsker(client, team, user));
    await client.views.publish({ user_id: user, view: homeView(notice ? { ...home, notice: notice.reply } : home) });
  }

  // 👍 / 👎: the vote is kept at once; a 👎 opens the optional "what was missing?" modal (within the trigger's 3 s).
  app.action<BlockAction>(FEEDBACK_ACTION_ID, async ({ ack, body, action, client, respond }) => {
    await ack();
    const pressed = readFeedback('value' in action ? (action.value as string) : undefined);
    const channelId = channelOf(body);
    if (!pressed) return log.warn({ action: FEEDBACK_ACTION_ID }, 'slack: feedback buttons with a value we did not make');
    const asker = askerOf({ via: 'feedback', user: { id: body.user.id, name: nameOf(body.user) }, channel: { id: channelId ?? `home:${body.user.id}` }, ...(body.team?.id ? { team: body.team.id } : {}), lang: pressed.lang }, kit.people(client, body.team?.id));
    try {
      const outcome = await policy.vote({ asker, answerId: pressed.answerId, vote: pressed.vote, lang: pressed.lang });
      if (outcome.form) await client.views.open({ trigger_id: body.trigger_id, view: formView(outcome.form, channelId) });
      else if (outcome.notice) await kit.respondTo(body.response_url, respond)({ response_type: 'ephemeral', replace_original: false, text: outcome.notice.reply.intro ?? outcome.notice.reply.title });
    } catch (err) {
      log.error({ err }, 'slack: feedback failed');
    }
  });

  // Buttons running /deal words as their presser: in a message the result goes to them privately; on the Home, the Home shows it.
  app.action<BlockAction>(RUN_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    const run = readRun('value' in action ? (action.value as string) : undefined);
    if (!run) return log.warn({ action: 'run' }, 'slack: a button with a value we did not make');
    const team = body.team?.id;
    const onHome = body.view?.type === 'home';
    const channel = run.channel ?? channelOf(body) ?? `home:${body.user.id}`;
    const asker = askerOf({ via: 'command', user: { id: body.user.id, name: nameOf(body.user) }, channel: { id: channel }, ...(team ? { team } : {}) }, kit.people(client, team));
    const reply = kit.respondTo(body.response_url, respond);
    const out = slackOutbound(client, log);
    kit.job('button', () => policy.bot.langOf(run.run, asker), async () => {
      const d = await policy.ask({ text: run.run, asker, via: 'command', private: true, messageKey: triggerKey(team, body.trigger_id) }, slackCapacity);
      if (onHome) return publishHome(client, team, body.user.id, d);
      if (d) await out.toCommand(d, channel, reply, { keepOriginal: true });
    }, (d) => (onHome ? publishHome(client, team, body.user.id, d) : out.toCommand(d, channel, reply, { keepOriginal: true })));
  });

  // The "what was missing?" modal sent back: kept with the 👎, and the modal says thanks.
  app.view(FORM_CALLBACK_ID, async ({ ack, body, view }) => {
    const form = readForm(view);
    if (!form) return void (await ack());
    const asker = askerOf({ via: 'feedback', user: { id: body.user.id }, channel: { id: form.meta.c ?? `home:${body.user.id}` }, ...(body.team?.id ? { team: body.team.id } : {}), lang: form.meta.l }, { isAdmin: async () => false, lang: async () => undefined });
    try {
      const d = await policy.submit({ asker, kind: form.meta.k, subject: form.meta.s, lang: form.meta.l, values: form.values });
      await ack({ response_action: 'update', view: noticeView(d.reply.title, d.reply.intro ?? '') });
    } catch (err) {
      log.error({ err }, 'slack: form submission failed');
      await ack();
    }
  });

  // "Ask dealbot about this" on any message: one shortcut per command offered on messages, answered privately.
  for (const command of policy.bot.commands.filter((c) => c.messageAction)) {
    app.shortcut(shortcutCallbackId(command.name), async ({ ack, body, client, respond }) => {
      await ack();
      const shortcut = body as unknown as MessageShortcutBody & { response_url?: string };
      const question = shortcutQuestion(shortcut, command.name, kit.people(client, shortcut.team?.id ?? undefined));
      if (!question) return;
      const reply = kit.respondTo(shortcut.response_url, respond);
      const out = slackOutbound(client, log);
      const channel = question.asker.channel.id;
      kit.job('message shortcut', () => policy.bot.langOf(question.text, question.asker), async () => {
        const d = await policy.ask(question, slackCapacity);
        if (d) await out.toCommand(d, channel, reply);
      }, (d) => out.toCommand(d, channel, reply));
    });
  }

  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    await publishHome(client, body.team_id, event.user).catch((err: unknown) => log.error({ err }, 'slack: could not publish the Home'));
  });

  // The app was removed, or its bot token revoked: the workspace's installation goes (its token with it).
  async function forget(body: { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean }, why: string): Promise<void> {
    const id = body.is_enterprise_install ? body.enterprise_id : body.team_id;
    if (!installations || !id) return log.warn({ team: body.team_id, why }, 'slack: app removed from a workspace (token mode: revoke SLACK_BOT_TOKEN’s use by hand)');
    const removed = await installations.remove(id);
    log.info({ workspace: id, why, removed }, 'slack: installation removed');
  }
  app.event('app_uninstalled', async ({ body }) => forget(body, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ event, body }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget(body, 'tokens_revoked');
  });
}
