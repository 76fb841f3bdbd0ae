// A full daily summary (every section filled, long French text) fits both platforms' limits
// through their real renderers and keeps every item's citation.
import { beforeEach, describe, expect, it } from 'vitest';
import { renderDiscord, DISCORD_LIMITS } from '../../src/adapters/discord/render.ts';
import { renderSlack, SLACK_LIMITS } from '../../src/adapters/slack/render.ts';
import { loadFactBase } from '../../src/facts/load.ts';
import type { SqliteDriver as Db } from '../../src/store/sqlite.ts';
import { buildSummary, tickerParties } from '../../src/summary/build.ts';
import { MarketData, QuoteCache, type MarketDataProvider } from '../../src/summary/market.ts';
import { SHIPPED_FACTS_DIR, useTempDatabase } from './helpers.ts';

describe('the summary through the platform renderers', () => {
  const temp = useTempDatabase();
  let db: Db;
  beforeEach(() => {
    db = temp.db;
  });

  for (const lang of ['en', 'fr'] as const) {
    it(`stays within Slack and Discord limits (${lang})`, async () => {
      const base = loadFactBase(SHIPPED_FACTS_DIR);
      const provider: MarketDataProvider = {
        name: 'Finnhub',
        quote: async (symbol) => ({ symbol, price: 12345.67, change: -123.45, changePercent: -0.99, previousClose: 12469.12, asOf: new Date('2026-04-01T19:59:00Z') }),
      };
      const market = await new MarketData({ cache: new QuoteCache(db), provider }).snapshot(tickerParties(base).map((p) => p.ticker));
      // Every fact "new" since an empty previous snapshot: the longest possible changes section.
      const reply = buildSummary({ base, lang, now: new Date('2026-04-01T20:00:00Z'), timezone: 'Europe/Paris', market, changes: { previous: { fingerprint: 'old', factHashes: {}, postedAt: new Date('2026-03-31T07:00:00Z') } } });

      const slack = renderSlack(reply);
      expect(slack.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
      expect(JSON.stringify(slack.blocks).length).toBeLessThan(50_000);
      for (const item of reply.items.slice(0, 5)) expect(slack.text).toContain(item.text.slice(0, 20).replace(/&/g, '&amp;'));

      const discord = renderDiscord(reply);
      expect(discord.allowed_mentions).toEqual({ parse: [] });
      const embed = discord.embeds[0]!;
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
      const total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
      expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
      expect(JSON.stringify(discord)).toContain('Finnhub');
    });
  }
});
