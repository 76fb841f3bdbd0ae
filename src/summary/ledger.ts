// The post ledger: a row per (channel, slot) claimed inside a write transaction before anything
// is sent. A slot is a summary time on a local date ("2026-04-01 09:00"), an alert's cooldown
// window ("price:NVDA:2026-04-01") or a poll window. The primary key makes the claim exclusive
// across processes; the lease lets a claim abandoned by a crash be taken over; the message id
// recorded after sending closes the row.
//
// Kept behind this class (and `LedgerStore`-shaped methods only) so a PostgreSQL implementation
// can follow the same contract: claim = INSERT … ON CONFLICT in one transaction.
import type { ChannelRef, Platform } from '../core/command.ts';
import type { Db } from '../store/db.ts';

export type PostState = 'claimed' | 'sent' | 'failed' | 'skipped';
export type SlotKind = 'summary' | 'closed-notice' | 'price-alert' | 'fact-alert' | 'poll';

export interface LedgerRow {
  platform: Platform;
  channelId: string;
  slot: string;
  kind: SlotKind;
  localDate: string;
  subject: string | null;
  state: PostState;
  owner: string | null;
  leaseUntil: number;
  attempts: number;
  claimedAt: number | null;
  messageId: string | null;
  sentAt: number | null;
  lastError: string | null;
  detail: string | null;
}

/** What a slot is, recorded with its first claim. */
export interface SlotInfo {
  slot: string;
  kind: SlotKind;
  localDate: string;
  subject?: string;
}

export interface Claim extends SlotInfo {
  channel: ChannelRef;
  owner: string;
  attempt: number;
}

export interface LastPost {
  platform: Platform;
  channelId: string;
  slot: string;
  localDate: string;
  messageId: string | null;
  at: string; // ISO
}

export interface FactSnapshot {
  fingerprint: string;
  factHashes: Record<string, string>;
  postedAt: Date;
}

interface RawRow {
  platform: string;
  channel_id: string;
  slot: string;
  kind: string;
  local_date: string;
  subject: string | null;
  state: string;
  owner: string | null;
  lease_until: number;
  attempts: number;
  claimed_at: number | null;
  message_id: string | null;
  sent_at: number | null;
  last_error: string | null;
  detail: string | null;
}

const toRow = (r: RawRow): LedgerRow => ({
  platform: r.platform as Platform,
  channelId: r.channel_id,
  slot: r.slot,
  kind: r.kind as SlotKind,
  localDate: r.local_date,
  subject: r.subject,
  state: r.state as PostState,
  owner: r.owner,
  leaseUntil: r.lease_until,
  attempts: r.attempts,
  claimedAt: r.claimed_at,
  messageId: r.message_id,
  sentAt: r.sent_at,
  lastError: r.last_error,
  detail: r.detail,
});

const lastPostOf = (r: RawRow | undefined): LastPost | undefined =>
  r && r.sent_at !== null
    ? { platform: r.platform as Platform, channelId: r.channel_id, slot: r.slot, localDate: r.local_date, messageId: r.message_id, at: new Date(r.sent_at).toISOString() }
    : undefined;

/** A cooldown checked inside the claim's transaction: no claim of this kind and subject since `since`. */
export interface CooldownGuard {
  kind: SlotKind;
  subject: string | null;
  since: number;
}

export class PostLedger {
  constructor(private readonly db: Db) {}

  get(channel: ChannelRef, slot: string): LedgerRow | undefined {
    const r = this.db
      .prepare('SELECT * FROM post_ledger WHERE platform = ? AND channel_id = ? AND slot = ?')
      .get(channel.platform, channel.id, slot) as RawRow | undefined;
    return r ? toRow(r) : undefined;
  }

  /** Whether a claim could be taken now (a cheap read before doing any work). */
  claimable(channel: ChannelRef, slot: string, now: number): boolean {
    const row = this.get(channel, slot);
    return !row || (row.state === 'claimed' && row.leaseUntil <= now);
  }

  private coolingDown(channel: ChannelRef, guard: CooldownGuard, slot: string): boolean {
    const hit = this.db
      .prepare(
        `SELECT 1 FROM post_ledger WHERE platform = ? AND channel_id = ? AND kind = ? AND subject IS ? AND slot <> ?
         AND state IN ('claimed', 'sent') AND claimed_at > ? LIMIT 1`,
      )
      .get(channel.platform, channel.id, guard.kind, guard.subject, slot, guard.since);
    return hit !== undefined;
  }

  /**
   * Takes the (channel, slot) row for `owner` until `now + leaseMs`, or returns undefined when it
   * is sent, failed for good, skipped, held by a live claim, or (with `cooldown`) when another slot
   * of the same kind and subject was claimed within the cooldown. One IMMEDIATE transaction, so
   * two processes never both get it.
   */
  claim(channel: ChannelRef, info: SlotInfo, owner: string, now: number, leaseMs: number, cooldown?: CooldownGuard): Claim | undefined {
    return this.db
      .transaction((): Claim | undefined => {
        const row = this.get(channel, info.slot);
        if (!row) {
          if (cooldown && this.coolingDown(channel, cooldown, info.slot)) return undefined;
          this.db
            .prepare(
              `INSERT INTO post_ledger (platform, channel_id, slot, kind, local_date, subject, state, owner, lease_until, attempts, claimed_at)
               VALUES (?, ?, ?, ?, ?, ?, 'claimed', ?, ?, 1, ?)`,
            )
            .run(channel.platform, channel.id, info.slot, info.kind, info.localDate, info.subject ?? null, owner, now + leaseMs, now);
          return { ...info, channel, owner, attempt: 1 };
        }
        if (row.state !== 'claimed' || row.leaseUntil > now) return undefined;
        // An expired claim: its holder crashed, was stopped, or failed and asked for a retry.
        this.db
          .prepare(`UPDATE post_ledger SET owner = ?, lease_until = ?, attempts = attempts + 1 WHERE platform = ? AND channel_id = ? AND slot = ?`)
          .run(owner, now + leaseMs, channel.platform, channel.id, info.slot);
        return { ...info, kind: row.kind, localDate: row.localDate, ...(row.subject ? { subject: row.subject } : {}), channel, owner, attempt: row.attempts + 1 };
      })
      .immediate();
  }

  /** Records the platform's message id (and the fact base seen, for "what changed since") once the post went out. */
  markSent(claim: Claim, messageId: string, now: number, opts: { snapshot?: { fingerprint: string; factHashes: Map<string, string> }; detail?: string } = {}): void {
    this.db
      .transaction(() => {
        this.db
          .prepare(
            `UPDATE post_ledger SET state = 'sent', message_id = ?, sent_at = ?, owner = ?, last_error = NULL, detail = COALESCE(?, detail)
             WHERE platform = ? AND channel_id = ? AND slot = ?`,
          )
          .run(messageId, now, claim.owner, opts.detail ?? null, claim.channel.platform, claim.channel.id, claim.slot);
        if (opts.snapshot) {
          this.db
            .prepare(
              `INSERT INTO summary_snapshots (platform, channel_id, fingerprint, fact_hashes, posted_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (platform, channel_id) DO UPDATE SET
                 fingerprint = excluded.fingerprint, fact_hashes = excluded.fact_hashes, posted_at = excluded.posted_at`,
            )
            .run(claim.channel.platform, claim.channel.id, opts.snapshot.fingerprint, JSON.stringify(Object.fromEntries(opts.snapshot.factHashes)), now);
        }
      })
      .immediate();
  }

  /** Closes a claimed slot without posting (a slot superseded by a later one, a poll window done). */
  markSkipped(claim: Claim, now: number, detail?: string): void {
    this.db
      .prepare(`UPDATE post_ledger SET state = 'skipped', owner = NULL, sent_at = ?, detail = ? WHERE platform = ? AND channel_id = ? AND slot = ? AND owner = ?`)
      .run(now, detail ?? null, claim.channel.platform, claim.channel.id, claim.slot, claim.owner);
  }

  /**
   * Gives a claim back without sending: retried by any scheduler from `retryAt` (now = at once).
   * Only the holder may release, so a claim taken over meanwhile is left alone.
   */
  release(claim: Claim, retryAt: number, error?: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE post_ledger SET owner = NULL, lease_until = ?, last_error = COALESCE(?, last_error)
           WHERE platform = ? AND channel_id = ? AND slot = ? AND state = 'claimed' AND owner = ?`,
        )
        .run(retryAt, error ?? null, claim.channel.platform, claim.channel.id, claim.slot, claim.owner).changes > 0
    );
  }

  /** Gives up on a slot after too many failed attempts. */
  markFailed(claim: Claim, error: string): void {
    this.db
      .prepare(`UPDATE post_ledger SET state = 'failed', owner = NULL, last_error = ? WHERE platform = ? AND channel_id = ? AND slot = ? AND owner = ?`)
      .run(error, claim.channel.platform, claim.channel.id, claim.slot, claim.owner);
  }

  /** The most recent summary sent by any process (for health). */
  lastPost(): LastPost | undefined {
    return lastPostOf(this.db.prepare(`SELECT * FROM post_ledger WHERE state = 'sent' AND kind = 'summary' ORDER BY sent_at DESC LIMIT 1`).get() as RawRow | undefined);
  }

  lastPostTo(channel: ChannelRef): LastPost | undefined {
    return lastPostOf(
      this.db
        .prepare(`SELECT * FROM post_ledger WHERE state = 'sent' AND kind = 'summary' AND platform = ? AND channel_id = ? ORDER BY sent_at DESC LIMIT 1`)
        .get(channel.platform, channel.id) as RawRow | undefined,
    );
  }

  /** Rows of a channel of the given kinds, newest claim first (alert history). */
  history(channel: ChannelRef, kinds: readonly SlotKind[], limit = 10): LedgerRow[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM post_ledger WHERE platform = ? AND channel_id = ? AND kind IN (${kinds.map(() => '?').join(', ')})
         ORDER BY COALESCE(claimed_at, sent_at, 0) DESC LIMIT ?`,
      )
      .all(channel.platform, channel.id, ...kinds, Math.max(1, Math.min(100, limit))) as RawRow[];
    return rows.map(toRow);
  }

  /** When the latest live claim of this kind and subject was taken, if after `since` (cooldowns, dry runs). */
  lastClaimSince(channel: ChannelRef, kind: SlotKind, subject: string | null, since: number): number | undefined {
    const r = this.db
      .prepare(
        `SELECT MAX(claimed_at) AS t FROM post_ledger WHERE platform = ? AND channel_id = ? AND kind = ? AND subject IS ?
         AND state IN ('claimed', 'sent') AND claimed_at > ?`,
      )
      .get(channel.platform, channel.id, kind, subject, since) as { t: number | null };
    return r.t ?? undefined;
  }

  /** Drops poll-window rows older than `before` (ms): they only serve to share polling between processes. */
  prunePolls(before: number): number {
    return this.db.prepare(`DELETE FROM post_ledger WHERE kind = 'poll' AND COALESCE(claimed_at, 0) < ?`).run(before).changes;
  }

  /** The fact base as it was at this channel's last summary ("what changed since"). */
  snapshot(channel: ChannelRef): FactSnapshot | undefined {
    const r = this.db
      .prepare('SELECT fingerprint, fact_hashes, posted_at FROM summary_snapshots WHERE platform = ? AND channel_id = ?')
      .get(channel.platform, channel.id) as { fingerprint: string; fact_hashes: string; posted_at: number } | undefined;
    if (!r) return undefined;
    return { fingerprint: r.fingerprint, factHashes: JSON.parse(r.fact_hashes) as Record<string, string>, postedAt: new Date(r.posted_at) };
  }
}
