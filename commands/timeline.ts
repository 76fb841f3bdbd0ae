// `/deal timeline`: every dated fact, first to last.
import { defineCommand } from '../src/core/command.ts';
import { chronological } from '../src/core/format.ts';
import { t } from '../src/core/i18n.ts';
import { factsReply, noArgs } from './shared.ts';

export const timeline = defineCommand({
  name: 'timeline',
  aliases: ['chronologie', 'calendrier', 'calendar', 'dates'],
  description: { en: 'The deal’s milestones in date order', fr: 'Les étapes de l’accord dans l’ordre chronologique' },
  usage: '',
  ...noArgs,
  run(ctx) {
    return factsReply(ctx, chronological(ctx.engine.base.facts), { title: t(ctx.lang).timelineTitle });
  },
});
