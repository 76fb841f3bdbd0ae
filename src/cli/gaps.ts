// `dealbot gaps`: questions that got no facts, most asked first.
import { GapLog } from '../core/gaps.ts';
import type { Io } from './io.ts';

export function listGaps(path: string, io: Io, opts: { json?: boolean; limit?: number } = {}): number {
  const gaps = new GapLog(path).list().slice(0, opts.limit ?? 50);
  if (opts.json) {
    io.stdout(JSON.stringify(gaps));
    return 0;
  }
  if (gaps.length === 0) {
    io.stdout(`No unanswered questions recorded in ${path}.`);
    return 0;
  }
  for (const g of gaps) io.stdout(`${String(g.count).padStart(5)}  ${g.query}  (last ${g.lastAsked}, ${g.langs.join('/')})`);
  return 0;
}
