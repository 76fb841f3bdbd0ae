// The delivery policy the latency benchmarks run through: as `dealbot start` builds it (real
// SQLite store in a temp directory: answered-message ledger, answers kept for Share, answers
// recorded for 👍 / 👎, thread contexts, language settings), without rate limits (a benchmark asks
// thousands of questions a minute from a few users on purpose).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlatformRuntime } from '../src/adapters/contract.ts';
import type { Bot } from '../src/core/bot.ts';
import { createDeliveryPolicy } from '../src/core/delivery.ts';
import { silentLogger } from '../src/ops/log.ts';
import { warmLanguageData } from '../src/search/warm.ts';
import { openStore } from '../src/store/index.ts';

export async function benchRuntime(bot: Bot): Promise<{ runtime: PlatformRuntime; close(): Promise<void> }> {
  // As `dealbot start` does before connecting: no first question waits on the taggers and word lists.
  warmLanguageData();
  const dir = mkdtempSync(join(tmpdir(), 'dealbot-bench-'));
  // As `dealbot start` opens it: checkpoints in their thread (src/store/checkpointer.ts).
  const store = await openStore({ DATABASE_PATH: join(dir, 'dealbot.db'), DATABASE_BUSY_TIMEOUT_MS: 50 }, { backgroundCheckpoints: true });
  const policy = createDeliveryPolicy({
    bot,
    delivered: store.deliveries,
    holder: 'bench',
    shared: store.sharedAnswers,
    feedback: store.feedback,
    threads: store.threads,
    settings: store.settings,
    logger: silentLogger,
  });
  return {
    runtime: { policy, logger: silentLogger, connection: { up: () => {}, down: () => {} }, routes: [], replica: { id: 'bench' }, replays: store.replays },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
