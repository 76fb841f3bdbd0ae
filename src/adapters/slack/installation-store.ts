// Bolt's installation store (@slack/oauth InstallationStore) over our store: one row per workspace
// (or per enterprise for an org-wide install), the whole installation sealed (token-seal.ts) so no
// token is ever stored in clear. Bolt's authorize reads it for every request, so what was read is
// kept in memory briefly; this process forgets a workspace at once when it is uninstalled.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Installations } from '../../store/installations.ts';
import { registerSecret } from '../../ops/log.ts';
import { seal, unseal } from './token-seal.ts';

export const PLATFORM_ROW = 'slack';
const CACHE_MS = 30_000;

/** The row an installation lives in: the enterprise for an org-wide install, else the team. */
function idOf(i: { isEnterpriseInstall?: boolean; enterprise?: { id: string } | undefined; team?: { id: string } | undefined }): string {
  const id = i.isEnterpriseInstall ? i.enterprise?.id : i.team?.id;
  if (!id) throw new Error('an installation names no team (nor, org-wide, an enterprise)');
  return id;
}

export interface SealedInstallationStore extends InstallationStore {
  /** The installation of a workspace (team id, or the enterprise of an org-wide install), if any. */
  find(teamId: string | undefined, enterpriseId?: string): Promise<Installation | undefined>;
  /** Removes a workspace's installation (app_uninstalled, tokens_revoked); true when there was one. */
  remove(id: string): Promise<boolean>;
}

export function sealedInstallationStore(rows: Installations, key: Buffer, now: () => number = Date.now): SealedInstallationStore {
  const cache = new Map<string, { installation: Installation; at: number }>();

  async function read(id: string): Promise<Installation | undefined> {
    const hit = cache.get(id);
    if (hit && now() - hit.at < CACHE_MS) return hit.installation;
    const row = await rows.get(PLATFORM_ROW, id);
    if (!row) return undefined;
    let installation: Installation;
    try {
      installation = JSON.parse(unseal(key, row.body, `${PLATFORM_ROW}:${id}`)) as Installation;
    } catch (err) {
      throw new Error(`the installation of ${id} does not open with SLACK_TOKEN_ENCRYPTION_KEY (a different key sealed it?): ${(err as Error).message}`);
    }
    registerSecret(installation.bot?.token);
    registerSecret(installation.user?.token);
    if (cache.size > 1_000) cache.clear();
    cache.set(id, { installation, at: now() });
    return installation;
  }

  async function find(teamId: string | undefined, enterpriseId?: string): Promise<Installation | undefined> {
    return (teamId ? await read(teamId) : undefined) ?? (enterpriseId ? await read(enterpriseId) : undefined);
  }

  async function remove(id: string): Promise<boolean> {
    cache.delete(id);
    return rows.delete(PLATFORM_ROW, id);
  }

  return {
    find,
    remove,
    async storeInstallation(installation) {
      const id = idOf(installation);
      registerSecret(installation.bot?.token);
      registerSecret(installation.user?.token);
      await rows.put(PLATFORM_ROW, {
        id,
        ...(installation.team?.id ? { teamId: installation.team.id } : {}),
        ...(installation.enterprise?.id ? { enterpriseId: installation.enterprise.id } : {}),
        body: seal(key, JSON.stringify(installation), `${PLATFORM_ROW}:${id}`),
      });
      cache.delete(id);
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const found = query.isEnterpriseInstall ? await find(undefined, query.enterpriseId) : await find(query.teamId, query.enterpriseId);
      // Bolt's authorize turns this into "not authorized": the request is dropped, not answered with another workspace's token.
      if (!found) throw new Error(`no installation for ${query.isEnterpriseInstall ? `enterprise ${query.enterpriseId}` : `team ${query.teamId}`}`);
      return found;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const id = query.isEnterpriseInstall ? query.enterpriseId : query.teamId;
      if (id) await remove(id);
    },
  };
}
