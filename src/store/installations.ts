// A platform's installations in many workspaces (Slack's OAuth installs): one row per team, or per
// enterprise for an org-wide install. The body is opaque here: the platform's adapter encrypts it
// (tokens never reach the database in clear) and decrypts what it reads back.
import { all, one, run, type SqlExecutor } from './sql.ts';

export interface InstallationRow {
  /** The team id, or the enterprise id of an org-wide install. */
  id: string;
  teamId?: string;
  enterpriseId?: string;
  /** Encrypted by the adapter. */
  body: string;
}

export interface Installations {
  put(platform: string, row: InstallationRow): Promise<void>;
  get(platform: string, id: string): Promise<InstallationRow | undefined>;
  /** True when there was one. */
  delete(platform: string, id: string): Promise<boolean>;
  /** Every installation of the platform (ids only: bodies stay where they are). */
  list(platform: string): Promise<{ id: string; teamId?: string; enterpriseId?: string; installedAt: number }[]>;
}

interface Row {
  id: string;
  team_id: string | null;
  enterprise_id: string | null;
  body: string;
  installed_at: number;
}

export class SqlInstallations implements Installations {
  constructor(
    private readonly db: SqlExecutor,
    private readonly now: () => number = Date.now,
  ) {}

  async put(platform: string, r: InstallationRow): Promise<void> {
    const t = this.now();
    await run(
      this.db,
      `INSERT INTO installations (platform, id, team_id, enterprise_id, body, installed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform, id) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id, body = excluded.body, updated_at = excluded.updated_at`,
      [platform, r.id, r.teamId ?? null, r.enterpriseId ?? null, r.body, t, t],
    );
  }

  async get(platform: string, id: string): Promise<InstallationRow | undefined> {
    const r = await one<Row>(this.db, 'SELECT id, team_id, enterprise_id, body, installed_at FROM installations WHERE platform = ? AND id = ?', [platform, id]);
    return r ? { id: r.id, ...(r.team_id ? { teamId: r.team_id } : {}), ...(r.enterprise_id ? { enterpriseId: r.enterprise_id } : {}), body: r.body } : undefined;
  }

  async delete(platform: string, id: string): Promise<boolean> {
    return (await run(this.db, 'DELETE FROM installations WHERE platform = ? AND id = ?', [platform, id])) > 0;
  }

  async list(platform: string) {
    const rows = await all<Row>(this.db, 'SELECT id, team_id, enterprise_id, installed_at FROM installations WHERE platform = ? ORDER BY installed_at', [platform]);
    return rows.map((r) => ({ id: r.id, ...(r.team_id ? { teamId: r.team_id } : {}), ...(r.enterprise_id ? { enterpriseId: r.enterprise_id } : {}), installedAt: Number(r.installed_at) }));
  }
}

/** In memory (tests without a database). */
export class MemoryInstallations implements Installations {
  private readonly rows = new Map<string, InstallationRow & { installedAt: number }>();

  async put(platform: string, r: InstallationRow): Promise<void> {
    const key = `${platform}|${r.id}`;
    this.rows.set(key, { ...r, installedAt: this.rows.get(key)?.installedAt ?? Date.now() });
  }

  async get(platform: string, id: string): Promise<InstallationRow | undefined> {
    const r = this.rows.get(`${platform}|${id}`);
    if (!r) return undefined;
    const { installedAt: _at, ...row } = r;
    return row;
  }

  async delete(platform: string, id: string): Promise<boolean> {
    return this.rows.delete(`${platform}|${id}`);
  }

  async list(platform: string) {
    return [...this.rows.entries()].filter(([k]) => k.startsWith(`${platform}|`)).map(([, r]) => ({ id: r.id, ...(r.teamId ? { teamId: r.teamId } : {}), ...(r.enterpriseId ? { enterpriseId: r.enterpriseId } : {}), installedAt: r.installedAt }));
  }
}
