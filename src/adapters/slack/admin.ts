// Who someone is on Slack, from users.info (with include_locale), cached per workspace and user:
// whether they may change a channel's summary and alerts (workspace admins and owners, or the ids
// in DEALBOT_ADMINS; re-checked after a minute, so a demoted admin loses the right quickly), and
// their language (kept an hour). Every lookup uses the client of the asker's own workspace.
import type { webApi } from '@slack/bolt';
import { langOfLocale } from '../../core/language.ts';
import type { Lang } from '../../facts/schema.ts';
import type { Logger } from '../../ops/log.ts';

interface Known {
  /** Undefined when users.info failed: asked again next time (a refusal is never cached). */
  admin: boolean | undefined;
  lang: Lang | undefined;
  at: number;
}

export interface UserDirectory {
  isAdmin(client: webApi.WebClient, team: string | undefined, userId: string): Promise<boolean>;
  /** The user's Slack language (fr-FR → fr), when it is one we answer in. */
  lang(client: webApi.WebClient, team: string | undefined, userId: string): Promise<Lang | undefined>;
}

export function userDirectory(opts: { admins: readonly string[]; logger: Logger; adminMs?: number; langMs?: number; now?: () => number }): UserDirectory {
  const listed = new Set(opts.admins);
  const adminMs = opts.adminMs ?? 60_000;
  const langMs = opts.langMs ?? 3_600_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, Known>();
  /** Lookups under way: a burst from one user waits for the one call instead of making its own. */
  const pending = new Map<string, Promise<Known>>();

  async function lookup(client: webApi.WebClient, team: string | undefined, userId: string, fresh: (k: Known) => boolean): Promise<Known> {
    const key = `${team ?? ''}|${userId}`;
    const hit = cache.get(key);
    if (hit && fresh(hit)) return hit;
    const running = pending.get(key);
    if (running) return running;
    const p = fetchUser(client, key, userId).finally(() => pending.delete(key));
    pending.set(key, p);
    return p;
  }

  async function fetchUser(client: webApi.WebClient, key: string, userId: string): Promise<Known> {
    let known: Known;
    try {
      const res = await client.users.info({ user: userId, include_locale: true });
      const u = res.user;
      known = { admin: Boolean(u && !u.deleted && (u.is_admin || u.is_owner || u.is_primary_owner)), lang: langOfLocale(u?.locale), at: now() };
    } catch (err) {
      opts.logger.warn({ err, user: userId }, 'slack users.info failed');
      known = { admin: undefined, lang: undefined, at: now() };
    }
    if (cache.size > 5_000) cache.clear();
    cache.set(key, known);
    return known;
  }

  return {
    async isAdmin(client, team, userId) {
      if (listed.has(userId)) return true;
      // Cannot tell: refuse (the user sees a refusal and can ask an admin), never grant.
      return (await lookup(client, team, userId, (k) => k.admin !== undefined && now() - k.at < adminMs)).admin ?? false;
    },
    async lang(client, team, userId) {
      // A failed lookup is not retried for every question: the next step (workspace default, English) decides meanwhile.
      return (await lookup(client, team, userId, (k) => now() - k.at < (k.admin === undefined ? adminMs : langMs))).lang;
    },
  };
}

/** Who may change a channel's summary or alerts on Slack, as the noun phrase a refusal names. */
export const SLACK_ADMIN_RULE = {
  en: 'workspace admins and owners (or users listed in DEALBOT_ADMINS)',
  fr: 'les administrateurs et propriétaires de l’espace de travail (ou les utilisateurs listés dans DEALBOT_ADMINS)',
};
