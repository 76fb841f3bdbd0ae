// Questions that got no facts, kept for the people who curate the base (`dealbot gaps`).
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { Lang } from '../facts/schema.ts';
import { fold } from './clean-text.ts';

const GapLine = z.object({ at: z.string(), query: z.string(), lang: Lang, platform: z.string() });
type GapLine = z.infer<typeof GapLine>;

export interface Gap {
  query: string;
  count: number;
  lastAsked: string;
  langs: Lang[];
}

export class GapLog {
  constructor(readonly path: string) {}

  record(line: GapLine): void {
    mkdirSync(dirname(this.path), { recursive: true });
    appendFileSync(this.path, JSON.stringify({ ...line, query: line.query.slice(0, 200) }) + '\n');
  }

  /** Most-asked first; the same question in other case or accents counts once. */
  list(): Gap[] {
    if (!existsSync(this.path)) return [];
    const groups = new Map<string, Gap>();
    for (const raw of readFileSync(this.path, 'utf8').split('\n')) {
      if (!raw.trim()) continue;
      let parsed: GapLine;
      try {
        parsed = GapLine.parse(JSON.parse(raw));
      } catch {
        continue; // a torn last line after a crash is not worth failing the listing for
      }
      const key = fold(parsed.query).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      const gap = groups.get(key) ?? { query: parsed.query, count: 0, lastAsked: parsed.at, langs: [] };
      gap.count += 1;
      if (parsed.at > gap.lastAsked) gap.lastAsked = parsed.at;
      if (!gap.langs.includes(parsed.lang)) gap.langs.push(parsed.lang);
      groups.set(key, gap);
    }
    return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked));
  }
}
