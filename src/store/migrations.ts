// The database's schema history. Append a new migration for every change; never edit one that
// has shipped, since databases in the field have already applied it.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'daily summary: subscriptions, post ledger, fact snapshots, quote cache',
    sql: `
      -- One daily-summary subscription per channel.
      CREATE TABLE subscriptions (
        platform     TEXT NOT NULL,
        channel_id   TEXT NOT NULL,
        workspace    TEXT,
        channel_name TEXT,
        time         TEXT NOT NULL,   -- HH:MM local
        timezone     TEXT NOT NULL,   -- IANA
        lang         TEXT NOT NULL,
        created_by   TEXT NOT NULL,
        created_at   INTEGER NOT NULL, -- ms since epoch
        updated_at   INTEGER NOT NULL,
        PRIMARY KEY (platform, channel_id)
      );

      -- The post ledger: one row per (channel, local date), claimed before sending so that a post
      -- goes out once whatever the number of processes, restarts or crashes.
      CREATE TABLE summary_posts (
        platform    TEXT NOT NULL,
        channel_id  TEXT NOT NULL,
        local_date  TEXT NOT NULL,     -- YYYY-MM-DD in the subscription's timezone
        state       TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'failed')),
        owner       TEXT,              -- scheduler holding the claim; NULL when released for a retry
        lease_until INTEGER NOT NULL,  -- a claim older than this may be taken over
        attempts    INTEGER NOT NULL DEFAULT 0,
        message_id  TEXT,
        sent_at     INTEGER,
        last_error  TEXT,
        PRIMARY KEY (platform, channel_id, local_date)
      );
      CREATE INDEX summary_posts_sent_at ON summary_posts (sent_at);

      -- What the fact base looked like at a channel's last summary ("what changed since").
      CREATE TABLE summary_snapshots (
        platform    TEXT NOT NULL,
        channel_id  TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        fact_hashes TEXT NOT NULL,     -- JSON object id -> hash
        posted_at   INTEGER NOT NULL,
        PRIMARY KEY (platform, channel_id)
      );

      -- Last good quote per symbol, shown marked stale when the provider is unavailable.
      CREATE TABLE quote_cache (
        symbol         TEXT PRIMARY KEY,
        provider       TEXT NOT NULL,
        price          REAL NOT NULL,
        change         REAL,
        change_percent REAL,
        previous_close REAL,
        as_of          INTEGER NOT NULL, -- provider's quote time, ms
        fetched_at     INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'delivery: answered messages, answers offered for Share',
    sql: `
      -- Messages already answered (each is answered once, whatever the process): key names the
      -- platform, workspace, channel and message; the row expires after a day.
      CREATE TABLE delivered_messages (
        key        TEXT PRIMARY KEY,
        expires_at INTEGER NOT NULL  -- ms since epoch
      );
      CREATE INDEX delivered_messages_expires_at ON delivered_messages (expires_at);

      -- Answers shown privately with a Share button: pressing it posts exactly this.
      CREATE TABLE shared_answers (
        id         TEXT PRIMARY KEY,
        body       TEXT NOT NULL,    -- the Reply as JSON
        expires_at INTEGER NOT NULL  -- ms since epoch
      );
      CREATE INDEX shared_answers_expires_at ON shared_answers (expires_at);
    `,
  },
];
