// Feedback on answers: each answer shown with 👍 / 👎 is recorded (the question, the facts shown,
// the fact-base version, the deal that answered) under the id its buttons carry; a vote is one row per user per answer,
// replaced when the user votes again, and a 👎 may carry what was missing. Answers nobody voted
// on are pruned after RECORD_TTL_MS. Query text is scrubbed of secrets like every log line.
import { scrubSecrets } from '../config/secrets.ts';
import type { AnswerRecord, DownVote, VoteInput } from '../records/feedback.ts';
import type { HotWrites } from './busy.ts';
import { all, one, run, type SqlDriver, type SqlExecutor } from './sql.ts';
import type { TurnBatch } from './turn-batch.ts';

export type { AnswerRecord, DownVote, VoteInput } from '../records/feedback.ts';

export interface VoteCounts {
  platform: string;
  workspace: string;
  up: number;
  down: number;
}

export interface FeedbackStore {
  /** Keeps an answer its buttons can name. A busy database delays the row, never the answer. */
  record(answer: AnswerRecord): Promise<void>;
  get(id: string): Promise<AnswerRecord | undefined>;
  /** One vote per user per answer: a second vote replaces the first (its comment goes with it). False when the answer is unknown. */
  vote(v: VoteInput): Promise<boolean>;
  /** What was missing, on the user's 👎 of that answer; false when there is no such vote. */
  comment(answerId: string, userId: string, text: string): Promise<boolean>;
  /** Every 👎 with its answer, newest first, optionally for one platform or workspace. */
  downVotes(filter?: { platform?: string; workspace?: string }): Promise<DownVote[]>;
  /** Votes per platform and workspace. */
  counts(): Promise<VoteCounts[]>;
}

/** Longest query and comment kept (characters). */
export const MAX_FEEDBACK_TEXT = 500;
/** Unvoted answers are kept this long (a vote later than this finds nothing). */
export const RECORD_TTL_MS = 30 * 24 * 60 * 60_000;

const clip = (text: string) => scrubSecrets(text.slice(0, MAX_FEEDBACK_TEXT));

interface RecordRow {
  id: string;
  platform: string;
  workspace: string;
  channel_id: string;
  query: string;
  lang: string;
  fact_ids: string;
  base_version: string;
  deal: string | null;
  at: number;
}

const fromRow = (r: RecordRow): AnswerRecord => ({
  id: r.id,
  platform: r.platform,
  workspace: r.workspace,
  channelId: r.channel_id,
  query: r.query,
  lang: r.lang,
  factIds: JSON.parse(r.fact_ids) as string[],
  baseVersion: r.base_version,
  ...(r.deal ? { deal: r.deal } : {}),
  at: Number(r.at),
});

export class SqlFeedbackStore implements FeedbackStore {
  private recorded = 0;

  /** batch: on SQLite, the answers of one event-loop turn recorded in one commit (see TurnBatch). */
  constructor(
    private readonly db: SqlDriver | SqlExecutor,
    private readonly writes?: HotWrites,
    private readonly now: () => number = Date.now,
    private readonly batch?: TurnBatch,
  ) {}

  async record(a: AnswerRecord): Promise<void> {
    const insert = (q: SqlExecutor) =>
      run(
        q,
        `INSERT INTO answer_records (id, platform, workspace, channel_id, query, lang, fact_ids, base_version, deal, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        [a.id, a.platform, a.workspace, a.channelId, clip(a.query), a.lang, JSON.stringify(a.factIds), a.baseVersion, a.deal ?? null, a.at],
      );
    const write = async () => {
      await (this.batch ? this.batch.run(insert) : insert(this.db));
      // Pruned now and then, not on every answer.
      if (++this.recorded % 200 === 1) await this.prune();
    };
    if (this.writes) await this.writes.run('answer record', write);
    else await write();
  }

  /** Drops answers older than RECORD_TTL_MS that nobody voted on. */
  prune(): Promise<number> {
    return run(
      this.db,
      'DELETE FROM answer_records WHERE at < ? AND NOT EXISTS (SELECT 1 FROM feedback_votes v WHERE v.answer_id = answer_records.id)',
      [this.now() - RECORD_TTL_MS],
    );
  }

  async get(id: string): Promise<AnswerRecord | undefined> {
    const r = await one<RecordRow>(this.db, 'SELECT * FROM answer_records WHERE id = ?', [id]);
    return r ? fromRow(r) : undefined;
  }

  async vote(v: VoteInput): Promise<boolean> {
    // The answer's row must exist (a vote on a pruned or unknown answer is refused, not invented).
    const changed = await run(
      this.db,
      `INSERT INTO feedback_votes (answer_id, user_id, platform, workspace, vote, comment, at)
       SELECT ?, ?, ?, ?, ?, NULL, ? WHERE EXISTS (SELECT 1 FROM answer_records WHERE id = ?)
       ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, comment = NULL, at = excluded.at`,
      [v.answerId, v.userId, v.platform, v.workspace, v.vote, v.at, v.answerId],
    );
    return changed > 0;
  }

  async comment(answerId: string, userId: string, text: string): Promise<boolean> {
    const changed = await run(this.db, 'UPDATE feedback_votes SET comment = ? WHERE answer_id = ? AND user_id = ? AND vote = -1', [
      clip(text),
      answerId,
      userId,
    ]);
    return changed > 0;
  }

  async downVotes(filter: { platform?: string; workspace?: string } = {}): Promise<DownVote[]> {
    const where = ['v.vote = -1'];
    const params: string[] = [];
    for (const [column, value] of [['platform', filter.platform], ['workspace', filter.workspace]] as const) {
      if (value === undefined) continue;
      where.push(`v.${column} = ?`);
      params.push(value);
    }
    const rows = await all<RecordRow & { user_id: string; comment: string | null; voted_at: number }>(
      this.db,
      `SELECT a.*, v.user_id, v.comment, v.at AS voted_at FROM feedback_votes v JOIN answer_records a ON a.id = v.answer_id
       WHERE ${where.join(' AND ')} ORDER BY v.at DESC`,
      params,
    );
    return rows.map((r) => {
      const { at, ...rest } = fromRow(r);
      return { ...rest, answeredAt: at, userId: r.user_id, comment: r.comment, votedAt: Number(r.voted_at) };
    });
  }

  async counts(): Promise<VoteCounts[]> {
    const rows = await all<{ platform: string; workspace: string; up: number; down: number }>(
      this.db,
      `SELECT platform, workspace, SUM(CASE WHEN vote = 1 THEN 1 ELSE 0 END) AS up, SUM(CASE WHEN vote = -1 THEN 1 ELSE 0 END) AS down
       FROM feedback_votes GROUP BY platform, workspace ORDER BY platform, workspace`,
    );
    return rows.map((r) => ({ platform: r.platform, workspace: r.workspace, up: Number(r.up), down: Number(r.down) }));
  }
}

/** The same contract in memory (tests, `dealbot ask`): one process, bounded. */
export class MemoryFeedbackStore implements FeedbackStore {
  private readonly answers = new Map<string, AnswerRecord>();
  private readonly votes = new Map<string, VoteInput & { comment: string | null }>();

  constructor(private readonly max = 5_000) {}

  async record(a: AnswerRecord): Promise<void> {
    this.answers.set(a.id, { ...a, query: clip(a.query) });
    for (const id of this.answers.keys()) {
      if (this.answers.size <= this.max) break;
      this.answers.delete(id);
    }
  }

  async get(id: string): Promise<AnswerRecord | undefined> {
    return this.answers.get(id);
  }

  async vote(v: VoteInput): Promise<boolean> {
    if (!this.answers.has(v.answerId)) return false;
    this.votes.set(`${v.answerId}|${v.userId}`, { ...v, comment: null });
    return true;
  }

  async comment(answerId: string, userId: string, text: string): Promise<boolean> {
    const v = this.votes.get(`${answerId}|${userId}`);
    if (!v || v.vote !== -1) return false;
    v.comment = clip(text);
    return true;
  }

  async downVotes(filter: { platform?: string; workspace?: string } = {}): Promise<DownVote[]> {
    const out: DownVote[] = [];
    for (const v of this.votes.values()) {
      const a = this.answers.get(v.answerId);
      if (!a || v.vote !== -1 || (filter.platform !== undefined && v.platform !== filter.platform) || (filter.workspace !== undefined && v.workspace !== filter.workspace)) continue;
      const { at, ...rest } = a;
      out.push({ ...rest, answeredAt: at, userId: v.userId, comment: v.comment, votedAt: v.at });
    }
    return out.sort((x, y) => y.votedAt - x.votedAt);
  }

  async counts(): Promise<VoteCounts[]> {
    const by = new Map<string, VoteCounts>();
    for (const v of this.votes.values()) {
      const key = `${v.platform}|${v.workspace}`;
      const c = by.get(key) ?? { platform: v.platform, workspace: v.workspace, up: 0, down: 0 };
      if (v.vote === 1) c.up++;
      else c.down++;
      by.set(key, c);
    }
    return [...by.values()];
  }
}
