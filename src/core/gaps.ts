// Questions that got no facts, kept for the people who curate the base (`dealbot gaps`). They live
// in the store (src/store/unanswered.ts, injected), shared by every replica, scrubbed of secrets.
import { Lang } from '../facts/schema.ts';
import { fold } from './clean-text.ts';

/** One question that got no facts. */
export interface UnansweredQuestion {
  /** ISO time asked. */
  at: string;
  query: string;
  lang: string;
  platform: string;
}

/** Where they are kept (the store's unanswered_questions). */
export interface UnansweredLog {
  record(q: UnansweredQuestion): Promise<void>;
  /** Every recorded question, oldest first. */
  list(): Promise<UnansweredQuestion[]>;
}

export interface Gap {
  query: string;
  count: number;
  lastAsked: string;
  langs: Lang[];
}

export class GapLog {
  constructor(private readonly log: UnansweredLog) {}

  record(line: UnansweredQuestion): Promise<void> {
    return this.log.record(line);
  }

  /** Most-asked first; the same question in other case or accents counts once. */
  async list(): Promise<Gap[]> {
    const groups = new Map<string, Gap>();
    for (const q of await this.log.list()) {
      const lang = Lang.catch('en').parse(q.lang);
      const key = fold(q.query).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      const gap = groups.get(key) ?? { query: q.query, count: 0, lastAsked: q.at, langs: [] };
      gap.count += 1;
      if (q.at > gap.lastAsked) gap.lastAsked = q.at;
      if (!gap.langs.includes(lang)) gap.langs.push(lang);
      groups.set(key, gap);
    }
    return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked));
  }
}
