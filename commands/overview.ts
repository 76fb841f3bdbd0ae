// `/deal` alone or `/deal overview`: the deal's headline figures; for admins, also the channels of
// this workspace that get the daily summary (with a button to stop each).
import { defineCommand } from '../src/core/command.ts';
import { t } from '../src/core/i18n.ts';
import { factsReply, noArgs } from './shared.ts';

export const overview = defineCommand({
  name: 'overview',
  aliases: ['apercu', 'résumé', 'resume', 'bref'],
  description: { en: 'The deal at a glance: its headline figures', fr: 'L’accord en bref : ses chiffres clés' },
  usage: '',
  ...noArgs,
  async run(ctx) {
    const headline = ctx.engine.base.facts.filter((f) => f.headline);
    const r = factsReply(ctx, headline, { title: t(ctx.lang).overviewTitle });
    // Only admins see the list here (anyone may ask for it with /deal summaries), and never in a DM.
    if (!ctx.channel.workspace || !ctx.subscriptions?.list || ctx.quoted || !(await ctx.isAdmin())) return r;
    const { workspaceSummaries } = await import('./summaries.ts');
    const entries = (await workspaceSummaries(ctx, true)) ?? [];
    const s = t(ctx.lang);
    return { ...r, lines: [...r.lines, `${s.subscriptionsHere}:`, ...(entries.length ? [] : [s.noSubscriptionsHere])], entries };
  },
});
