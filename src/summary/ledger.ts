// The post ledger: a row per (channel, local date) claimed inside a write transaction before
// anything is sent. The primary key makes the claim exclusive across processes; the lease lets a
// claim abandoned by a crash be taken over; the message id recorded after sending closes the row.
import type { ChannelRef, Platform } from '../core/command.ts';
import type { Db } from '../store/db.ts';

export type PostState = 'claimed' | 'sent' | 'failed';

export interface LedgerRow {
  platform: Platform;
  channelId: string;
  localDate: string;
  state: PostState;
  owner: string | null;
  leaseUntil: number;
  attempts: number;
  messageId: string | null;
  sentAt: number | null;
  lastError: string | null;
}

export interface Claim {
  channel: ChannelRef;
  localDate: string;
  owner: string;
  attempt: number;
}

export interface LastPost {
  platform: Platform;
  channelId: string;
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
  local_date: string;
  state: string;
  owner: string | null;
  lease_until: number;
  attempts: number;
  message_id: string | null;
  sent_at: number | null;
  last_error: string | null;
}

const toRow = (r: RawRow): LedgerRow => ({
  platform: r.platform as Platform,
  channelId: r.channel_id,
  localDate: r.local_date,
  state: r.state as PostState,
  owner: r.owner,
  leaseUntil: r.lease_until,
  attempts: r.attempts,
  messageId: r.message_id,
  sentAt: r.sent_at,
  lastError: r.last_error,
});

export class PostLedger {
  constructor(private readonly db: Db) {}

  get(channel: ChannelRef, localDate: string): LedgerRow | undefined {
    const r = this.db
      .prepare('SELECT * FROM summary_posts WHERE platform = ? AND channel_id = ? AND local_date = ?')
      .get(channel.platform, channel.id, localDate) as RawRow | undefined;
    return r ? toRow(r) : undefined;
  }

  /** Whether a claim could be taken now (a cheap read before doing any work). */
  claimable(channel: ChannelRef, localDate: string, now: number): boolean {
    const row = this.get(channel, localDate);
    return !row || (row.state === 'claimed' && row.leaseUntil <= now);
  }

  /**
   * Takes the (channel, date) row for `owner` until `now + leaseMs`, or returns undefined when it
   * is sent, failed for good, or held by a live claim. Runs as one IMMEDIATE transaction, so two
   * processes never both get it.
   */
  claim(channel: ChannelRef, localDate: string, owner: string, now: number, leaseMs: number): Claim | undefined {
    return this.db
      .transaction((): Claim | undefined => {
        const row = this.get(channel, localDate);
        if (!row) {
          this.db
            .prepare(
              `INSERT INTO summary_posts (platform, channel_id, local_date, state, owner, lease_until, attempts)
               VALUES (?, ?, ?, 'claimed', ?, ?, 1)`,
            )
            .run(channel.platform, channel.id, localDate, owner, now + leaseMs);
          return { channel, localDate, owner, attempt: 1 };
        }
        if (row.state !== 'claimed' || row.leaseUntil > now) return undefined;
        // An expired claim: its holder crashed, was stopped, or failed and asked for a retry.
        this.db
          .prepare(
            `UPDATE summary_posts SET owner = ?, lease_until = ?, attempts = attempts + 1
             WHERE platform = ? AND channel_id = ? AND local_date = ?`,
          )
          .run(owner, now + leaseMs, channel.platform, channel.id, localDate);
        return { channel, localDate, owner, attempt: row.attempts + 1 };
      })
      .immediate();
  }

  /** Records the platform's message id (and the fact base seen) once the post went out. */
  markSent(claim: Claim, messageId: string, now: number, snapshot?: { fingerprint: string; factHashes: Map<string, string> }): void {
    this.db
      .transaction(() => {
        this.db
          .prepare(
            `UPDATE summary_posts SET state = 'sent', message_id = ?, sent_at = ?, owner = ?, last_error = NULL
             WHERE platform = ? AND channel_id = ? AND local_date = ?`,
          )
          .run(messageId, now, claim.owner, claim.channel.platform, claim.channel.id, claim.localDate);
        if (snapshot) {
          this.db
            .prepare(
              `INSERT INTO summary_snapshots (platform, channel_id, fingerprint, fact_hashes, posted_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (platform, channel_id) DO UPDATE SET
                 fingerprint = excluded.fingerprint, fact_hashes = excluded.fact_hashes, posted_at = excluded.posted_at`,
            )
            .run(claim.channel.platform, claim.channel.id, snapshot.fingerprint, JSON.stringify(Object.fromEntries(snapshot.factHashes)), now);
        }
      })
      .immediate();
  }

  /**
   * Gives a claim back without sending: retried by any scheduler from `retryAt` (now = at once).
   * Only the holder may release, so a claim taken over meanwhile is left alone.
   */
  release(claim: Claim, retryAt: number, error?: string): boolean {
    return (
      this.db
        .prepare(
          `UPDATE summary_posts SET owner = NULL, lease_until = ?, last_error = COALESCE(?, last_error)
           WHERE platform = ? AND channel_id = ? AND local_date = ? AND state = 'claimed' AND owner = ?`,
        )
        .run(retryAt, error ?? null, claim.channel.platform, claim.channel.id, claim.localDate, claim.owner).changes > 0
    );
  }

  /** Gives up on a post for that date after too many failed attempts. */
  markFailed(claim: Claim, error: string): void {
    this.db
      .prepare(
        `UPDATE summary_posts SET state = 'failed', owner = NULL, last_error = ?
         WHERE platform = ? AND channel_id = ? AND local_date = ? AND owner = ?`,
      )
      .run(error, claim.channel.platform, claim.channel.id, claim.localDate, claim.owner);
  }

  /** The most recent post sent by any process (for health). */
  lastPost(): LastPost | undefined {
    const r = this.db
      .prepare(`SELECT * FROM summary_posts WHERE state = 'sent' ORDER BY sent_at DESC LIMIT 1`)
      .get() as RawRow | undefined;
    if (!r || r.sent_at === null) return undefined;
    return { platform: r.platform as Platform, channelId: r.channel_id, localDate: r.local_date, messageId: r.message_id, at: new Date(r.sent_at).toISOString() };
  }

  lastPostTo(channel: ChannelRef): LastPost | undefined {
    const r = this.db
      .prepare(`SELECT * FROM summary_posts WHERE state = 'sent' AND platform = ? AND channel_id = ? ORDER BY sent_at DESC LIMIT 1`)
      .get(channel.platform, channel.id) as RawRow | undefined;
    if (!r || r.sent_at === null) return undefined;
    return { platform: r.platform as Platform, channelId: r.channel_id, localDate: r.local_date, messageId: r.message_id, at: new Date(r.sent_at).toISOString() };
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
