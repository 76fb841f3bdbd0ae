// The language to answer in when a question does not tell (its own words always win): the asker's
// `/deal lang` setting, else their language on the platform (Discord's interaction locale, Slack's
// user locale), else the workspace's `/deal lang default` setting, else the platform's workspace
// locale (a Discord guild's), else English. Settings live in the store (injected).
import { Lang } from '../facts/schema.ts';
import type { Asker } from './bot.ts';

/** Where the language came from (shown by `/deal lang` and the Slack Home). */
export type LangSource = 'asked' | 'setting' | 'platform' | 'workspace-setting' | 'workspace' | 'default';

/** Who a setting belongs to: a user of a workspace, or the workspace itself (user WORKSPACE_USER). */
export interface SettingOwner {
  platform: string;
  workspace: string;
  user: string;
}

/** Language settings kept in the store (src/store/user-settings.ts). */
export interface LanguageSettings {
  lang(owner: SettingOwner): Promise<string | undefined>;
  setLang(owner: SettingOwner, lang: string | undefined): Promise<void>;
}

/** The owner name of a workspace-wide setting. */
export const WORKSPACE_USER = '*';

export function userOwner(asker: Pick<Asker, 'platform' | 'channel' | 'user'>): SettingOwner {
  return { platform: asker.platform, workspace: asker.channel.workspace ?? '', user: asker.user.id };
}

export function workspaceOwner(asker: Pick<Asker, 'platform' | 'channel'>): SettingOwner {
  return { platform: asker.platform, workspace: asker.channel.workspace ?? '', user: WORKSPACE_USER };
}

/** "fr-FR", "fr_CA", "fr" → fr; "en-GB" → en; anything else → undefined (not a language we answer in). */
export function langOfLocale(locale: string | null | undefined): Lang | undefined {
  const code = locale?.trim().toLowerCase().slice(0, 2);
  const parsed = Lang.safeParse(code);
  return parsed.success ? parsed.data : undefined;
}

async function setting(settings: LanguageSettings | undefined, owner: SettingOwner): Promise<Lang | undefined> {
  if (!settings) return undefined;
  const parsed = Lang.safeParse(await settings.lang(owner));
  return parsed.success ? parsed.data : undefined;
}

/**
 * The asker's fallback language and where it came from. A store or platform lookup that fails
 * costs only its step: the next one decides (a language is never worth a failed answer).
 */
export async function resolveLang(asker: Asker, settings?: LanguageSettings): Promise<{ lang: Lang; source: LangSource }> {
  if (asker.lang) return { lang: asker.lang, source: asker.langSource ?? 'asked' };
  const steps: [LangSource, () => Promise<Lang | undefined> | Lang | undefined][] = [
    ['setting', () => setting(settings, userOwner(asker))],
    ['platform', () => asker.platformLang?.()],
    ['workspace-setting', () => (asker.channel.workspace ? setting(settings, workspaceOwner(asker)) : undefined)],
    ['workspace', () => asker.workspaceLang],
  ];
  for (const [source, step] of steps) {
    try {
      const lang = await step();
      if (lang) return { lang, source };
    } catch {
      // this step could not tell: the next one decides
    }
  }
  return { lang: 'en', source: 'default' };
}

/** The asker with its fallback language resolved (what commands, notices and the engine read). */
export async function withLang(asker: Asker, settings?: LanguageSettings): Promise<Asker> {
  if (asker.lang && asker.langSource) return asker;
  const { lang, source } = await resolveLang(asker, settings);
  return { ...asker, lang, langSource: source };
}
