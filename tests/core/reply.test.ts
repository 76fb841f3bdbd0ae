import { describe, expect, it } from 'vitest';
import { fitReply, reply } from '../../src/core/reply.ts';

const item = (text: string, sourceId: string) => ({ text, citation: { sourceId, source: `« ${sourceId} »` } });

describe('reply sources', () => {
  it('numbers sources by first citation, each listed once, without touching what it was built from', () => {
    const input = { kind: 'answer' as const, lang: 'en' as const, title: 'T', items: [item('a', 's2'), item('b', 's1'), item('c', 's2')] };
    const r = reply(input);
    expect(r.items.map((i) => i.citation.ref)).toEqual([1, 2, 1]);
    expect(r.sources.map((s) => [s.ref, s.title])).toEqual([[1, '« s2 »'], [2, '« s1 »']]);
    expect(input.items.every((i) => !('ref' in i.citation))).toBe(true);
  });

  it('renumbers a cut reply on copies: the reply it was cut from keeps its numbers', () => {
    const r = reply({ kind: 'answer', lang: 'en', title: 'T', items: [item('a', 's1'), item('b', 's2'), item('c', 's3')] });
    const cut = fitReply({ ...r, items: [r.items[2]!, r.items[0]!] }, 1);
    expect(cut.items.map((i) => i.citation.ref)).toEqual([1]);
    expect(cut.sources.map((s) => s.title)).toEqual(['« s3 »']);
    expect(cut.omitted).toBe(1);
    expect(r.items.map((i) => i.citation.ref)).toEqual([1, 2, 3]);
  });
});
