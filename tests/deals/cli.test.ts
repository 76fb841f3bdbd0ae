// Several deals from the command line, as a curator and a console user run it (a separate process,
// real files): facts check per deal, the draft of a new deal's article, the console keeping its
// channel's deal in the store, explain and summary per deal, a DEFAULT_DEAL the base lacks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runDealbot, type Run } from '../helpers/process.ts';
import { NORTHWIND_DEAL, SECOND, shipped, twoDealFacts } from '../helpers/deals.ts';
import { readFileSync } from 'node:fs';

const tmp = mkdtempSync(join(tmpdir(), 'dealbot-deals-cli-'));
const facts = twoDealFacts();
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  facts.cleanup();
});

function dealbot(args: string[], opts: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return runDealbot(args, { ...opts, env: { GAPS_LOG: join(tmp, 'gaps.jsonl'), DATABASE_PATH: join(tmp, 'dealbot.db'), FACTS_DIR: facts.dir, ...opts.env } });
}

describe('several deals on the command line', () => {
  it('facts check gives the whole base, then each deal', async () => {
    const r = await dealbot(['facts', 'check']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const s = shipped();
    expect(lines[0]).toMatch(new RegExp(`^\\S+facts: 2 deals, ${s.facts.length + 10} facts — OK \\(version [0-9a-f]{16}\\)$`));
    // The fixture deal's own 4 parties and 2 topics beside the shared ones.
    expect(lines[1]).toMatch(new RegExp(`^ {2}northwind-kestrel: 10 facts, 1 source\\(s\\), ${s.topics.size + 2} topics, ${s.parties.size + 4} parties \\(version [0-9a-f]{16}\\)$`));
    expect(lines[2]).toBe(`  openai-nvidia: ${s.facts.length} facts, 1 source(s), ${s.topics.size} topics, ${s.parties.size} parties (version ${s.fingerprint})`);
  });

  it('facts draft --deal tells a new deal to add its deal file, and drafts what the reviewed deal keeps', async () => {
    const fresh = await dealbot(['facts', 'draft', 'tests/fixtures/northwind/article.txt', '--deal', SECOND, '--source-id', 'northwind-kestrel-article'], { env: { FACTS_DIR: 'facts' } });
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain(`# The base has no deal "${SECOND}" yet: add facts/${SECOND}/deal.yaml (a deal: entry) and list "northwind-kestrel-article" in its sources.`);
    const known = await dealbot(['facts', 'draft', 'tests/fixtures/northwind/article.txt', '--deal', SECOND, '--source-id', 'northwind-kestrel-article']);
    expect(known.stdout).toContain(`# List "northwind-kestrel-article" in the sources of facts/${SECOND}/deal.yaml.`);
    // Every fact of the reviewed fixture deal comes from a drafted candidate: its excerpt lies within one.
    const draft = parse(known.stdout) as { facts: { id: string; review: boolean; citation: { excerpt: string } }[] };
    expect(draft.facts).toHaveLength(10);
    expect(draft.facts.every((f) => f.review && f.id.startsWith(`${SECOND}-`))).toBe(true);
    const reviewed = parse(readFileSync(join(NORTHWIND_DEAL, 'article.yaml'), 'utf8')) as { facts: { id: string; citation: { excerpt: string } }[] };
    for (const f of reviewed.facts) expect(draft.facts.some((c) => c.citation.excerpt.includes(f.citation.excerpt)), f.id).toBe(true);
  });

  it('the console keeps its channel’s deal in the store: /deal use, then /deal, in this run and the next', async () => {
    const first = await dealbot(['ask'], { input: `/deal use ${SECOND}\n/deal\n` });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('This channel now asks about Northwind–Kestrel acquisition (northwind-kestrel).');
    expect(first.stdout).toMatch(/The deal at a glance\n=+\nDeal: Northwind–Kestrel acquisition\n/);
    expect(first.stdout).toContain('up to $640 million');
    const next = await dealbot(['ask', '--json', '/deal']);
    expect(JSON.parse(next.stdout)).toMatchObject({ kind: 'answer', deal: { id: SECOND, name: 'Northwind–Kestrel acquisition' } });
    const named = await dealbot(['ask', '--json', 'how much will Nvidia invest?']);
    expect(JSON.parse(named.stdout)).toMatchObject({ kind: 'answer', deal: { id: 'openai-nvidia' } });
    await dealbot(['ask'], { input: '/deal use reset\n' });
  });

  it('explain and summary take a deal, or find it in the question', async () => {
    const explained = await dealbot(['explain', 'how much is Northwind paying?']);
    expect(explained.stdout.split('\n')[0]).toBe('deal       northwind-kestrel (the question names it)');
    expect(explained.stdout).toMatch(/decision {3}ANSWERED/);
    const summary = await dealbot(['summary', '--deal', SECOND, '--at', '2027-03-10T15:00:00Z']);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/^Daily deal summary — Wednesday, 10 March 2027\n=+\nDeal: Northwind–Kestrel acquisition\n/);
    expect(summary.stdout).toContain('Kestrel Freight (KSTF) at the announcement');
    const unknown = await dealbot(['summary', '--deal', 'acme']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no deal "acme" in this base; its deals: northwind-kestrel, openai-nvidia');
  });

  it('refuses to start with a DEFAULT_DEAL the base does not hold, naming the variable and the deals', async () => {
    const r = await dealbot(['start'], { env: { DEFAULT_DEAL: 'openai-nvidia,T0123=acme' }, input: '' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DEFAULT_DEAL: no deal "acme" in');
    expect(r.stderr).toContain('its deals: northwind-kestrel, openai-nvidia');
    const bad = await dealbot(['start'], { env: { DEFAULT_DEAL: 'Not An Id' }, input: '' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('DEFAULT_DEAL: "Not An Id" is not a deal id');
  });
});
