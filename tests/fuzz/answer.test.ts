// Property tests over bot.answer with the real engine and commands: whatever a user types
// (mentions, markup, invisible and bidi characters, arbitrary Unicode, 100 KB), the bot answers
// with a valid Reply, never a crash or an apology, every item cited, and the reply renders
// within both platforms' limits with no active mention.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDiscord } from '../../src/adapters/discord/render.ts';
import { renderSlack } from '../../src/adapters/slack/render.ts';
import type { Asker } from '../../src/core/bot.ts';
import { MAX_QUERY_CHARS } from '../../src/core/clean-text.ts';
import { Reply } from '../../src/core/reply.ts';
import { testBot } from '../helpers/bot.ts';
import { BIG_RUNS, FUZZ, FUZZ_TIMEOUT_MS, holds, hostileText, hugeText } from './hostile.ts';
import { checkDiscord, checkSlack } from './limits.ts';

const bot = testBot();

const askerArb: fc.Arbitrary<Asker> = fc
  .record({
    platform: fc.constantFrom('slack' as const, 'discord' as const, 'console' as const),
    lang: fc.option(fc.constantFrom('en' as const, 'fr' as const), { nil: undefined }),
    via: fc.constantFrom('command', 'mention', 'dm'),
    user: fc.string({ minLength: 1, maxLength: 12 }),
  })
  .map(({ platform, lang, via, user }) => ({
    platform,
    channel: { platform, id: 'C1' },
    user: { id: user },
    isAdmin: async () => false,
    via,
    ...(lang ? { lang } : {}),
  }));

/** A leading /deal command word now and then, so every command parses hostile arguments too. */
const commandWord = fc.constantFrom('', '', '', 'help ', 'timeline ', 'quotes ', 'market ', 'sources ', 'aide ', 'chronologie ', 'citations ', 'subscribe ', 'unsubscribe ', 'subscription ');

async function check(text: string, asker: Asker): Promise<void> {
  const reply = await bot.answer(text, asker);
  expect(() => Reply.parse(reply)).not.toThrow();
  expect(reply.kind, `"${text.slice(0, 80)}" made a command fail`).not.toBe('error');
  for (const item of reply.items) {
    expect(item.citation.source.trim().length, 'every item is cited').toBeGreaterThan(0);
    expect(reply.sources[item.citation.ref! - 1]?.title, 'and numbered like its source').toBe(item.citation.source);
    expect(item.text.trim().length).toBeGreaterThan(0);
  }
  if (reply.kind === 'answer') expect(reply.items.length).toBeGreaterThan(0);
  if (reply.query !== undefined) expect([...reply.query].length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
  checkSlack(renderSlack(reply), reply);
  checkDiscord(renderDiscord(reply), reply);
}

describe('bot.answer under hostile input', () => {
  it('answers any text with a valid, cited Reply that renders safely on both platforms', async () => {
    await holds('bot.answer, hostile text', fc.asyncProperty(commandWord, hostileText, askerArb, (word, text, asker) => check(word + text, asker)), FUZZ);
  }, FUZZ_TIMEOUT_MS);

  it('bounds the work on 100 KB inputs', async () => {
    await holds('bot.answer, 100 KB text', fc.asyncProperty(commandWord, hugeText, askerArb, (word, text, asker) => check(word + text, asker)), { ...FUZZ, numRuns: BIG_RUNS });
  }, FUZZ_TIMEOUT_MS);
});
