// A real Bot over the shipped fact base and the real engine, and a real delivery policy over it,
// for adapter and command tests.
import { resolve } from 'node:path';
import { commands } from '../../commands/index.ts';
import type { ConnectionEvents, PlatformRuntime } from '../../src/adapters/contract.ts';
import type { Bot } from '../../src/core/bot.ts';
import { createBot, type BotOptions } from '../../src/core/create-bot.ts';
import { createDeliveryPolicy, type DeliveryPolicy, type PolicyOptions } from '../../src/core/delivery.ts';
import { EngineHolder } from '../../src/core/engine-holder.ts';
import { silentLogger, type Logger } from '../../src/ops/log.ts';
import { createRateLimiter, type RateLimitOptions } from '../../src/ops/rate-limit.ts';
import { memoryStores } from '../../src/store/index.ts';

export const FACTS_DIR = resolve(import.meta.dirname, '../../facts');

let shared: EngineHolder | undefined;

/** The shipped base is loaded once per test file; pass `engine` to use another. */
export function testBot(opts: Partial<BotOptions> = {}): Bot {
  shared ??= new EngineHolder(FACTS_DIR);
  return createBot({ engine: shared.current, commands, ...opts });
}

export interface TestPolicyOptions extends Partial<Omit<PolicyOptions, 'bot'>> {
  /** A real rate limiter with these limits (no platform exempt unless listed). */
  limits?: Partial<RateLimitOptions>;
}

/** The real delivery policy over `bot`, with in-memory stores unless given others. */
export function testPolicy(bot: Bot, opts: TestPolicyOptions = {}): DeliveryPolicy {
  const stores = memoryStores();
  const { limits, ...rest } = opts;
  const limiter = limits ? createRateLimiter({ userPerMin: 0, channelPerMin: 0, exempt: [], ...limits }) : undefined;
  return createDeliveryPolicy({
    bot,
    delivered: stores.deliveries,
    shared: stores.sharedAnswers,
    ...(limiter ? { limit: (asker: Parameters<typeof limiter.check>[0]) => limiter.check(asker) } : {}),
    ...rest,
  });
}

/** Connection reports kept for assertions. */
export function recordedConnection(): ConnectionEvents & { events: string[] } {
  const events: string[] = [];
  return { events, up: () => events.push('up'), down: ({ gaveUp }) => events.push(gaveUp ? 'gave-up' : 'down') };
}

/** What a platform is given at start in tests. */
export function testRuntime(policy: DeliveryPolicy, logger: Logger = silentLogger, over: Partial<PlatformRuntime> = {}): PlatformRuntime {
  return { policy, logger, connection: recordedConnection(), routes: [], replica: { id: 'test' }, replays: memoryStores().replays, ...over };
}
