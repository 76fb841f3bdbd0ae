// `/deal lang [en|fr|auto]`: the language answers come in when a question does not tell its own
// (a question's own language always wins). `/deal lang default en|fr|auto`: the workspace's default
// (admins only). Settings are kept in the store (src/core/language.ts reads them).
import { z } from 'zod';
import { defineCommand } from '../src/core/command.ts';
import { LANGUAGE_NAMES, t } from '../src/core/i18n.ts';
import { userOwner, workspaceOwner } from '../src/core/language.ts';
import { reply } from '../src/core/reply.ts';
import type { Lang } from '../src/facts/schema.ts';

const CHOICE = z.enum(['en', 'fr', 'auto']);
const WORDS: Record<string, z.infer<typeof CHOICE>> = { english: 'en', anglais: 'en', french: 'fr', francais: 'fr', français: 'fr', automatic: 'auto', automatique: 'auto' };
const DEFAULT_WORDS = new Set(['default', 'defaut', 'défaut', 'workspace', 'server', 'serveur']);

export const lang = defineCommand({
  name: 'lang',
  aliases: ['langue', 'language'],
  description: { en: 'Your answer language when a question does not tell: en, fr or auto (admins: default …)', fr: 'Votre langue de réponse quand la question ne le dit pas : fr, en ou auto (admins : default …)' },
  usage: '[en|fr|auto | default en|fr|auto]',
  acceptsText: true,
  routing: 'channel', // a setting: its words ("auto", "en") neither pick a deal nor tell a language
  args: z.object({
    workspace: z.boolean(),
    choice: CHOICE.optional(),
  }),
  parseArgs(rest: string) {
    const words = rest.toLowerCase().split(/\s+/).filter(Boolean);
    const workspace = words.length > 0 && DEFAULT_WORDS.has(words[0]!);
    const word = workspace ? words[1] : words[0];
    const extra = words.length > (workspace ? 2 : 1);
    return { workspace, ...(word !== undefined ? { choice: extra ? `${word}…` : (WORDS[word] ?? word) } : {}) };
  },
  async run(ctx, { workspace, choice }) {
    // The answer speaks the language a user just chose for themselves (a workspace's default is not theirs).
    const out: Lang = !workspace && (choice === 'en' || choice === 'fr') ? choice : ctx.lang;
    const s = t(out);
    const name = (l: Lang) => LANGUAGE_NAMES[out][l];
    const notice = (...lines: string[]) => reply({ kind: 'notice', lang: out, title: s.langTitle, items: [], lines });
    if (choice === undefined) {
      // The choices as buttons (the Slack Home shows them too): the current setting marked.
      const chosen = ctx.langSource === 'setting' ? ctx.lang : 'auto';
      const actions = (['en', 'fr', 'auto'] as const).map((c) => ({ label: c === 'auto' ? s.langAuto : c === 'en' ? 'English' : 'Français', run: `lang ${c}`, ...(c === chosen ? { selected: true } : {}) }));
      return { ...notice(s.langNow(name(ctx.lang), s.langSources[ctx.langSource ?? 'default']), s.langHow), actions };
    }
    if (!ctx.settings) return notice(s.langNow(name(ctx.lang), s.langSources[ctx.langSource ?? 'default']));
    if (workspace) {
      if (!ctx.channel.workspace) return notice(s.langNoWorkspace);
      if (!(await ctx.isAdmin())) return notice(s.langAdminsOnly(ctx.adminRule?.[out] ?? 'admins'));
      await ctx.settings.setLang(workspaceOwner(ctx), choice === 'auto' ? undefined : choice);
      return notice(choice === 'auto' ? s.langWorkspaceCleared : s.langWorkspaceSet(name(choice)));
    }
    await ctx.settings.setLang(userOwner(ctx), choice === 'auto' ? undefined : choice);
    return notice(choice === 'auto' ? s.langCleared : s.langSet(name(choice)));
  },
});
