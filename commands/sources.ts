// `/deal sources`: where the facts come from, and which version of the base is serving.
import { defineCommand } from '../src/core/command.ts';
import { t } from '../src/core/i18n.ts';
import { reply } from '../src/core/reply.ts';
import { dealHeader, noArgs } from './shared.ts';

export const sources = defineCommand({
  name: 'sources',
  aliases: ['source', 'sourcing'],
  description: { en: 'The sources of the fact base and its version', fr: 'Les sources de la base de faits et sa version' },
  usage: '',
  ...noArgs,
  run(ctx) {
    const s = t(ctx.lang);
    const base = ctx.engine.base;
    const lines = [...base.sources.values()].map((src) => {
      const count = base.facts.filter((f) => f.citation.source === src.id).length;
      return [
        `« ${src.title} »`,
        src.publisher ?? s.publisherUnknown,
        src.lang,
        src.published ?? s.dateUnknown,
        src.url,
        s.factCount(count),
      ]
        .filter(Boolean)
        .join(' — ');
    });
    return reply({
      kind: 'notice',
      lang: ctx.lang,
      title: s.sourcesTitle,
      items: [],
      lines,
      footer: s.baseVersion(base.fingerprint, base.loadedAt.toISOString(), base.facts.length),
      ...dealHeader(ctx),
    });
  },
});
