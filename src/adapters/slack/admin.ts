// Who may change a channel's summary subscription and alerts on Slack: workspace admins and owners
// (users.info, checked when asked, cached briefly) or the ids listed in DEALBOT_ADMINS.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../../ops/log.ts';

export function adminCheck(opts: {
  client: webApi.WebClient;
  admins: readonly string[];
  logger: Logger;
  cacheMs?: number;
  now?: () => number;
}): (userId: string) => Promise<boolean> {
  const listed = new Set(opts.admins);
  const cacheMs = opts.cacheMs ?? 60_000; // a demoted admin loses the right within a minute
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { admin: boolean; at: number }>();

  return async (userId) => {
    if (listed.has(userId)) return true;
    const hit = cache.get(userId);
    if (hit && now() - hit.at < cacheMs) return hit.admin;
    try {
      const res = await opts.client.users.info({ user: userId });
      const u = res.user;
      const admin = Boolean(u && !u.deleted && (u.is_admin || u.is_owner || u.is_primary_owner));
      if (cache.size > 1000) cache.clear();
      cache.set(userId, { admin, at: now() });
      return admin;
    } catch (err) {
      // Cannot tell: refuse (the user sees a refusal and can ask an admin), never grant.
      opts.logger.warn({ err, user: userId }, 'slack admin check failed');
      return false;
    }
  };
}

/** Who may change a channel's summary or alerts on Slack, as the noun phrase a refusal names. */
export const SLACK_ADMIN_RULE = {
  en: 'workspace admins and owners (or users listed in DEALBOT_ADMINS)',
  fr: 'les administrateurs et propriétaires de l’espace de travail (ou les utilisateurs listés dans DEALBOT_ADMINS)',
};
