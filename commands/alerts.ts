// `/deal alerts`: this channel's alert rules and the latest alerts it got (anyone may look).
import { defineCommand, type AlertService, type CommandContext } from '../src/core/command.ts';
import { reply, type Reply } from '../src/core/reply.ts';
import { alertInputStrings } from '../src/summary/alert-input.ts';
import { noArgs } from './shared.ts';

export async function listAlerts(ctx: CommandContext, alerts: AlertService): Promise<Reply> {
  const s = alertInputStrings[ctx.lang];
  const timezone = (await ctx.subscriptions?.get(ctx.channel))?.timezone ?? ctx.defaultTimezone;
  const [rules, history] = await Promise.all([alerts.list(ctx.channel), alerts.history(ctx.channel, 10)]);
  return reply({
    kind: 'notice',
    lang: ctx.lang,
    title: s.title,
    items: [],
    lines: [
      ...(rules.length ? [s.rules, ...rules.map((r) => `• ${s.rule(r)}${ctx.deals.several && r.deal ? ` (${ctx.deals.get(r.deal)?.name[ctx.lang] ?? r.deal})` : ''}`)] : [s.none]),
      ...(history.length ? [s.historyHead, ...history.map((e) => `• ${s.entry(e, timezone)}`)] : [s.noHistory]),
      s.usage,
    ],
  });
}

export const alerts = defineCommand({
  name: 'alerts',
  aliases: ['alertes'],
  description: { en: 'This channel’s alerts and their history', fr: 'Les alertes de ce canal et leur historique' },
  usage: '',
  ...noArgs,
  run(ctx) {
    if (!ctx.alerts) return reply({ kind: 'notice', lang: ctx.lang, title: alertInputStrings[ctx.lang].title, items: [], lines: [alertInputStrings[ctx.lang].noDatabase] });
    return listAlerts(ctx, ctx.alerts);
  },
});
