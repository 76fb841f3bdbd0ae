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
    name: 'several summary times a day, trading calendar per subscription; the post ledger keyed by (channel, slot)',
    sql: `
      -- Subscriptions: several times a day ("09:00,16:30") and a calendar. Existing ones keep
      -- posting every day (what they did before); new ones default to the deal's exchange calendar.
      CREATE TABLE subscriptions_v2 (
        platform      TEXT NOT NULL,
        channel_id    TEXT NOT NULL,
        workspace     TEXT,
        channel_name  TEXT,
        times         TEXT NOT NULL,            -- "HH:MM[,HH:MM…]" local, sorted, distinct
        timezone      TEXT NOT NULL,            -- IANA
        lang          TEXT NOT NULL,
        calendar      TEXT NOT NULL,            -- an exchange (MIC, e.g. XNYS) or 'days' (calendar days)
        work_days     TEXT NOT NULL DEFAULT '1234567', -- ISO weekdays posted on with calendar 'days' (1 = Monday)
        closed_notice INTEGER NOT NULL DEFAULT 0, -- 1: a one-line "markets closed" post on exchange holidays
        created_by    TEXT NOT NULL,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        PRIMARY KEY (platform, channel_id)
      );
      INSERT INTO subscriptions_v2 (platform, channel_id, workspace, channel_name, times, timezone, lang, calendar, created_by, created_at, updated_at)
        SELECT platform, channel_id, workspace, channel_name, time, timezone, lang, 'days', created_by, created_at, updated_at FROM subscriptions;

      -- The ledger: one row per (channel, slot), claimed before anything is sent. A slot is a
      -- summary time on a local date ("2026-04-01 09:00"), an alert's cooldown window, or a
      -- poll window; the primary key makes each claim exclusive across processes.
      CREATE TABLE post_ledger (
        platform    TEXT NOT NULL,
        channel_id  TEXT NOT NULL,
        slot        TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('summary', 'closed-notice', 'price-alert', 'fact-alert', 'poll')),
        local_date  TEXT NOT NULL,      -- YYYY-MM-DD the slot belongs to
        subject     TEXT,               -- the ticker of a price alert
        state       TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'failed', 'skipped')),
        owner       TEXT,
        lease_until INTEGER NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        claimed_at  INTEGER,            -- first claim, ms (cooldowns count from it)
        message_id  TEXT,
        sent_at     INTEGER,
        last_error  TEXT,
        detail      TEXT,               -- one line saying what was posted (alert history)
        PRIMARY KEY (platform, channel_id, slot)
      );
      -- Each old (channel, date) row becomes the slot of the channel's time that day.
      INSERT INTO post_ledger (platform, channel_id, slot, kind, local_date, state, owner, lease_until, attempts, claimed_at, message_id, sent_at, last_error)
        SELECT p.platform, p.channel_id, p.local_date || ' ' || COALESCE(s.time, '00:00'), 'summary', p.local_date,
               p.state, p.owner, p.lease_until, p.attempts, p.sent_at, p.message_id, p.sent_at, p.last_error
        FROM summary_posts p LEFT JOIN subscriptions s ON s.platform = p.platform AND s.channel_id = p.channel_id;
      DROP TABLE summary_posts;
      DROP TABLE subscriptions;
      ALTER TABLE subscriptions_v2 RENAME TO subscriptions;
      CREATE INDEX post_ledger_sent_at ON post_ledger (sent_at);
      CREATE INDEX post_ledger_kind ON post_ledger (platform, channel_id, kind, claimed_at);
    `,
  },
  {
    version: 3,
    name: 'alerts: price-move and fact-change rules per channel; exchange holidays from the data provider',
    sql: `
      CREATE TABLE alert_rules (
        platform      TEXT NOT NULL,
        channel_id    TEXT NOT NULL,
        workspace     TEXT,
        kind          TEXT NOT NULL CHECK (kind IN ('price', 'facts')),
        subject       TEXT NOT NULL,     -- the ticker; '*' for fact-change alerts
        threshold_pct REAL,              -- price: a move of at least this many % since the last close
        direction     TEXT NOT NULL DEFAULT 'both' CHECK (direction IN ('both', 'up', 'down')),
        cooldown_ms   INTEGER,           -- NULL: one per trading day
        lang          TEXT NOT NULL,
        timezone      TEXT NOT NULL,
        baseline      TEXT,              -- facts: JSON id -> hash of the facts this channel was told about
        created_by    TEXT NOT NULL,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        PRIMARY KEY (platform, channel_id, kind, subject)
      );

      -- Exchange holidays and early closes as the data provider lists them (cached, refreshed daily).
      CREATE TABLE market_holidays (
        exchange      TEXT NOT NULL,     -- MIC, e.g. XNYS
        date          TEXT NOT NULL,     -- YYYY-MM-DD, exchange local
        name          TEXT NOT NULL,
        trading_hours TEXT,              -- NULL: closed all day; "09:30-13:00": an early close
        source        TEXT NOT NULL,
        fetched_at    INTEGER NOT NULL,
        PRIMARY KEY (exchange, date)
      );
    `,
  },
  {
    version: 4,
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
