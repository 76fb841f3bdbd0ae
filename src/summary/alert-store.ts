// Alert rules per channel, kept in the database: price-move alerts (one per ticker) and one
// fact-change alert, with the fact base the channel was last told about (its baseline).
// Behind this class so a PostgreSQL store can follow the same contract.
import type { AlertRuleView, ChannelRef } from '../core/command.ts';
import { Lang } from '../facts/schema.ts';
import type { Db } from '../store/db.ts';

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
  /** Facts: the base the channel knows from now on (only set when the rule is created). */
  baseline?: Map<string, string>;
}

export class AlertStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates or updates a rule; an existing fact rule keeps its baseline (changes not yet posted stay pending). */
  set(rule: SetRule): AlertRule {
    const at = this.now().getTime();
    this.db
      .prepare(
        `INSERT INTO alert_rules (platform, channel_id, workspace, kind, subject, threshold_pct, direction, cooldown_ms, lang, timezone, baseline, created_by, created_at, updated_at)
         VALUES (@platform, @id, @workspace, @kind, @subject, @threshold, @direction, @cooldown, @lang, @timezone, @baseline, @by, @at, @at)
         ON CONFLICT (platform, channel_id, kind, subject) DO UPDATE SET
           threshold_pct = excluded.threshold_pct, direction = excluded.direction, cooldown_ms = excluded.cooldown_ms,
           lang = excluded.lang, timezone = excluded.timezone, created_by = excluded.created_by, updated_at = excluded.updated_at`,
      )
      .run({
        platform: rule.channel.platform,
        id: rule.channel.id,
        workspace: rule.channel.workspace ?? null,
        kind: rule.kind,
        subject: rule.subject,
        threshold: rule.thresholdPct,
        direction: rule.direction,
        cooldown: rule.cooldownMs,
        lang: rule.lang,
        timezone: rule.timezone,
        baseline: rule.baseline ? JSON.stringify(Object.fromEntries(rule.baseline)) : null,
        by: rule.by,
        at,
      });
    return this.get(rule.channel, rule.kind, rule.subject)!;
  }

  get(channel: ChannelRef, kind: 'price' | 'facts', subject: string): AlertRule | undefined {
    const r = this.db
      .prepare('SELECT * FROM alert_rules WHERE platform = ? AND channel_id = ? AND kind = ? AND subject = ?')
      .get(channel.platform, channel.id, kind, subject) as Row | undefined;
    return r ? fromRow(r) : undefined;
  }

  remove(channel: ChannelRef, kind: 'price' | 'facts', subject: string): boolean {
    return this.db.prepare('DELETE FROM alert_rules WHERE platform = ? AND channel_id = ? AND kind = ? AND subject = ?').run(channel.platform, channel.id, kind, subject).changes > 0;
  }

  /** A channel's rules, or every rule. */
  list(channel?: ChannelRef): AlertRule[] {
    const rows = channel
      ? this.db.prepare('SELECT * FROM alert_rules WHERE platform = ? AND channel_id = ? ORDER BY kind DESC, subject').all(channel.platform, channel.id)
      : this.db.prepare('SELECT * FROM alert_rules ORDER BY platform, channel_id, kind DESC, subject').all();
    return (rows as Row[]).map(fromRow);
  }

  /** Records the facts a channel has now been told about. */
  setBaseline(channel: ChannelRef, hashes: Map<string, string>): void {
    this.db
      .prepare(`UPDATE alert_rules SET baseline = ? WHERE platform = ? AND channel_id = ? AND kind = 'facts'`)
      .run(JSON.stringify(Object.fromEntries(hashes)), channel.platform, channel.id);
  }
}
