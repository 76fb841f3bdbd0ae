// A real SQLite store for the issue-15 features (votes, thread contexts, language settings,
// installations, subscriptions), wired into the bot and the delivery policy the way src/start.ts
// wires them, for the platform end-to-end tests.
import { join } from 'node:path';
import type { BotOptions } from '../../src/core/create-bot.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
import { tempDir } from '../summary/helpers.ts';
import type { TestPolicyOptions } from './bot.ts';

export interface FeatureStore {
  store: Store;
  subscriptions: SubscriptionStore;
  /** For the harness's bot (createBot options). */
  bot: Partial<BotOptions>;
  /** For the harness's delivery policy. */
  policy: TestPolicyOptions;
  /** Metric events the policy reported (votes). */
  votes: { platform: string; vote: string }[];
  close(): Promise<void>;
}

export async function featureStore(): Promise<FeatureStore> {
  const tmp = tempDir('dealbot-features-');
  const store = await openStore({ DATABASE_PATH: join(tmp.dir, 'dealbot.db') });
  const subscriptions = new SubscriptionStore(store.driver);
  const votes: { platform: string; vote: string }[] = [];
  return {
    store,
    subscriptions,
    bot: { subscriptions, settings: store.settings },
    policy: { feedback: store.feedback, threads: store.threads, settings: store.settings, onVote: (e) => void votes.push(e) },
    votes,
    async close() {
      await store.close();
      tmp.cleanup();
    },
  };
}
