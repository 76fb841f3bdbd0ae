// The summary's chart: only figures the summary cites, stale quotes never charted as the latest
// session, the source and as-of time on it; within each platform's limits (Slack blocks, Discord
// PNG and alt text, console table).
import { describe, expect, it } from 'vitest';
import { withChartImage, DISCORD_CHART } from '../../src/adapters/discord/chart.ts';
import { renderDiscord } from '../../src/adapters/discord/render.ts';
import { renderText } from '../../src/adapters/console/render.ts';
import { dataVisualizationBlocks, SLACK_CHART_LIMITS } from '../../src/adapters/slack/chart.ts';
import { renderSlack } from '../../src/adapters/slack/render.ts';
import { fitReply, type ReplyChart } from '../../src/core/reply.ts';
import { buildSummary } from '../../src/summary/build.ts';
import { TradingCalendar, XNYS } from '../../src/summary/calendar.ts';
import { chartPng, chartSpec, pngSize } from '../../src/summary/chart-png.ts';
import type { MarketSnapshot, TickerQuote } from '../../src/summary/market.ts';
import { dataVisualizationProblem, slackRejects } from '../slack/fake-slack.ts';
import { expectWithinLimits } from '../discord/limits.ts';
import { fixtureBase } from './helpers.ts';

const NOW = new Date('2026-04-01T15:00:00Z'); // 11:00 in New York
const calendars = (mic: string) => (mic === 'XNYS' ? new TradingCalendar(XNYS) : undefined);
const quote = (symbol: string, changePercent: number, asOf: string, stale = false): TickerQuote => ({
  symbol, price: 50, change: 0.5, changePercent, previousClose: 49.5, asOf: new Date(asOf), provider: 'FakeQuotes', stale, fetchedAt: NOW,
});

describe('the summary chart', () => {
  const base = fixtureBase();
  const market: MarketSnapshot = {
    provider: 'FakeQuotes',
    takenAt: NOW,
    quotes: new Map([
      ['ACME', quote('ACME', 1.25, '2026-04-01T14:58:00Z')],
      ['GBX', quote('GBX', -2.5, '2026-03-30T20:00:00Z')], // two sessions old during a session: stale
    ]),
    failures: new Map(),
  };
  const reply = buildSummary({ base, lang: 'en', now: NOW, timezone: 'America/New_York', market, calendars });
  const chart = reply.chart!;

  it('charts only figures the summary cites, and never a stale quote as the latest session', () => {
    expect(chart.series.map((s) => [s.name, s.points.map((p) => `${p.label} ${p.display}`)])).toEqual([
      ['At announcement', ['ACME +3.2%', 'GBX −1.5%']],
      ['Latest session', ['ACME +1.25%']],
    ]);
    const cited = reply.items.map((i) => `${i.figure ?? ''}`);
    for (const p of chart.series.flatMap((s) => s.points)) expect(cited).toContain(p.display);
    // Its sources are the items' own, under the same numbers, listed once with the reply's sources.
    const refOf = (figure: string) => reply.items.find((i) => i.figure === figure)!.citation.ref;
    expect(chart.sources.map((s) => [s.ref, s.source])).toEqual([
      [refOf('+3.2%'), '« Example wire story »'],
      [refOf('+1.25%'), 'FakeQuotes quotes'],
    ]);
    for (const s of chart.sources) expect(reply.sources.filter((x) => x.ref === s.ref)).toHaveLength(1);
    expect(chart.altText).toContain('Source: fact base (Example wire story) · FakeQuotes.');
    expect(chart.asOfLabel).toBe('as of 1 Apr 2026, 10:58 GMT-4');
    expect(chart.note).toBeUndefined(); // both moves are dated
    // The quote lines say their phase and age; the stale one says so.
    expect(reply.items.find((i) => i.text.startsWith('Acme Robotics (ACME): '))!.text).toContain('— regular session, as of 1 Apr 2026, 10:58 GMT-4 (2 min ago)');
    expect(reply.items.find((i) => i.text.startsWith('Globex (GBX): '))!.text).toContain('— stale: last quote received as of 30 Mar 2026, 16:00 GMT-4 (43 h old), older than the session it would describe');
  });

  it('keeps the chart’s sources listed when the items citing them are cut', () => {
    const cut = fitReply(reply, 0);
    expect(cut.items).toEqual([]);
    expect(cut.sources.map((s) => s.title)).toEqual(['« Example wire story »', 'FakeQuotes quotes']);
    expect(cut.chart!.sources.map((s) => s.ref)).toEqual([1, 2]);
  });

  it('the PNG names each source beside its number (an image may travel alone)', () => {
    const subtitle = (chartSpec(chart, DISCORD_CHART.size) as { title: { subtitle: string[] } }).title.subtitle.join(' ');
    for (const s of chart.sources) expect(subtitle).toContain(`[${s.ref}] ${s.source}`);
    expect(subtitle).toContain('as of 1 Apr 2026, 10:58 GMT-4');
  });

  it('Slack: data visualization blocks within their limits, even for a chart past them', () => {
    const message = renderSlack(reply);
    expect(slackRejects(message)).toBeUndefined();
    const big: ReplyChart = {
      ...chart,
      title: 'A chart title much longer than fifty characters, to be cut',
      series: ['one', 'two', 'three'].map((n) => ({
        name: `series named ${n} at length`,
        points: Array.from({ length: 30 }, (_, i) => ({ label: `TICKER-NUMBER-${i}-LONG-NAME`, value: i - 15, display: `${i - 15}%` })),
      })),
    };
    const blocks = dataVisualizationBlocks(big);
    expect(blocks).toHaveLength(SLACK_CHART_LIMITS.perMessage);
    for (const b of blocks) expect(dataVisualizationProblem(b as unknown as Record<string, unknown>)).toBeUndefined();
    expect(slackRejects(renderSlack({ ...reply, chart: big }))).toBeUndefined();
  });

  it('Discord: an 800×450 PNG under the upload limit, referenced by the embed, with alt text within 1,024 characters', async () => {
    const png = await chartPng(chart, DISCORD_CHART.size);
    expect(pngSize(png)).toEqual({ width: 800, height: 450 });
    expect(png.length).toBeLessThan(DISCORD_CHART.maxBytes);
    const payload = withChartImage(renderDiscord(reply), { ...chart, altText: 'x'.repeat(5000) });
    expectWithinLimits(payload);
    expect(payload.attachments![0]!.description.length).toBeLessThanOrEqual(1024);
    expect(() => pngSize(Buffer.from('not a png at all, no'))).toThrow(/not a PNG/);
  });

  it('console: a text table with its source numbers and as-of time', () => {
    const text = renderText(reply);
    expect(text).toContain(['  Company  At announcement  Latest session', '  ───────  ───────────────  ──────────────', '  ACME               +3.2%          +1.25%', '  GBX                −1.5%               —'].join('\n'));
    const refs = chart.sources.map((s) => `[${s.ref}]`).join(' ');
    expect(text).toContain(`  Sources ${refs} · as of 1 Apr 2026, 10:58 GMT-4`);
  });

  it('speaks French', () => {
    const fr = buildSummary({ base, lang: 'fr', now: NOW, timezone: 'Europe/Paris', market, calendars }).chart!;
    expect(fr.title).toBe('Variations des actions (%)');
    expect(fr.series.map((s) => s.name)).toEqual(['À l’annonce', 'Dernière séance']);
    expect(fr.asOfLabel).toBe('au 1 avr. 2026, 16:58 UTC+2');
  });
});
