// The database's schema history, for both dialects: each version has its SQLite statements (`sql`)
// and the same change for PostgreSQL (`postgres`). Append a new migration for every change; never
// edit one that has shipped, since databases in the field have already applied it. Times are ms
// since the epoch (INTEGER on SQLite, BIGINT on PostgreSQL); 0/1 flags stay integers on both.
export interface Migration {
  version: number;
  name: string;
  /** SQLite statements. */
  sql: string;
  /** The same change on PostgreSQL. */
  postgres?: string;
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
    postgres: `
      CREATE TABLE subscriptions (
        platform TEXT NOT NULL, channel_id TEXT NOT NULL, workspace TEXT, channel_name TEXT,
        time TEXT NOT NULL, timezone TEXT NOT NULL, lang TEXT NOT NULL, created_by TEXT NOT NULL,
        created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
        PRIMARY KEY (platform, channel_id)
      );
      CREATE TABLE summary_posts (
        platform TEXT NOT NULL, channel_id TEXT NOT NULL, local_date TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'failed')),
        owner TEXT, lease_until BIGINT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
        message_id TEXT, sent_at BIGINT, last_error TEXT,
        PRIMARY KEY (platform, channel_id, local_date)
      );
      CREATE INDEX summary_posts_sent_at ON summary_posts (sent_at);
      CREATE TABLE summary_snapshots (
        platform TEXT NOT NULL, channel_id TEXT NOT NULL, fingerprint TEXT NOT NULL,
        fact_hashes TEXT NOT NULL, posted_at BIGINT NOT NULL,
        PRIMARY KEY (platform, channel_id)
      );
      CREATE TABLE quote_cache (
        symbol TEXT PRIMARY KEY, provider TEXT NOT NULL, price DOUBLE PRECISION NOT NULL,
        change DOUBLE PRECISION, change_percent DOUBLE PRECISION, previous_close DOUBLE PRECISION,
        as_of BIGINT NOT NULL, fetched_at BIGINT NOT NULL
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
    postgres: `
      CREATE TABLE subscriptions_v2 (
        platform TEXT NOT NULL, channel_id TEXT NOT NULL, workspace TEXT, channel_name TEXT,
        times TEXT NOT NULL, timezone TEXT NOT NULL, lang TEXT NOT NULL, calendar TEXT NOT NULL,
        work_days TEXT NOT NULL DEFAULT '1234567', closed_notice INTEGER NOT NULL DEFAULT 0,
        created_by TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
        PRIMARY KEY (platform, channel_id)
      );
      INSERT INTO subscriptions_v2 (platform, channel_id, workspace, channel_name, times, timezone, lang, calendar, created_by, created_at, updated_at)
        SELECT platform, channel_id, workspace, channel_name, time, timezone, lang, 'days', created_by, created_at, updated_at FROM subscriptions;
      CREATE TABLE post_ledger (
        platform TEXT NOT NULL, channel_id TEXT NOT NULL, slot TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('summary', 'closed-notice', 'price-alert', 'fact-alert', 'poll')),
        local_date TEXT NOT NULL, subject TEXT,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'failed', 'skipped')),
        owner TEXT, lease_until BIGINT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, claimed_at BIGINT,
        message_id TEXT, sent_at BIGINT, last_error TEXT, detail TEXT,
        PRIMARY KEY (platform, channel_id, slot)
      );
      INSERT INTO post_ledger (platform, channel_id, slot, kind, local_date, state, owner, lease_until, attempts, claimed_at, message_id, sent_at, last_error)
        SELECT p.platform, p.channel_id, p.local_date || ' ' || COALESCE(s.time, '00:00'), 'summary', p.local_date,
               p.state, p.owner, p.lease_until, p.attempts, p.sent_at, p.message_id, p.sent_at, p.last_error
        FROM summary_posts p LEFT JOIN subscriptions s ON s.platform = p.platform AND s.channel_id = p.channel_id;
      DROP TABLE summary_posts;
      DROP TABLE subscriptions;
      ALTER TABLE subscriptions_v2 RENAME TO subscriptions;
      ALTER TABLE subscriptions RENAME CONSTRAINT subscriptions_v2_pkey TO subscriptions_pkey;
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
    postgres: `
      CREATE TABLE alert_rules (
        platform TEXT NOT NULL, channel_id TEXT NOT NULL, workspace TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('price', 'facts')), subject TEXT NOT NULL,
        threshold_pct DOUBLE PRECISION,
        direction TEXT NOT NULL DEFAULT 'both' CHECK (direction IN ('both', 'up', 'down')),
        cooldown_ms BIGINT, lang TEXT NOT NULL, timezone TEXT NOT NULL, baseline TEXT,
        created_by TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
        PRIMARY KEY (platform, channel_id, kind, subject)
      );
      CREATE TABLE market_holidays (
        exchange TEXT NOT NULL, date TEXT NOT NULL, name TEXT NOT NULL, trading_hours TEXT,
        source TEXT NOT NULL, fetched_at BIGINT NOT NULL,
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
    postgres: `
      CREATE TABLE delivered_messages (key TEXT PRIMARY KEY, expires_at BIGINT NOT NULL);
      CREATE INDEX delivered_messages_expires_at ON delivered_messages (expires_at);
      CREATE TABLE shared_answers (id TEXT PRIMARY KEY, body TEXT NOT NULL, expires_at BIGINT NOT NULL);
      CREATE INDEX shared_answers_expires_at ON shared_answers (expires_at);
    `,
  },
  {
    version: 5,
    name: 'shared between replicas: who holds a message being answered, rate-limit buckets, unanswered questions, leases',
    sql: `
      -- A message is first held by the replica answering it (holder, expires_at = end of the
      -- hold), then kept as answered for a day (holder NULL). Rows from version 4 are answered ones.
      ALTER TABLE delivered_messages ADD COLUMN holder TEXT;

      -- Token buckets of the rate limits when several processes share the store.
      CREATE TABLE rate_buckets (
        key           TEXT PRIMARY KEY,  -- "u|platform|workspace|user" or "c|platform|workspace|channel"
        tokens        REAL NOT NULL,
        at            INTEGER NOT NULL,  -- last refill, ms
        noticed_until INTEGER NOT NULL DEFAULT 0 -- the user was told they are limited until then
      );

      -- Questions that got no facts (dealbot gaps); text already scrubbed of secrets.
      CREATE TABLE unanswered_questions (
        id       INTEGER PRIMARY KEY AUTOINCREMENT,
        at       TEXT NOT NULL,          -- ISO time asked
        query    TEXT NOT NULL,
        lang     TEXT NOT NULL,
        platform TEXT NOT NULL
      );
      CREATE INDEX unanswered_questions_at ON unanswered_questions (at);

      -- Named leases: one holder at a time (the Discord gateway runs in one replica).
      CREATE TABLE leases (
        name       TEXT PRIMARY KEY,
        holder     TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );

      -- Replicas pick open ledger rows by state and lease.
      CREATE INDEX post_ledger_open ON post_ledger (state, lease_until);
    `,
    postgres: `
      ALTER TABLE delivered_messages ADD COLUMN holder TEXT;
      CREATE TABLE rate_buckets (
        key TEXT PRIMARY KEY, tokens DOUBLE PRECISION NOT NULL, at BIGINT NOT NULL, noticed_until BIGINT NOT NULL DEFAULT 0
      );
      CREATE TABLE unanswered_questions (
        id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, query TEXT NOT NULL, lang TEXT NOT NULL, platform TEXT NOT NULL
      );
      CREATE INDEX unanswered_questions_at ON unanswered_questions (at);
      CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at BIGINT NOT NULL);
      CREATE INDEX post_ledger_open ON post_ledger (state, lease_until);
    `,
  },
  {
    version: 6,
    name: 'signed requests already seen (replay protection shared by replicas); the write probe',
    sql: `
      -- A signed request (Slack's v0 signature, Discord's Ed25519 one) seen once is refused if it
      -- comes again before expires_at: replicas agree through this table.
      CREATE TABLE seen_requests (
        key        TEXT PRIMARY KEY,   -- "<platform>:<signature>"
        expires_at INTEGER NOT NULL    -- ms since epoch
      );
      CREATE INDEX seen_requests_expires_at ON seen_requests (expires_at);

      -- Each process writes its row here now and then: a store that cannot be written is found
      -- before a summary is lost to it (/healthz turns 503).
      CREATE TABLE store_probe (
        replica TEXT PRIMARY KEY,
        at      INTEGER NOT NULL       -- ms since epoch
      );
    `,
    postgres: `
      CREATE TABLE seen_requests (key TEXT PRIMARY KEY, expires_at BIGINT NOT NULL);
      CREATE INDEX seen_requests_expires_at ON seen_requests (expires_at);
      CREATE TABLE store_probe (replica TEXT PRIMARY KEY, at BIGINT NOT NULL);
    `,
  },
  // Migrations apply by version, each once: a database made at 8 on a branch without 6 gets 6 when it
  // upgrades (6, 7 and 8 share no table).
  {
    version: 7,
    name: 'issue 15: feedback on answers, follow-up context per thread, language settings, Slack installations (OAuth)',
    sql: `
      -- Answers shown with feedback buttons: what a vote is about (the question, the facts shown in
      -- order, the fact-base version). Kept while votes point at them; unvoted ones are pruned.
      CREATE TABLE answer_records (
        id           TEXT PRIMARY KEY,
        platform     TEXT NOT NULL,
        workspace    TEXT NOT NULL DEFAULT '',
        channel_id   TEXT NOT NULL,
        query        TEXT NOT NULL,     -- scrubbed of secrets
        lang         TEXT NOT NULL,
        fact_ids     TEXT NOT NULL,     -- JSON array, in the order shown
        base_version TEXT NOT NULL,
        deal         TEXT,              -- the deal that answered when the base holds several; NULL: its only deal
        at           INTEGER NOT NULL   -- ms since epoch
      );
      CREATE INDEX answer_records_at ON answer_records (at);

      -- One vote per user per answer: voting again replaces it; 👎 may carry "what was missing".
      CREATE TABLE feedback_votes (
        answer_id TEXT NOT NULL REFERENCES answer_records (id) ON DELETE CASCADE,
        user_id   TEXT NOT NULL,
        platform  TEXT NOT NULL,
        workspace TEXT NOT NULL DEFAULT '',
        vote      INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        comment   TEXT,
        at        INTEGER NOT NULL,
        PRIMARY KEY (answer_id, user_id)
      );
      CREATE INDEX feedback_votes_vote ON feedback_votes (vote, at);

      -- What a thread (or reply chain) was about, so a follow-up in it is read in context; expires.
      CREATE TABLE thread_contexts (
        key        TEXT PRIMARY KEY,    -- platform, workspace, channel and thread
        body       TEXT NOT NULL,       -- JSON
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX thread_contexts_expires_at ON thread_contexts (expires_at);

      -- Language chosen with /deal lang: per user, or for a workspace ('*').
      CREATE TABLE user_settings (
        platform   TEXT NOT NULL,
        workspace  TEXT NOT NULL DEFAULT '',
        user_id    TEXT NOT NULL,
        lang       TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (platform, workspace, user_id)
      );

      -- A platform's installations in many workspaces (Slack OAuth), their tokens encrypted.
      CREATE TABLE installations (
        platform      TEXT NOT NULL,
        id            TEXT NOT NULL,    -- the team id, or the enterprise id of an org-wide install
        team_id       TEXT,
        enterprise_id TEXT,
        body          TEXT NOT NULL,    -- encrypted by the platform's adapter
        installed_at  INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        PRIMARY KEY (platform, id)
      );

      -- Unanswered questions per workspace and deal (dealbot gaps --workspace, --deal); deal as in answer_records.
      ALTER TABLE unanswered_questions ADD COLUMN workspace TEXT;
      ALTER TABLE unanswered_questions ADD COLUMN deal TEXT;
    `,
    postgres: `
      CREATE TABLE answer_records (
        id TEXT PRIMARY KEY, platform TEXT NOT NULL, workspace TEXT NOT NULL DEFAULT '', channel_id TEXT NOT NULL,
        query TEXT NOT NULL, lang TEXT NOT NULL, fact_ids TEXT NOT NULL, base_version TEXT NOT NULL, deal TEXT, at BIGINT NOT NULL
      );
      CREATE INDEX answer_records_at ON answer_records (at);
      CREATE TABLE feedback_votes (
        answer_id TEXT NOT NULL REFERENCES answer_records (id) ON DELETE CASCADE, user_id TEXT NOT NULL,
        platform TEXT NOT NULL, workspace TEXT NOT NULL DEFAULT '', vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        comment TEXT, at BIGINT NOT NULL, PRIMARY KEY (answer_id, user_id)
      );
      CREATE INDEX feedback_votes_vote ON feedback_votes (vote, at);
      CREATE TABLE thread_contexts (key TEXT PRIMARY KEY, body TEXT NOT NULL, expires_at BIGINT NOT NULL);
      CREATE INDEX thread_contexts_expires_at ON thread_contexts (expires_at);
      CREATE TABLE user_settings (
        platform TEXT NOT NULL, workspace TEXT NOT NULL DEFAULT '', user_id TEXT NOT NULL, lang TEXT NOT NULL,
        updated_at BIGINT NOT NULL, PRIMARY KEY (platform, workspace, user_id)
      );
      CREATE TABLE installations (
        platform TEXT NOT NULL, id TEXT NOT NULL, team_id TEXT, enterprise_id TEXT, body TEXT NOT NULL,
        installed_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (platform, id)
      );
      ALTER TABLE unanswered_questions ADD COLUMN workspace TEXT;
      ALTER TABLE unanswered_questions ADD COLUMN deal TEXT;
    `,
  },
  {
    version: 8,
    name: 'several deals: each channel’s deal (/deal use); subscriptions, alert rules and summary snapshots name theirs',
    sql: `
      -- The deal a channel asks about, set by an admin with /deal use <deal>.
      CREATE TABLE channel_deals (
        platform   TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        workspace  TEXT,
        deal       TEXT NOT NULL,     -- a deal id: the folder facts/<deal>/
        set_by     TEXT NOT NULL,
        set_at     INTEGER NOT NULL,  -- ms since epoch
        PRIMARY KEY (platform, channel_id)
      );

      -- NULL: the channel's deal when each summary goes out (every subscription made before deals).
      ALTER TABLE subscriptions ADD COLUMN deal TEXT;
      -- NULL: the channel's deal (rules set before deals); set: the deal the rule was set in.
      ALTER TABLE alert_rules ADD COLUMN deal TEXT;
      -- The deal a channel's last summary was about: "what changed since" compares within one deal.
      ALTER TABLE summary_snapshots ADD COLUMN deal TEXT;
    `,
    postgres: `
      CREATE TABLE channel_deals (
        platform TEXT NOT NULL, channel_id TEXT NOT NULL, workspace TEXT, deal TEXT NOT NULL,
        set_by TEXT NOT NULL, set_at BIGINT NOT NULL,
        PRIMARY KEY (platform, channel_id)
      );
      ALTER TABLE subscriptions ADD COLUMN deal TEXT;
      ALTER TABLE alert_rules ADD COLUMN deal TEXT;
      ALTER TABLE summary_snapshots ADD COLUMN deal TEXT;
    `,
  },
];
