// Language settings chosen with `/deal lang`: one per user, and one per workspace (user "*") that
// its admins set. Read before answering when a question does not tell its language, so reads are
// cached briefly in memory (a change made on another replica shows within CACHE_MS).
import { one, run, type SqlExecutor } from './sql.ts';

/** Who a setting belongs to: a user of a workspace, or the workspace itself (user "*"). */
export interface SettingOwner {
  platform: string;
  workspace: string;
  user: string;
}

export interface UserSettings {
  /** The language chosen, if any. */
  lang(owner: SettingOwner): Promise<string | undefined>;
  /** Sets it, or clears it with undefined. */
  setLang(owner: SettingOwner, lang: string | undefined): Promise<void>;
}

export const WORKSPACE_USER = '*';
const CACHE_MS = 60_000;
const keyOf = (o: SettingOwner) => `${o.platform}|${o.workspace}|${o.user}`;

export class MemoryUserSettings implements UserSettings {
  private readonly langs = new Map<string, string>();

  async lang(owner: SettingOwner): Promise<string | undefined> {
    return this.langs.get(keyOf(owner));
  }

  async setLang(owner: SettingOwner, lang: string | undefined): Promise<void> {
    if (lang === undefined) this.langs.delete(keyOf(owner));
    else this.langs.set(keyOf(owner), lang);
  }
}

export class SqlUserSettings implements UserSettings {
  private readonly cache = new Map<string, { lang: string | undefined; at: number }>();

  constructor(
    private readonly db: SqlExecutor,
    private readonly now: () => number = Date.now,
  ) {}

  async lang(owner: SettingOwner): Promise<string | undefined> {
    const key = keyOf(owner);
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < CACHE_MS) return hit.lang;
    const row = await one<{ lang: string }>(this.db, 'SELECT lang FROM user_settings WHERE platform = ? AND workspace = ? AND user_id = ?', [
      owner.platform,
      owner.workspace,
      owner.user,
    ]);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { lang: row?.lang, at: this.now() });
    return row?.lang;
  }

  async setLang(owner: SettingOwner, lang: string | undefined): Promise<void> {
    if (lang === undefined) {
      await run(this.db, 'DELETE FROM user_settings WHERE platform = ? AND workspace = ? AND user_id = ?', [owner.platform, owner.workspace, owner.user]);
    } else {
      await run(
        this.db,
        `INSERT INTO user_settings (platform, workspace, user_id, lang, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (platform, workspace, user_id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at`,
        [owner.platform, owner.workspace, owner.user, lang, this.now()],
      );
    }
    this.cache.set(keyOf(owner), { lang, at: this.now() });
  }
}
