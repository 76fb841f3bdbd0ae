// `dealbot summary`: print today's summary (text, JSON or a platform's payload), or post it now
// to every subscribed channel through the ledger (for cron-driven setups).
import { parseArgs } from 'node:util';
import type { ChannelPublisher, Platform } from '../core/command.ts';
import { loadFactBase } from '../facts/load.ts';
import { Lang } from '../facts/schema.ts';
import { silentLogger, type Logger } from '../ops/log.ts';
import { EXIT_USAGE, type Io } from '../cli/io.ts';
import { openStorage, readStoreConfig } from '../store/index.ts';
import type { Reply } from '../core/reply.ts';
import { buildSummary, tickerParties } from './build.ts';
import type { Clock } from './clock.ts';
import { readSummaryConfig } from './config.ts';

/** Renders a summary Reply as one surface would get it (text, JSON, each platform's message). */
export type Renderer = (reply: Reply) => unknown;
import { openDailySummary } from './index.ts';
import type { MarketDataProvider } from './market.ts';

export const SUMMARY_USAGE = `Usage: dealbot summary [--lang en|fr] [--json] [--render text|json|slack|discord] [--post]

  (no option)   print today's daily summary as text
  --lang fr     in French (default en)
  --json        the summary as a JSON Reply
  --render X    the exact payload platform X would get
  --post        post today's summary now to every subscribed channel that has not had it today
                (through the post ledger: running it twice, or beside a running bot, posts once)`;

/** Connected publishers for `--post`, and how to disconnect them (the lead wires the adapters in). */
export interface PublisherSession {
  publishers: Map<Platform, ChannelPublisher>;
  close(): Promise<void>;
}

export interface SummaryCliOptions {
  factsDir?: string;
  /** Connects the configured platforms for `--post`. */
  connect?: (env: NodeJS.ProcessEnv, logger: Logger) => Promise<PublisherSession>;
  /** What `--render` can pick, injected by the CLI (each platform's channel message, from the registry). */
  renderers: Record<string, () => Promise<Renderer>>;
  logger?: Logger;
  clock?: Clock;
  /** Replaces the provider built from FINNHUB_TOKEN (tests). */
  provider?: MarketDataProvider;
}

export async function summaryCli(args: string[], out: Io, env: NodeJS.ProcessEnv, opts: SummaryCliOptions): Promise<number> {
  let values: { lang?: string; json?: boolean; render?: string; post?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { lang: { type: 'string' }, json: { type: 'boolean' }, render: { type: 'string' }, post: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
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
  const renderers = opts.renderers;
  const pick = values.render ? renderers[values.render] : undefined;
  if (values.render && !pick) {
    out.stderr(`dealbot summary: --render must be one of: ${Object.keys(renderers).join(', ')}`);
    return EXIT_USAGE;
  }

  const config = readSummaryConfig(env); // throws ConfigError naming a bad variable
  const storeConfig = readStoreConfig(env);
  const logger = opts.logger ?? silentLogger;
  const base = loadFactBase(opts.factsDir ?? env.FACTS_DIR ?? 'facts'); // throws FactBaseError
  const storage = openStorage(storeConfig);
  const summary = openDailySummary(config, { db: storage.db, retries: storage.retries, logger, ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.provider ? { provider: opts.provider } : {}) });
  try {
    const now = opts.clock?.now() ?? new Date();
    if (values.post) {
      if (!opts.connect) {
        out.stderr('dealbot summary --post: no platform to post to (this build cannot connect the adapters)');
        return EXIT_USAGE;
      }
      const subs = summary.subscriptions.list();
      if (subs.length === 0) {
        out.stdout('No channel is subscribed: nothing to post.');
        return 0;
      }
      const session = await opts.connect(env, logger);
      try {
        const scheduler = summary.createScheduler({ publishers: session.publishers, base: () => base });
        const events = await scheduler.postNow(now);
        const done = new Set(events.map((e) => `${e.channel.platform}:${e.channel.id}`));
        for (const e of events) {
          const where = `${e.channel.platform}:${e.channel.id}`;
          out.stdout(e.ok ? `posted   ${where} (${e.localDate}) message ${e.messageId}` : `FAILED   ${where} (${e.localDate}): ${e.error} — retried by the running bot or the next --post`);
        }
        for (const sub of subs) {
          const where = `${sub.channel.platform}:${sub.channel.id}`;
          if (done.has(where)) continue;
          out.stdout(
            session.publishers.has(sub.channel.platform)
              ? `skipped  ${where}: already posted (or being posted) today`
              : `skipped  ${where}: ${sub.channel.platform} is not configured here`,
          );
        }
        return events.some((e) => !e.ok) ? 1 : 0;
      } finally {
        await session.close();
      }
    }

    const market = await summary.market.snapshot(tickerParties(base).map((p) => p.ticker));
    const reply = buildSummary({ base, lang: lang.data, now, timezone: config.DEFAULT_TIMEZONE, market });
    if (values.json && !pick) {
      out.stdout(JSON.stringify(reply, null, 2));
      return 0;
    }
    const render = await (pick ?? renderers.text!)();
    const rendered = render(reply);
    out.stdout(typeof rendered === 'string' ? rendered : JSON.stringify(rendered, null, 2));
    return 0;
  } finally {
    storage.close();
  }
}
