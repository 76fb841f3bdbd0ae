// `/deal help`: every command with its usage, in the asker's language.
import { defineCommand } from '../src/core/command.ts';
import { t } from '../src/core/i18n.ts';
import { reply } from '../src/core/reply.ts';
import { noArgs, topicSuggestions } from './shared.ts';

// Imported lazily, once: the list imports this file.
let list: Promise<typeof import('./index.ts')> | undefined;

export const help = defineCommand({
  name: 'help',
  aliases: ['aide', '?'],
  description: { en: 'This help', fr: 'Cette aide' },
  usage: '',
  ...noArgs,
  async run(ctx) {
    const { commands } = await (list ??= import('./index.ts'));
    const s = t(ctx.lang);
    return reply({
      kind: 'help',
      lang: ctx.lang,
      title: s.helpTitle,
      intro: `${s.helpIntro} ${s.tryTopics}`,
      items: [],
      lines: commands.map((c) => `/deal ${[c.name, c.usage].filter(Boolean).join(' ')} — ${c.description[ctx.lang]}`),
      suggestions: topicSuggestions(ctx),
    });
  },
});
