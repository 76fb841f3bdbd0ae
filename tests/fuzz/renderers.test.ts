// Property tests over both renderers: any Reply, however hostile its texts, renders without a
// throw, inside the platform's limits, with no active mention and every shown item cited.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { renderDiscord, sharedCopy } from '../../src/adapters/discord/render.ts';
import { renderSlack } from '../../src/adapters/slack/render.ts';
import { BIG_RUNS, FUZZ, FUZZ_TIMEOUT_MS, holds, hostileText, replyArb } from './hostile.ts';
import { checkDiscord, checkSlack } from './limits.ts';

const slackOpts = fc.record(
  {
    shareValue: fc.string({ maxLength: 2100 }),
    attribution: fc.record({ kind: fc.constantFrom('shared' as const, 'asked' as const), name: hostileText }),
  },
  { requiredKeys: [] },
);

const discordOpts = fc.record(
  { shareId: fc.string({ minLength: 1, maxLength: 100 }), ephemeral: fc.boolean() },
  { requiredKeys: [] },
);

describe('Slack renderer under hostile replies', () => {
  it('stays within Block Kit limits, escapes every mention and cites every item', async () => {
    await holds('Slack renderer', fc.property(replyArb(), slackOpts, (reply, opts) => checkSlack(renderSlack(reply, opts), reply)), FUZZ);
  }, FUZZ_TIMEOUT_MS);

  it('copes with 100 KB texts and long item lists', async () => {
    await holds('Slack renderer, 100 KB texts', fc.property(replyArb(true), slackOpts, (reply, opts) => checkSlack(renderSlack(reply, opts), reply)), { ...FUZZ, numRuns: BIG_RUNS });
  }, FUZZ_TIMEOUT_MS);
});

describe('Discord renderer under hostile replies', () => {
  it('stays within embed limits, parses no mention and cites every item', async () => {
    await holds('Discord renderer', fc.property(replyArb(), discordOpts, (reply, opts) => checkDiscord(renderDiscord(reply, opts), reply)), FUZZ);
  }, FUZZ_TIMEOUT_MS);

  it('copes with 100 KB texts and long item lists', async () => {
    await holds('Discord renderer, 100 KB texts', fc.property(replyArb(true), discordOpts, (reply, opts) => checkDiscord(renderDiscord(reply, opts), reply)), { ...FUZZ, numRuns: BIG_RUNS });
  }, FUZZ_TIMEOUT_MS);

  it('keeps a shared copy (Share) within the limits and inert, whoever shares it', async () => {
    await holds(
      'Discord shared copy, 100 KB texts',
      fc.property(replyArb(true), hostileText, fc.constantFrom('en' as const, 'fr' as const), (reply, name, lang) => {
        const seen = renderDiscord(reply, { shareId: 'deal:share:en' });
        checkDiscord({ ...seen, embeds: sharedCopy(seen.embeds, lang, name), components: [] }, reply);
      }),
      { ...FUZZ, numRuns: BIG_RUNS },
    );
  }, FUZZ_TIMEOUT_MS);
});
