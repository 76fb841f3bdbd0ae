// `/deal` alone or `/deal overview`: the deal's headline figures.
import { defineCommand } from '../src/core/command.ts';
import { t } from '../src/core/i18n.ts';
import { factsReply, noArgs } from './shared.ts';

export const overview = defineCommand({
  name: 'overview',
  aliases: ['apercu', 'résumé', 'resume', 'bref'],
  description: { en: 'The deal at a glance: its headline figures', fr: 'L’accord en bref : ses chiffres clés' },
  usage: '',
  ...noArgs,
  run(ctx) {
    const headline = ctx.engine.base.facts.filter((f) => f.headline);
    return factsReply(ctx, headline, { title: t(ctx.lang).overviewTitle });
  },
});
