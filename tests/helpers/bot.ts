// A real Bot over the shipped fact base and the real engine, for adapter and command tests.
import { resolve } from 'node:path';
import type { Bot } from '../../src/core/bot.ts';
import { createBot, type BotOptions } from '../../src/core/create-bot.ts';
import { EngineHolder } from '../../src/core/engine-holder.ts';

export const FACTS_DIR = resolve(import.meta.dirname, '../../facts');

let shared: EngineHolder | undefined;

/** The shipped base is loaded once per test file; pass `engine` to use another. */
export function testBot(opts: Partial<BotOptions> = {}): Bot {
  shared ??= new EngineHolder(FACTS_DIR);
  return createBot({ engine: shared.current, ...opts });
}
