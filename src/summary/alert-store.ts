// Alert rules per channel, kept in the database: price-move alerts (one per ticker) and one
// fact-change alert, with the fact base the channel was last told about (its baseline).
// The same statements run on SQLite and PostgreSQL (src/store/sql.ts).
import type { AlertRuleView, ChannelRef } from '../core/command.ts';
import { Lang } from '../facts/schema.ts';
import { all, one, run, type SqlExecutor } from '../store/sql.ts';

export interface AlertRule extends AlertRuleView {
  channel: ChannelRef;
  lang: Lang;
  timezone: string;
  /** Facts: id → hash of the facts this channel has been told about. */
  baseline: Record<string, string> | null;
}

interface Row {
  platform: string;
  channel_id: string;
  workspace: string | null;
  kind: 'price' | 'facts';
  subject: string;
  threshold_pct: number | null;
  direction: 'both' | 'up' | 'down';
  cooldown_ms: number | null;
  lang: string;
  timezone: string;
  baseline: string | null;
  deal: string | null;
  created_by: string;
  created_at: number;
}

const fromRow = (r: Row): AlertRule => ({
  channel: { platform: r.platform as ChannelRef['platform'], id: r.channel_id, ...(r.workspace !== null ? { workspace: r.workspace } : {}) },
  kind: r.kind,
  subject: r.subject,
  thresholdPct: r.threshold_pct,
  direction: r.direction,
  cooldownMs: r.cooldown_ms,
  lang: Lang.catch('en').parse(r.lang),
  timezone: r.timezone,
  baseline: r.baseline ? (JSON.parse(r.baseline) as Record<string, string>) : null,
  deal: r.deal ?? null,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

export interface SetRule {
  channel: ChannelRef;
  kind: 'price' | 'facts';
  subject: string;
  thresholdPct: number | null;
  direction: 'both' | 'up' | 'down';
  cooldownMs: number | null;
  lang: Lang;
  timezone: string;
  by: string;
  /** The deal the rule watches (null: the channel's deal, as for rules set before deals). */
  deal?: string | null;
  /** Facts: the base the channel knows from now on (only set when the rule is created, or when its deal changes). */
  baseline?: Map<string, string>;
}

export class AlertStore {
  constructor(
    private readonly db: SqlExecutor,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates or updates a rule; an existing fact rule keeps its baseline (changes not yet posted stay pending). */
  async set(rule: SetRule): Promise<AlertRule> {
    const at = this.now().getTime();
    await run(
      this.db,
      `INSERT INTO alert_rules (platform, channel_id, workspace, kind, subject, threshold_pct, direction, cooldown_ms, lang, timezone, baseline, deal, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform, channel_id, kind, subject) DO UPDATE SET
         threshold_pct = excluded.threshold_pct, direction = excluded.direction, cooldown_ms = excluded.cooldown_ms,
         lang = excluded.lang, timezone = excluded.timezone, deal = excluded.deal,
         baseline = COALESCE(excluded.baseline, alert_rules.baseline),
         created_by = excluded.created_by, updated_at = excluded.updated_at`,
      [
        rule.channel.platform,
        rule.channel.id,
        rule.channel.workspace ?? null,
        rule.kind,
        rule.subject,
        rule.thresholdPct,
        rule.direction,
        rule.cooldownMs,
        rule.lang,
        rule.timezone,
        rule.baseline ? JSON.stringify(Object.fromEntries(rule.baseline)) : null,
        rule.deal ?? null,
        rule.by,
        at,
        at,
      ],
    );
    return (await this.get(rule.channel, rule.kind, rule.subject))!;
  }

  async get(channel: ChannelRef, kind: 'price' | 'facts', subject: string): Promise<AlertRule | undefined> {
    const r = await one<Row>(this.db, 'SELECT * FROM alert_rules WHERE platform = ? AND channel_id = ? AND kind = ? AND subject = ?', [channel.platform, channel.id, kind, subject]);
    return r ? fromRow(r) : undefined;
  }

  async remove(channel: ChannelRef, kind: 'price' | 'facts', subject: string): Promise<boolean> {
    return (await run(this.db, 'DELETE FROM alert_rules WHERE platform = ? AND channel_id = ? AND kind = ? AND subject = ?', [channel.platform, channel.id, kind, subject])) > 0;
  }

  /** A channel's rules, or every rule. */
  async list(channel?: ChannelRef): Promise<AlertRule[]> {
    const rows = channel
      ? await all<Row>(this.db, 'SELECT * FROM alert_rules WHERE platform = ? AND channel_id = ? ORDER BY kind DESC, subject', [channel.platform, channel.id])
      : await all<Row>(this.db, 'SELECT * FROM alert_rules ORDER BY platform, channel_id, kind DESC, subject');
    return rows.map(fromRow);
  }

  /** Records the facts a channel has now been told about. */
  async setBaseline(channel: ChannelRef, hashes: Map<string, string>): Promise<void> {
    await run(this.db, `UPDATE alert_rules SET baseline = ? WHERE platform = ? AND channel_id = ? AND kind = 'facts'`, [
      JSON.stringify(Object.fromEntries(hashes)),
      channel.platform,
      channel.id,
    ]);
  }
}
