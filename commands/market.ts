// `/deal market`: the share-price moves recorded at the announcement, then other market facts.
import { defineCommand } from '../src/core/command.ts';
import { t } from '../src/core/i18n.ts';
import { factsReply, noArgs } from './shared.ts';

export const market = defineCommand({
  name: 'market',
  aliases: ['marché', 'marche', 'bourse', 'stocks', 'shares', 'actions'],
  description: { en: 'Market moves recorded at the announcement', fr: 'Les mouvements de marché relevés à l’annonce' },
  usage: '',
  ...noArgs,
  run(ctx) {
    const facts = ctx.engine.base.facts;
    const moves = facts.filter((f) => f.kind === 'market-move');
    const related = facts.filter((f) => f.kind !== 'market-move' && f.topics.includes('market'));
    return factsReply(ctx, [...moves, ...related], { title: t(ctx.lang).marketTitle });
  },
});
