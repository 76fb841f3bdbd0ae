// `/deal summaries`: every channel of this workspace that gets the daily summary, with the next
// post of each; admins get a button per channel to stop it (the same as /deal unsubscribe there).
// The Slack Home shows it too, and `/deal` alone adds it for admins.
import { defineCommand, type CommandContext } from '../src/core/command.ts';
import { t } from '../src/core/i18n.ts';
import { reply, type Reply, type ReplyEntry } from '../src/core/reply.ts';
import { formatDateTime, subscriptionStrings } from '../src/summary/subscribe-input.ts';
import { noArgs } from './shared.ts';

const MAX_LISTED = 25;

/** This workspace's subscriptions as entries (a button each for admins); undefined without the store's list. */
export async function workspaceSummaries(ctx: CommandContext, admin: boolean): Promise<ReplyEntry[] | undefined> {
  if (!ctx.subscriptions?.list) return undefined;
  const here = ctx.channel.workspace ?? '';
  const subs = (await ctx.subscriptions.list()).filter((s) => s.channel.platform === ctx.platform && (s.channel.workspace ?? '') === here);
  const s = t(ctx.lang);
  return subs.slice(0, MAX_LISTED).map((sub) => {
    const next = ctx.subscriptions?.nextRuns?.(sub, ctx.now())[0];
    const channel = { id: sub.channel.id, ...(sub.channel.name ? { name: sub.channel.name } : {}) };
    const text = s.subscriptionEntry(sub.times.join(', '), sub.timezone, next ? formatDateTime(next.at, ctx.lang, sub.timezone) : undefined);
    const confirm = s.stopConfirm(sub.channel.name ? `#${sub.channel.name}` : sub.channel.id);
    return { channel, text, actions: admin ? [{ label: s.stop, run: 'unsubscribe', channel, style: 'danger' as const, confirm }] : [] };
  });
}

/** The reply listing them, or a notice when there are none. */
export async function summariesReply(ctx: CommandContext): Promise<Reply> {
  const s = t(ctx.lang);
  const entries = await workspaceSummaries(ctx, await ctx.isAdmin());
  const lines = entries === undefined ? [subscriptionStrings[ctx.lang].noDatabase] : entries.length === 0 ? [s.noSubscriptionsHere] : [];
  return reply({ kind: 'notice', lang: ctx.lang, title: s.subscriptionsHere, items: [], lines, entries: entries ?? [] });
}

export const summaries = defineCommand({
  name: 'summaries',
  aliases: ['resumes', 'résumés', 'channels'],
  description: { en: 'Every channel of this workspace that gets the daily summary, and its next post', fr: 'Les canaux de cet espace qui reçoivent le résumé quotidien, et leur prochaine publication' },
  usage: '',
  ...noArgs,
  run: (ctx) => summariesReply(ctx),
});
