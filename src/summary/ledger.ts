// The post ledger: a row per (channel, slot) claimed inside a write transaction before anything
// is sent. A slot is a summary time on a local date ("2026-04-01 09:00"), an alert's cooldown
// window ("price:NVDA:2026-04-01") or a poll window. The primary key makes the claim exclusive
// across processes; the lease lets a claim abandoned by a crash be taken over; the message id
// recorded after sending closes the row.
//
// The same statements run on SQLite and PostgreSQL (src/store/sql.ts): a claim is one
// INSERT … ON CONFLICT DO UPDATE … WHERE that only a free row lets through, so two processes never
// both get it; replicas picking due rows in batches skip the rows another one holds
// (`FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite's one writer at a time is the equivalent).
import type { ChannelRef, Platform } from '../core/command.ts';
import { scrubSecrets } from '../config/secrets.ts';
import { all, greatest, one, placeholders, run, type SqlDriver, type TxExecutor } from '../store/sql.ts';

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

/** A due (channel, slot) to open in the ledger so that any replica may pick it. */
export interface OpenSlot extends SlotInfo {
  channel: ChannelRef;
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
  /** When the slot was first claimed (ms): a post of an earlier attempt cannot be older. */
  claimedAt: number;
  /** The previous attempt's holder when this claim took over an expired one (it may have posted). */
  takenOverFrom?: string | null;
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
  /** The deal that summary was about (undefined: posted before deals, or a base without deal files). */
  deal?: string;
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
  constructor(private readonly db: SqlDriver) {}

  async get(channel: ChannelRef, slot: string): Promise<LedgerRow | undefined> {
    const r = await one<RawRow>(this.db, 'SELECT * FROM post_ledger WHERE platform = ? AND channel_id = ? AND slot = ?', [channel.platform, channel.id, slot]);
    return r ? toRow(r) : undefined;
  }

  /** Whether a claim could be taken now (a cheap read before doing any work). */
  async claimable(channel: ChannelRef, slot: string, now: number): Promise<boolean> {
    const row = await this.get(channel, slot);
    return !row || (row.state === 'claimed' && row.leaseUntil <= now);
  }

  /**
   * The (channel, slot) keys among `slots` that cannot be claimed at `now`: sent, failed for good,
   * skipped, or held by a live claim. One query for a whole run (keys are "platform|channel|slot").
   */
  async closedAmong(slots: readonly string[], kinds: readonly SlotKind[], now: number): Promise<Set<string>> {
    const closed = new Set<string>();
    const distinct = [...new Set(slots)];
    for (let i = 0; i < distinct.length; i += 500) {
      const chunk = distinct.slice(i, i + 500);
      const rows = await all<{ platform: string; channel_id: string; slot: string }>(
        this.db,
        `SELECT platform, channel_id, slot FROM post_ledger WHERE slot IN (${placeholders(chunk.length)}) AND kind IN (${placeholders(kinds.length)})
         AND (state <> 'claimed' OR lease_until > ?)`,
        [...chunk, ...kinds, now],
      );
      for (const r of rows) closed.add(`${r.platform}|${r.channel_id}|${r.slot}`);
    }
    return closed;
  }

  private async coolingDown(q: TxExecutor, channel: ChannelRef, guard: CooldownGuard, slot: string): Promise<boolean> {
    const hit = await one(
      q,
      `SELECT 1 AS hit FROM post_ledger WHERE platform = ? AND channel_id = ? AND kind = ? AND subject IS NOT DISTINCT FROM ? AND slot <> ?
       AND state IN ('claimed', 'sent') AND claimed_at > ? LIMIT 1`,
      [channel.platform, channel.id, guard.kind, guard.subject, slot, guard.since],
    );
    return hit !== undefined;
  }

  /**
   * Takes the (channel, slot) row for `owner` until `now + leaseMs`, or returns undefined when it
   * is sent, failed for good, skipped, held by a live claim, or (with `cooldown`) when another slot
   * of the same kind and subject was claimed within the cooldown. One statement decides: only a
   * new row or an expired claim lets it through, so two processes never both get it.
   */
  async claim(channel: ChannelRef, info: SlotInfo, owner: string, now: number, leaseMs: number, cooldown?: CooldownGuard): Promise<Claim | undefined> {
    return this.db.tx(async (q) => {
      if (cooldown) {
        // Claims of one kind and subject in one channel wait for each other, then see each other.
        await q.lock(`cooldown|${channel.platform}|${channel.id}|${cooldown.kind}|${cooldown.subject ?? ''}`);
        const existing = await one(q, 'SELECT 1 AS hit FROM post_ledger WHERE platform = ? AND channel_id = ? AND slot = ?', [channel.platform, channel.id, info.slot]);
        if (!existing && (await this.coolingDown(q, channel, cooldown, info.slot))) return undefined;
      }
      const before = await one<{ owner: string | null }>(q, 'SELECT owner FROM post_ledger WHERE platform = ? AND channel_id = ? AND slot = ?', [channel.platform, channel.id, info.slot]);
      const r = await one<RawRow>(
        q,
        `INSERT INTO post_ledger (platform, channel_id, slot, kind, local_date, subject, state, owner, lease_until, attempts, claimed_at)
         VALUES (?, ?, ?, ?, ?, ?, 'claimed', ?, ?, 1, ?)
         ON CONFLICT (platform, channel_id, slot) DO UPDATE SET
           owner = excluded.owner, lease_until = excluded.lease_until, attempts = post_ledger.attempts + 1,
           claimed_at = COALESCE(post_ledger.claimed_at, excluded.claimed_at)
         WHERE post_ledger.state = 'claimed' AND post_ledger.lease_until <= ?
         RETURNING *`,
        [channel.platform, channel.id, info.slot, info.kind, info.localDate, info.subject ?? null, owner, now + leaseMs, now, now],
      );
      if (!r) return undefined;
      return claimOf(r, channel, owner, before ? before.owner : undefined);
    });
  }

  /**
   * Opens due slots so that any replica may pick them: a free claim (no owner, lease 0) per
   * (channel, slot) not in the ledger yet. Idempotent: every replica may open the same slots.
   */
  async open(slots: readonly OpenSlot[]): Promise<void> {
    for (let i = 0; i < slots.length; i += 200) {
      const chunk = slots.slice(i, i + 200);
      await run(
        this.db,
        `INSERT INTO post_ledger (platform, channel_id, slot, kind, local_date, subject, state, owner, lease_until, attempts)
         VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, 'claimed', NULL, 0, 0)").join(', ')}
         ON CONFLICT (platform, channel_id, slot) DO NOTHING`,
        chunk.flatMap((s) => [s.channel.platform, s.channel.id, s.slot, s.kind, s.localDate, s.subject ?? null]),
      );
    }
  }

  /**
   * Claims up to `limit` free rows among `slots` (of `kinds`) for `owner`: rows another replica is
   * claiming at this instant are skipped, not waited for. Expired claims are taken over too
   * (`takenOverFrom` says whose). Returns the claims taken; empty when nothing is left.
   */
  async pick(slots: readonly string[], kinds: readonly SlotKind[], owner: string, now: number, leaseMs: number, limit: number): Promise<Claim[]> {
    if (slots.length === 0) return [];
    const distinct = [...new Set(slots)];
    const where = `state = 'claimed' AND lease_until <= ? AND slot IN (${placeholders(distinct.length)}) AND kind IN (${placeholders(kinds.length)})`;
    const params = [now, ...distinct, ...kinds];
    if (this.db.dialect === 'postgres') {
      const rows = await all<RawRow & { prev_owner: string | null }>(
        this.db,
        `WITH picked AS (
           SELECT platform, channel_id, slot, owner AS prev_owner FROM post_ledger WHERE ${where}
           ORDER BY lease_until, channel_id LIMIT ? FOR UPDATE SKIP LOCKED)
         UPDATE post_ledger p SET owner = ?, lease_until = ?, attempts = p.attempts + 1, claimed_at = COALESCE(p.claimed_at, ?)
         FROM picked WHERE p.platform = picked.platform AND p.channel_id = picked.channel_id AND p.slot = picked.slot
         RETURNING p.*, picked.prev_owner`,
        [...params, limit, owner, now + leaseMs, now],
      );
      return rows.map((r) => claimOf(r, channelOf(r), owner, r.prev_owner));
    }
    // SQLite: one writer at a time, so reading then updating in one IMMEDIATE transaction is the same pick.
    return this.db.tx(async (q) => {
      const rows = await all<RawRow>(q, `SELECT * FROM post_ledger WHERE ${where} ORDER BY lease_until, channel_id LIMIT ?`, [...params, limit]);
      const out: Claim[] = [];
      for (const r of rows) {
        const updated = await one<RawRow>(
          q,
          `UPDATE post_ledger SET owner = ?, lease_until = ?, attempts = attempts + 1, claimed_at = COALESCE(claimed_at, ?)
           WHERE platform = ? AND channel_id = ? AND slot = ? RETURNING *`,
          [owner, now + leaseMs, now, r.platform, r.channel_id, r.slot],
        );
        if (updated) out.push(claimOf(updated, channelOf(updated), owner, r.owner));
      }
      return out;
    });
  }

  /**
   * Keeps a claim alive while its post is in flight (a slow platform must never let another
   * process take over a live post): the lease ends no sooner than `until`. False when this owner no
   * longer holds the row (it was taken over, or closed): the caller must not post then.
   */
  async extend(claim: Claim, until: number): Promise<boolean> {
    return (
      (await run(
        this.db,
        `UPDATE post_ledger SET lease_until = ${greatest(this.db.dialect, 'lease_until', '?')}
         WHERE platform = ? AND channel_id = ? AND slot = ? AND state = 'claimed' AND owner = ?`,
        [until, claim.channel.platform, claim.channel.id, claim.slot, claim.owner],
      )) > 0
    );
  }

  /** Records the platform's message id (and the fact base seen, for "what changed since") once the post went out. */
  async markSent(claim: Claim, messageId: string, now: number, opts: { snapshot?: { fingerprint: string; factHashes: Map<string, string>; deal?: string }; detail?: string } = {}): Promise<void> {
    const update = [
      `UPDATE post_ledger SET state = 'sent', message_id = ?, sent_at = ?, owner = ?, last_error = NULL, detail = COALESCE(?, detail)
       WHERE platform = ? AND channel_id = ? AND slot = ?`,
      [messageId, now, claim.owner, opts.detail ?? null, claim.channel.platform, claim.channel.id, claim.slot],
    ] as const;
    if (!opts.snapshot) {
      await run(this.db, ...update);
      return;
    }
    const snapshot = opts.snapshot;
    const snapshotParams = [claim.channel.platform, claim.channel.id, snapshot.fingerprint, JSON.stringify(Object.fromEntries(snapshot.factHashes)), now, snapshot.deal ?? null];
    if (this.db.dialect === 'postgres') {
      // One statement, so one round trip, and as atomic as a transaction.
      await run(
        this.db,
        `WITH sent AS (
           UPDATE post_ledger SET state = 'sent', message_id = ?, sent_at = ?, owner = ?, last_error = NULL, detail = COALESCE(?, detail)
           WHERE platform = ? AND channel_id = ? AND slot = ? RETURNING 1)
         INSERT INTO summary_snapshots (platform, channel_id, fingerprint, fact_hashes, posted_at, deal) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, channel_id) DO UPDATE SET
           fingerprint = excluded.fingerprint, fact_hashes = excluded.fact_hashes, posted_at = excluded.posted_at, deal = excluded.deal`,
        [...update[1], ...snapshotParams],
      );
      return;
    }
    await this.db.tx(async (q) => {
      await run(q, ...update);
      await run(
        q,
        `INSERT INTO summary_snapshots (platform, channel_id, fingerprint, fact_hashes, posted_at, deal) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (platform, channel_id) DO UPDATE SET
           fingerprint = excluded.fingerprint, fact_hashes = excluded.fact_hashes, posted_at = excluded.posted_at, deal = excluded.deal`,
        snapshotParams,
      );
    });
  }

  /** Closes a claimed slot without posting (a slot superseded by a later one, a poll window done). */
  async markSkipped(claim: Claim, now: number, detail?: string): Promise<void> {
    await run(
      this.db,
      `UPDATE post_ledger SET state = 'skipped', owner = NULL, sent_at = ?, detail = ? WHERE platform = ? AND channel_id = ? AND slot = ? AND owner = ?`,
      [now, detail ?? null, claim.channel.platform, claim.channel.id, claim.slot, claim.owner],
    );
  }

  /**
   * Gives a claim back without sending: retried by any scheduler from `retryAt` (now = at once).
   * Only the holder may release, so a claim taken over meanwhile is left alone. `uncount` gives the
   * attempt back too (a claim picked by a replica that does not post this slot).
   */
  async release(claim: Claim, retryAt: number, error?: string, opts: { uncount?: boolean } = {}): Promise<boolean> {
    return (
      (await run(
        this.db,
        `UPDATE post_ledger SET owner = NULL, lease_until = ?, last_error = COALESCE(?, last_error), attempts = attempts - ?
         WHERE platform = ? AND channel_id = ? AND slot = ? AND state = 'claimed' AND owner = ?`,
        [retryAt, error === undefined ? null : scrubSecrets(error), opts.uncount ? 1 : 0, claim.channel.platform, claim.channel.id, claim.slot, claim.owner],
      )) > 0
    );
  }

  /** Gives up on a slot after too many failed attempts. */
  async markFailed(claim: Claim, error: string): Promise<void> {
    await run(
      this.db,
      `UPDATE post_ledger SET state = 'failed', owner = NULL, last_error = ? WHERE platform = ? AND channel_id = ? AND slot = ? AND owner = ?`,
      [scrubSecrets(error), claim.channel.platform, claim.channel.id, claim.slot, claim.owner],
    );
  }

  /** The most recent summary sent by any process (for health). */
  async lastPost(): Promise<LastPost | undefined> {
    return lastPostOf(await one<RawRow>(this.db, `SELECT * FROM post_ledger WHERE state = 'sent' AND kind = 'summary' ORDER BY sent_at DESC LIMIT 1`));
  }

  async lastPostTo(channel: ChannelRef): Promise<LastPost | undefined> {
    return lastPostOf(
      await one<RawRow>(
        this.db,
        `SELECT * FROM post_ledger WHERE state = 'sent' AND kind = 'summary' AND platform = ? AND channel_id = ? ORDER BY sent_at DESC LIMIT 1`,
        [channel.platform, channel.id],
      ),
    );
  }

  /** Rows of a channel of the given kinds, newest claim first (alert history). */
  async history(channel: ChannelRef, kinds: readonly SlotKind[], limit = 10): Promise<LedgerRow[]> {
    const rows = await all<RawRow>(
      this.db,
      `SELECT * FROM post_ledger WHERE platform = ? AND channel_id = ? AND kind IN (${placeholders(kinds.length)})
       ORDER BY COALESCE(claimed_at, sent_at, 0) DESC LIMIT ?`,
      [channel.platform, channel.id, ...kinds, Math.max(1, Math.min(100, limit))],
    );
    return rows.map(toRow);
  }

  /** When the latest live claim of this kind and subject was taken, if after `since` (cooldowns, dry runs). */
  async lastClaimSince(channel: ChannelRef, kind: SlotKind, subject: string | null, since: number): Promise<number | undefined> {
    const r = await one<{ t: number | null }>(
      this.db,
      `SELECT MAX(claimed_at) AS t FROM post_ledger WHERE platform = ? AND channel_id = ? AND kind = ? AND subject IS NOT DISTINCT FROM ?
       AND state IN ('claimed', 'sent') AND claimed_at > ?`,
      [channel.platform, channel.id, kind, subject, since],
    );
    return r?.t ?? undefined;
  }

  /** Drops poll-window rows older than `before` (ms): they only serve to share polling between processes. */
  async prunePolls(before: number): Promise<number> {
    return run(this.db, `DELETE FROM post_ledger WHERE kind = 'poll' AND COALESCE(claimed_at, 0) < ?`, [before]);
  }

  /** The fact bases at the last summary of each of these channels, keyed "platform|channel" (one query per platform). */
  async snapshots(channels: readonly ChannelRef[]): Promise<Map<string, FactSnapshot>> {
    const out = new Map<string, FactSnapshot>();
    const byPlatform = new Map<string, string[]>();
    for (const c of channels) byPlatform.set(c.platform, [...(byPlatform.get(c.platform) ?? []), c.id]);
    for (const [platform, ids] of byPlatform) {
      const rows = await all<SnapshotRow & { channel_id: string }>(
        this.db,
        `SELECT channel_id, fingerprint, fact_hashes, posted_at, deal FROM summary_snapshots WHERE platform = ? AND channel_id IN (${placeholders(ids.length)})`,
        [platform, ...ids],
      );
      for (const r of rows) out.set(`${platform}|${r.channel_id}`, snapshotOf(r));
    }
    return out;
  }

  /** The fact base as it was at this channel's last summary ("what changed since"). */
  async snapshot(channel: ChannelRef): Promise<FactSnapshot | undefined> {
    const r = await one<SnapshotRow>(this.db, 'SELECT fingerprint, fact_hashes, posted_at, deal FROM summary_snapshots WHERE platform = ? AND channel_id = ?', [channel.platform, channel.id]);
    return r ? snapshotOf(r) : undefined;
  }
}

interface SnapshotRow {
  fingerprint: string;
  fact_hashes: string;
  posted_at: number;
  deal: string | null;
}

function snapshotOf(r: SnapshotRow): FactSnapshot {
  return { fingerprint: r.fingerprint, factHashes: JSON.parse(r.fact_hashes) as Record<string, string>, postedAt: new Date(Number(r.posted_at)), ...(r.deal ? { deal: r.deal } : {}) };
}

function channelOf(r: RawRow): ChannelRef {
  return { platform: r.platform as Platform, id: r.channel_id };
}

function claimOf(r: RawRow, channel: ChannelRef, owner: string, previousOwner: string | null | undefined): Claim {
  return {
    slot: r.slot,
    kind: r.kind as SlotKind,
    localDate: r.local_date,
    ...(r.subject ? { subject: r.subject } : {}),
    channel,
    owner,
    attempt: r.attempts,
    claimedAt: r.claimed_at ?? 0,
    ...(r.attempts > 1 || previousOwner ? { takenOverFrom: previousOwner ?? null } : {}),
  };
}
