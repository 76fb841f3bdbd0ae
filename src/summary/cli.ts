// `dealbot summary`: print today's summary (text, JSON or a platform's payload), or post it now
// to every subscribed channel through the ledger (for cron-driven setups).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ChannelPublisher, Platform } from '../core/command.ts';
import { dealBasesOf, dealLabel } from '../deals/bases.ts';
import { readCoreConfig } from '../config/core.ts';
import { buildDealSet } from '../deals/deal-set.ts';
import { FactBaseError, loadBase } from '../facts/load.ts';
import { Lang } from '../facts/schema.ts';
import { silentLogger, type Logger } from '../ops/log.ts';
import { EXIT_USAGE, type Io } from '../cli/io.ts';
import type { Reply } from '../core/reply.ts';
import { buildSummary, tickerParties } from './build.ts';
import type { Clock } from './clock.ts';
import { openStore, readStoreConfig, type Store } from '../store/index.ts';
import { readSummaryConfig } from './config.ts';
import { openDailySummary } from './index.ts';
import type { MarketDataProvider } from './market.ts';
import type { SkippedPost } from './scheduler.ts';

/** Renders a summary Reply as one surface would get it (text, JSON, each platform's message). */
export type Renderer = (reply: Reply) => unknown;

/** A clock stopped at one instant (`--at`): previews "as if it were then". */
function fixedClock(at: Date): Clock {
  return { now: () => new Date(at), setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
}

function skipReason(k: SkippedPost, publishers: Map<Platform, ChannelPublisher>): string {
  switch (k.reason) {
    case 'closed':
      return `markets closed today (${k.detail}) — add --force to post anyway`;
    case 'work-week':
      return 'not one of this channel’s posting days — add --force to post anyway';
    case 'no-publisher':
      return publishers.has(k.channel.platform) ? 'cannot post there' : `${k.channel.platform} is not configured here`;
    default:
      return 'already posted (or being posted) for this slot';
  }
}

export const SUMMARY_USAGE = `Usage: dealbot summary [--lang en|fr] [--json] [--render text|json|slack|discord] [--out FILE] [--at TIME] [--deal ID] [--post [--force]]

  (no option)   print the summary as text (with the market's phase, and whether it is closed today)
  --lang fr     in French (default en)
  --json        the summary as a JSON Reply
  --render X    the exact payload platform X would get
  --out FILE    also write the summary's chart as a PNG (what Discord gets attached to the embed)
  --at TIME     as if it were TIME (ISO 8601, e.g. 2026-12-25T15:00:00Z): a fake clock for previews
  --deal ID     the summary of this deal (default: the default deal; with --post each channel gets its own deal's)
  --post        post the current slot's summary now to every subscribed channel that has not had it
                (through the post ledger: running it twice, or beside a running bot, posts once);
                channels whose calendar skips today (weekend, exchange holiday) are skipped
  --force       with --post: post on such a day anyway; the post and the output say why`;

/** Connected publishers for `--post`, and how to disconnect them (the lead wires the adapters in). */
export interface PublisherSession {
  publishers: Map<Platform, ChannelPublisher>;
  close(): Promise<void>;
}

export interface SummaryCliOptions {
  factsDir?: string;
  /** Connects the configured platforms for `--post` (with the store's installations, for a platform installed in many workspaces). */
  connect?: (env: NodeJS.ProcessEnv, logger: Logger, installations?: Store['installations']) => Promise<PublisherSession>;
  /** What `--render` can pick, injected by the CLI (each platform's channel message, from the registry). */
  renderers: Record<string, () => Promise<Renderer>>;
  logger?: Logger;
  clock?: Clock;
  /** Replaces the provider built from FINNHUB_TOKEN (tests). */
  provider?: MarketDataProvider;
}

export async function summaryCli(args: string[], out: Io, env: NodeJS.ProcessEnv, opts: SummaryCliOptions): Promise<number> {
  let values: { lang?: string; json?: boolean; render?: string; post?: boolean; force?: boolean; out?: string; at?: string; deal?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        lang: { type: 'string' },
        json: { type: 'boolean' },
        render: { type: 'string' },
        post: { type: 'boolean' },
        force: { type: 'boolean' },
        out: { type: 'string' },
        at: { type: 'string' },
        deal: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    out.stderr(`dealbot summary: ${(err as Error).message}\n\n${SUMMARY_USAGE}`);
    return EXIT_USAGE;
  }
  if (values.help) {
    out.stdout(SUMMARY_USAGE);
    return 0;
  }
  const lang = Lang.safeParse(values.lang ?? 'en');
  if (!lang.success) {
    out.stderr('dealbot summary: --lang must be en or fr');
    return EXIT_USAGE;
  }
  if (values.force && !values.post) {
    out.stderr('dealbot summary: --force only goes with --post');
    return EXIT_USAGE;
  }
  const at = values.at === undefined ? undefined : new Date(values.at);
  if (at && (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(values.at!))) {
    out.stderr(`dealbot summary: --at must be an ISO 8601 time such as 2026-12-25T15:00:00Z (got "${values.at}")`);
    return EXIT_USAGE;
  }
  const renderers = opts.renderers;
  const pick = values.render ? renderers[values.render] : undefined;
  if (values.render && !pick) {
    out.stderr(`dealbot summary: --render must be one of: ${Object.keys(renderers).join(', ')}`);
    return EXIT_USAGE;
  }

  const config = readSummaryConfig(env); // throws ConfigError naming a bad variable
  const storeConfig = readStoreConfig(env);
  const logger = opts.logger ?? silentLogger;
  const factsDir = opts.factsDir ?? env.FACTS_DIR ?? 'facts';
  const set = buildDealSet(loadBase(factsDir)); // throws FactBaseError
  const entry = values.deal ? set.get(values.deal) : set.fallback;
  if (!entry) throw new FactBaseError([{ file: factsDir, line: 1, field: '(deal)', message: `no deal "${values.deal}" in this base; its deals: ${set.deals.map((d) => d.id).join(', ')}` }]);
  const base = entry.engine.base;
  const clock = at ? fixedClock(at) : opts.clock;
  const store = await openStore(storeConfig);
  try {
    const summary = await openDailySummary(store, config, { logger, ...(clock ? { clock } : {}), ...(opts.provider ? { provider: opts.provider } : {}) });
    const now = clock?.now() ?? new Date();
    if (values.post) {
      if (!opts.connect) {
        out.stderr('dealbot summary --post: no platform to post to (this build cannot connect the adapters)');
        return EXIT_USAGE;
      }
      const subs = await summary.subscriptions.list();
      if (subs.length === 0) {
        out.stdout('No channel is subscribed: nothing to post.');
        return 0;
      }
      const session = await opts.connect(env, logger, store.installations);
      try {
        // Each channel's own deal (its subscription's, its /deal use, DEFAULT_DEAL), as the running bot would.
        const bases = dealBasesOf(() => set, { store: store.channelDeals, defaults: readCoreConfig(env).DEFAULT_DEAL });
        const scheduler = summary.createScheduler({ publishers: session.publishers, base: () => base, bases });
        const skipped: SkippedPost[] = [];
        const force = values.force ? 'forced with dealbot summary --post --force' : undefined;
        const events = await scheduler.postNow(now, { ...(force ? { force } : {}), skipped });
        for (const e of events) {
          const where = `${e.channel.platform}:${e.channel.id}`;
          const what = e.kind === 'closed-notice' ? ' closed-market notice' : '';
          const forced = e.forced ? ` — ${e.forced}` : '';
          out.stdout(e.ok ? `posted   ${where} (${e.slot})${what} message ${e.messageId}${forced}` : `FAILED   ${where} (${e.slot}): ${e.error} — retried by the running bot or the next --post`);
        }
        for (const k of skipped) out.stdout(`skipped  ${k.channel.platform}:${k.channel.id} (${k.slot}): ${skipReason(k, session.publishers)}`);
        return events.some((e) => !e.ok) ? 1 : 0;
      } finally {
        await session.close();
      }
    }

    await summary.refreshCalendar(now);
    const market = await summary.market.snapshot(tickerParties(base).map((p) => p.ticker));
    const reply = { ...buildSummary({ base, lang: lang.data, now, timezone: config.DEFAULT_TIMEZONE, market, calendars: summary.calendars }), ...dealLabel(base, set.several, lang.data) };
    if (values.out) {
      if (!reply.chart) {
        out.stderr('dealbot summary --out: this summary has no chart (no share move in the fact base and no live quote)');
        return 1;
      }
      const { chartPng, DISCORD_CHART_SIZE } = await import('./chart-png.ts');
      writeFileSync(values.out, await chartPng(reply.chart, DISCORD_CHART_SIZE));
      out.stderr(`chart written to ${values.out} (${DISCORD_CHART_SIZE.width}×${DISCORD_CHART_SIZE.height} PNG, alt text: ${reply.chart.altText})`);
    }
    if (values.json && !pick) {
      out.stdout(JSON.stringify(reply, null, 2));
      return 0;
    }
    const render = await (pick ?? renderers.text!)();
    const rendered = render(reply);
    out.stdout(typeof rendered === 'string' ? rendered : JSON.stringify(rendered, null, 2));
    return 0;
  } finally {
    await store.close();
  }
}
