// The dealbot command as a user runs it: a separate process, real files, exit codes.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runDealbot, type Run } from './helpers/process.ts';
import { FAKE_SLACK_BOT_TOKEN } from './helpers/fake-tokens.ts';

const tmp = mkdtempSync(join(tmpdir(), 'dealbot-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** `dealbot <args>` as a user runs it; questions without facts go to this test's own store. */
function dealbot(args: string[], opts: { input?: string; env?: Record<string, string>; script?: string } = {}): Promise<Run> {
  return runDealbot(args, { ...opts, env: { GAPS_LOG: join(tmp, 'gaps.jsonl'), DATABASE_PATH: join(tmp, 'dealbot.db'), ...opts.env } });
}

describe('dealbot ask', () => {
  it('answers once with --json: query, lang and cited items', async () => {
    const r = await dealbot(['ask', '--json', '/deal energy']);
    expect(r.code).toBe(0);
    const reply = JSON.parse(r.stdout);
    expect(reply).toMatchObject({ query: 'energy', lang: 'en', kind: 'answer' });
    expect(reply.items.length).toBeGreaterThan(1);
    for (const item of reply.items) {
      expect(item.factId).toEqual(expect.any(String));
      expect(item.text.length).toBeGreaterThan(10);
      expect(item.citation).toMatchObject({ source: expect.stringContaining('OpenAI et Nvidia'), ref: 1, section: expect.any(String) });
    }
    expect(reply.items.map((i: { text: string }) => i.text).join(' ')).toMatch(/10 GW|10 gigawatts/);
  });

  it('keeps /deal lang for the console user across runs, as npm start does', async () => {
    const env = { DATABASE_PATH: join(tmp, 'lang.db') };
    expect((await dealbot(['ask', '/deal lang fr'], { env })).stdout).toMatch(/^Langue/);
    expect((await dealbot(['ask', '--json', '/deal'], { env })).stdout).toContain('"lang":"fr"');
    const console = await dealbot(['start'], { env, input: '/deal\n' });
    expect(console.stdout).toMatch(/L’accord en bref/);
    await dealbot(['ask', '/deal lang auto'], { env });
    expect((await dealbot(['ask', '--json', '/deal'], { env })).stdout).toContain('"lang":"en"');
  });

  it('answers each stdin line when given no text, one JSON object per line', async () => {
    const r = await dealbot(['ask', '--json'], { input: 'timeline\nquand commence la première phase ?\n\ntesla\n' });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.query, l.lang, l.kind])).toEqual([
      ['timeline', 'en', 'answer'],
      ['quand commence la première phase ?', 'fr', 'answer'],
      ['tesla', 'en', 'no-facts'],
    ]);
  });

  it('prints the console form with citations under each item', async () => {
    const r = await dealbot(['ask', '--render', 'text', 'energy']);
    expect(r.code).toBe(0);
    const bullets = r.stdout.split('\n').filter((l) => l.startsWith('• '));
    const cites = r.stdout.split('\n').filter((l) => /^ {2}↳ \[1\] § \S/.test(l));
    expect(bullets.length).toBeGreaterThan(1);
    expect(cites).toHaveLength(bullets.length);
    // The source once, at the end, under its number.
    expect(r.stdout.split('OpenAI et Nvidia')).toHaveLength(2);
    expect(r.stdout).toMatch(/\nSources\n {2}\[1\] « OpenAI et Nvidia/);
  });

  it('exits 1 on bad usage', async () => {
    expect((await dealbot(['ask', '--render', 'fax', 'x'])).code).toBe(1);
    expect((await dealbot(['ask', '--lang', 'de', 'x'])).code).toBe(1);
    expect((await dealbot(['frobnicate'])).code).toBe(1);
  });

  it('dealbot explain says why a refused question was refused, and which facts are shown as the closest', async () => {
    const r = await dealbot(['explain', 'which month does the first phase start?']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^decision   REFUSED: facts speak to the question, but none gives what it asks for \(a date to the month[;)]/m);
    expect(r.stdout).toMatch(/^closest    timeline-first-phase-h2-2026/m);
  });

  it('exits 1 on bad usage of the other commands too, saying what is wrong', async () => {
    const gaps = await dealbot(['gaps', '--limit', 'abc']);
    expect([gaps.code, gaps.stderr]).toEqual([1, expect.stringContaining('--limit must be a whole number above 0')]);
    expect((await dealbot(['explain'])).code).toBe(1);
    expect((await dealbot(['facts', 'frobnicate'])).code).toBe(1);
    expect((await dealbot(['env', '--json'])).code).toBe(1);
    const summary = await dealbot(['summary', '--force']);
    expect([summary.code, summary.stderr]).toEqual([1, expect.stringContaining('--force only goes with --post')]);
  });
});

describe('dealbot facts check', () => {
  it('prints a one-line count for the shipped base', async () => {
    const r = await dealbot(['facts', 'check']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/\d+ facts/);
  });

  it('prints every problem with file and line, exits 1, and the bot refuses to start', async () => {
    const dir = join(tmp, 'broken');
    cpSync(join(ROOT, 'facts'), dir, { recursive: true });
    const file = join(dir, 'openai-nvidia', 'energy.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const unitLine = lines.findIndex((l) => /^\s+unit: GW/.test(l));
    lines.splice(unitLine, 1); // a figure without unit
    writeFileSync(file, lines.join('\n'));
    writeFileSync(join(dir, 'extra.yaml'), 'facts:\n  - id: Bad Id\n');

    const r = await dealbot(['facts', 'check', '--facts', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`energy\\.yaml:${unitLine}\\b.*figures\\[0\\]\\.unit: Required`));
    expect(r.stderr).toMatch(/extra\.yaml:2 facts\[0\]/);

    const started = await dealbot(['start'], { env: { FACTS_DIR: dir } });
    expect(started.code).toBe(1);
    expect(started.stderr).toMatch(/will not start/);
  });
});

describe('dealbot facts check: faithfulness', () => {
  it('refuses an invented excerpt, naming file, line and field', async () => {
    const r = await dealbot(['facts', 'check', '--facts', 'tests/fixtures/broken-invented-excerpt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^tests\/fixtures\/broken-invented-excerpt\/facts\.yaml:11 facts\[0\]\.citation\.excerpt: not found verbatim in tests\/fixtures\/aurora\/article\.txt/m);
  });

  it('says in its summary which sources it could not check (no local file)', async () => {
    const r = await dealbot(['facts', 'check', '--facts', 'tests/fixtures/engine-base']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/OK \(version [0-9a-f]+\); excerpts and quotes not checked for 1 source\(s\) without a local file: article \(15 facts\)/);
  });
});

describe('dealbot facts draft', () => {
  it('writes a draft from an HTML article; facts check refuses it until reviewed; --out is not overwritten', async () => {
    const dir = join(tmp, 'aurora');
    cpSync(join(ROOT, 'tests/fixtures/aurora/base'), dir, { recursive: true });
    const out = join(dir, 'draft.yaml');
    const args = ['facts', 'draft', 'tests/fixtures/aurora/article.html', '--deal', 'aurora-lumen', '--out', out, '--facts', dir];
    const r = await dealbot(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^drafted 12 candidate fact\(s\) from tests\/fixtures\/aurora\/article\.html \(fr, 2 with a gap in the source\) into .*draft\.yaml/);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toMatch(/^# deal: aurora-lumen/m);
    expect(yaml.match(/^ {4}review: true$/gm)).toHaveLength(12);

    const check = await dealbot(['facts', 'check', '--facts', dir]);
    expect(check.code).toBe(1);
    expect(check.stderr.match(/draft\.yaml:\d+ facts\[\d+\]\.review: draft fact awaiting review: remove `review: true` once checked/g)).toHaveLength(12);

    const again = await dealbot(args);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists; pass --force to overwrite it/);
    expect(readFileSync(out, 'utf8')).toBe(yaml);
  });

  it('prints to stdout without --out, and refuses a bad --deal', async () => {
    const r = await dealbot(['facts', 'draft', 'tests/fixtures/aurora/article.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sources:\n/m);
    expect((await dealbot(['facts', 'draft', 'tests/fixtures/aurora/article.txt', '--deal', 'Bad Deal'])).code).toBe(1);
  });
});

describe('npm start without tokens', () => {
  it('opens the console chat: answers each piped line, then exits', async () => {
    // A database of its own: the first start's warning is logged.
    const r = await dealbot([], { script: 'start', input: '/deal energy\n/deal tesla\n/quit\n/deal timeline\n', env: { DATABASE_PATH: join(tmp, 'console-start.db') } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/↳ \[1\] § /);
    expect(r.stdout).toMatch(/no facts about “tesla”/);
    expect(r.stdout).not.toMatch(/^Timeline\n=+/m); // stopped at /quit
    // Logs to a file or pipe carry no colour codes.
    expect(r.stderr).toMatch(/WARN/);
    expect(r.stderr).not.toContain('\u001b[');
  });
});

describe('dealbot gaps', () => {
  it('lists unanswered questions most asked first', async () => {
    const env = { DATABASE_PATH: join(tmp, 'gaps-list.db') };
    await dealbot(['ask'], { env, input: 'tesla\nrecette de la tarte tatin\nTesla\n' });
    const r = await dealbot(['gaps'], { env });
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split('\n').filter((line) => /^\s+\d+\s/.test(line));
    expect(rows[0]).toMatch(/^\s+2\s+tesla/);
    expect(rows[1]).toMatch(/^\s+1\s+recette de la tarte tatin/);
    // Next to each question: what the base does not know, and the nearest facts.
    expect(r.stdout).toMatch(/^\s+unknown words: tesla$/m);
  });

  it('moves the JSON-lines log of earlier versions (GAPS_LOG) into the store once', async () => {
    const gapsLog = join(tmp, 'old-gaps.jsonl');
    // Earlier versions kept questions verbatim, tokens pasted into them included.
    const token = FAKE_SLACK_BOT_TOKEN;
    writeFileSync(
      gapsLog,
      `${JSON.stringify({ at: '2026-01-02T03:04:05.000Z', query: 'tesla', lang: 'en', platform: 'slack' })}\n` +
        `${JSON.stringify({ at: '2026-01-02T03:04:06.000Z', query: `why does ${token} fail`, lang: 'en', platform: 'slack' })}\n{"torn`,
    );
    const env = { DATABASE_PATH: join(tmp, 'gaps-import.db'), GAPS_LOG: gapsLog };
    const first = JSON.parse((await dealbot(['gaps', '--json'], { env })).stdout);
    expect(first).toHaveLength(2);
    expect(first).toContainEqual(expect.objectContaining({ query: 'tesla', count: 1, lastAsked: '2026-01-02T03:04:05.000Z' }));
    expect(first).toContainEqual(expect.objectContaining({ query: 'why does [redacted] fail', count: 1 }));
    // The old file is kept, renamed, without the token.
    expect(existsSync(gapsLog)).toBe(false);
    expect(readFileSync(`${gapsLog}.imported`, 'utf8')).toContain('tesla');
    expect(readFileSync(`${gapsLog}.imported`, 'utf8')).not.toContain(token);
    const again = JSON.parse((await dealbot(['gaps', '--json'], { env })).stdout);
    expect(again[0].count).toBe(1); // imported once, not at every run
  });

  it('shows the facts nearest to an unanswered question, and what they lack', async () => {
    const env = { DATABASE_PATH: join(tmp, 'gaps-near.db') };
    await dealbot(['ask'], { env, input: 'how much is SoftBank putting in?\n' });
    const r = await dealbot(['gaps'], { env });
    expect(r.stdout).toMatch(/nearest: investment-up-to-100bn \(\d+ % of the question; lacks softbank\)/);
    const json = JSON.parse((await dealbot(['gaps', '--json'], { env })).stdout);
    expect(json[0]).toMatchObject({ query: 'how much is SoftBank putting in?', answeredNow: false });
    expect(json[0].nearest[0]).toMatchObject({ factId: expect.any(String), coverage: expect.any(Number) });
  });
});
