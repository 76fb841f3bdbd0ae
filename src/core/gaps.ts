// What the people who curate the base should look at (`dealbot gaps`): questions that got no facts
// and answers voted 👎, together, the same question counted once across both, most frequent first.
// Both live in the store (src/store/unanswered.ts, src/store/feedback.ts, injected), shared by every
// replica and scrubbed of secrets.
import { Lang } from '../facts/schema.ts';
import type { DownVote, UnansweredQuestion } from '../records/feedback.ts';
import { fold } from './clean-text.ts';

export type { UnansweredQuestion } from '../records/feedback.ts';

/** Where they are kept (the store's unanswered_questions). */
export interface UnansweredLog {
  record(q: UnansweredQuestion): Promise<void>;
  /** Every recorded question, oldest first. */
  list(): Promise<UnansweredQuestion[]>;
}

/** A 👎 with the answer it is about: what the report reads of the store's DownVote. */
export type DownVoted = Pick<DownVote, 'query' | 'lang' | 'platform' | 'workspace' | 'factIds' | 'baseVersion' | 'deal' | 'comment' | 'votedAt'>;

/** Where 👎 votes are read from. */
export interface DownVoteSource {
  downVotes(filter?: { platform?: string; workspace?: string }): Promise<DownVoted[]>;
}

/** What the answers voted 👎 showed (one per fact-base version and set of facts). */
export interface ShownAnswer {
  factIds: string[];
  version: string;
}

export interface Gap {
  query: string;
  /** The deal it was asked of (when recorded, or given as `unrecordedDeal`): the same words asked of two deals are two gaps. */
  deal?: string;
  /** Times it got no facts plus 👎 votes on its answers: what the list is sorted by. */
  count: number;
  /** Times it got no facts. */
  unanswered: number;
  /** 👎 votes on answers to it (one per user per answer). */
  downVotes: number;
  /** ISO time of the latest question or vote. */
  lastAsked: string;
  langs: Lang[];
  platforms: string[];
  /** What voters said was missing, newest first. */
  comments: string[];
  /** What the 👎'd answers showed. */
  shown: ShownAnswer[];
}

export interface GapFilter {
  platform?: string;
  workspace?: string;
  /** Only what was asked of this deal. */
  deal?: string;
  /**
   * The deal a question or answer recorded without one belongs to: with several deals, the base's
   * default (rows without a deal were recorded while the base held one deal, or by an older version).
   */
  unrecordedDeal?: string;
}

/** The same question in other case, accents or punctuation, asked of the same deal, counts once. */
const keyOf = (query: string, deal: string | undefined) => `${deal ?? ''}|${fold(query).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;

export class GapLog {
  constructor(
    private readonly log: UnansweredLog,
    private readonly feedback?: DownVoteSource,
  ) {}

  record(line: UnansweredQuestion): Promise<void> {
    return this.log.record(line);
  }

  /** Unanswered questions and 👎'd answers together, most frequent first (then the latest). */
  async list(filter: GapFilter = {}): Promise<Gap[]> {
    const groups = new Map<string, Gap>();
    const dealOf = (row: { deal?: string }) => row.deal ?? filter.unrecordedDeal;
    const other = (row: { deal?: string }) => filter.deal !== undefined && dealOf(row) !== filter.deal;
    const gapOf = (query: string, at: string, deal: string | undefined) => {
      const key = keyOf(query, deal);
      let gap = groups.get(key);
      if (!gap) groups.set(key, (gap = { query, ...(deal ? { deal } : {}), count: 0, unanswered: 0, downVotes: 0, lastAsked: at, langs: [], platforms: [], comments: [], shown: [] }));
      if (at > gap.lastAsked) gap.lastAsked = at;
      return gap;
    };
    const seen = (gap: Gap, lang: string, platform: string) => {
      const l = Lang.catch('en').parse(lang);
      if (!gap.langs.includes(l)) gap.langs.push(l);
      if (!gap.platforms.includes(platform)) gap.platforms.push(platform);
    };
    for (const q of await this.log.list()) {
      if ((filter.platform !== undefined && q.platform !== filter.platform) || (filter.workspace !== undefined && (q.workspace ?? '') !== filter.workspace) || other(q)) continue;
      const gap = gapOf(q.query, q.at, dealOf(q));
      gap.count += 1;
      gap.unanswered += 1;
      seen(gap, q.lang, q.platform);
    }
    const where = { ...(filter.platform !== undefined ? { platform: filter.platform } : {}), ...(filter.workspace !== undefined ? { workspace: filter.workspace } : {}) };
    for (const v of (await this.feedback?.downVotes(where)) ?? []) {
      if (other(v)) continue;
      const gap = gapOf(v.query, new Date(v.votedAt).toISOString(), dealOf(v));
      gap.count += 1;
      gap.downVotes += 1;
      seen(gap, v.lang, v.platform);
      if (v.comment) gap.comments.push(v.comment);
      if (!gap.shown.some((s) => s.version === v.baseVersion && s.factIds.join() === v.factIds.join())) gap.shown.push({ factIds: v.factIds, version: v.baseVersion });
    }
    return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked));
  }
}
