// `npm start`: the platforms that are configured, or the console chat when none is.
import { runConsole } from './adapters/console/chat.ts';
import { readCoreConfig } from './config.ts';
import { createBot } from './core/create-bot.ts';
import { EngineHolder } from './core/engine-holder.ts';
import { GapLog } from './core/gaps.ts';
import type { Io } from './cli/io.ts';
import { createLogger } from './ops/log.ts';

export interface StartOptions {
  env: NodeJS.ProcessEnv;
  io: Io;
  factsDir: string;
}

export async function start({ env, factsDir }: StartOptions): Promise<number> {
  const core = readCoreConfig(env);
  const holder = new EngineHolder(factsDir); // refuses a broken base before anything connects
  const interactive = Boolean(process.stdin.isTTY);
  const logger = createLogger({ level: interactive ? 'warn' : core.LOG_LEVEL, pretty: interactive });
  const bot = createBot({ engine: holder.current, gaps: new GapLog(core.GAPS_LOG), logger });
  await runConsole(bot, { input: process.stdin, output: process.stdout, interactive });
  return 0;
}
