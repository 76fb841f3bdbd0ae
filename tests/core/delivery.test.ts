// The delivery policy on its own, with the real bot and in-memory stores: who sees what, when
// Share is offered and what it posts, and "… and N more" counted once.
import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/core/bot.ts';
import { fitReply, reply } from '../../src/core/reply.ts';
import { MemorySharedAnswers } from '../../src/store/shared-answers.ts';
import { testBot, testPolicy } from '../helpers/bot.ts';

const asker: Asker = { platform: 'chat', channel: { platform: 'chat', id: 'C1', workspace: 'W1' }, user: { id: 'U1', name: 'ana' }, isAdmin: async () => false };

describe('delivery policy', () => {
  it('a command answer goes to the asker with Share offered and the answer kept; the press posts exactly it', async () => {
    const shared = new MemorySharedAnswers();
    const policy = testPolicy(testBot(), { shared });
    const d = (await policy.ask({ text: 'energy', asker, via: 'command' }))!;
    expect(d).toMatchObject({ audience: 'asker', offerShare: true, shareId: expect.any(String) });
    const outcome = await policy.share({ asker: { ...asker, user: { id: 'U2', name: 'bo' } }, lang: 'en', shareId: d.shareId! });
    expect(outcome).toEqual({ post: d.reply, attribution: { kind: 'shared', name: 'bo' } });
  });

  it('Share of an answer no longer kept, or of a notice, gets a private notice, never a post', async () => {
    const shared = new MemorySharedAnswers();
    const policy = testPolicy(testBot(), { shared });
    expect(await policy.share({ asker, lang: 'fr', shareId: 'gone' })).toMatchObject({ notice: { audience: 'asker', reply: { kind: 'notice', lang: 'fr' } } });
    const noticeId = shared.put(reply({ kind: 'notice', lang: 'en', title: 'One moment', items: [] }));
    expect(await policy.share({ asker, lang: 'en', shareId: noticeId })).toMatchObject({ notice: { audience: 'asker' } });
    expect(await policy.share({ asker, lang: 'en' })).toMatchObject({ notice: { reply: { intro: expect.stringMatching(/Nothing to share/) } } });
    expect(await policy.share({ asker, lang: 'en', seenOnMessage: true })).toEqual({ post: 'seen', attribution: { kind: 'shared', name: 'ana' } });
  });

  it('a public command posts shareable answers to the channel, credited; anything else stays with the asker', async () => {
    const policy = testPolicy(testBot());
    expect(await policy.ask({ text: 'energy', asker, via: 'command', public: true })).toMatchObject({ audience: 'channel', attribution: { kind: 'asked', name: 'ana' } });
    for (const text of ['help', 'tesla', 'subscribe 25:00']) {
      const d = await policy.ask({ text, asker, via: 'command', public: true });
      expect(d?.audience, text).toBe('asker');
      expect(d?.offerShare, text).toBeUndefined();
    }
  });

  it('offers no Share in a private place, and keeps nothing when the platform hands the message back', async () => {
    const shared = new MemorySharedAnswers();
    const policy = testPolicy(testBot(), { shared: { put: (v) => shared.put(v), get: (id) => shared.get(id) } });
    expect((await policy.ask({ text: 'energy', asker, via: 'command', private: true }))?.offerShare).toBeUndefined();
    const d = await policy.ask({ text: 'energy', asker, via: 'command', seenComesBack: true });
    expect(d).toMatchObject({ offerShare: true });
    expect(d?.shareId).toBeUndefined();
  });

  it('mentions and DMs are answered where they were asked; a message key is answered once', async () => {
    const policy = testPolicy(testBot());
    expect(await policy.ask({ text: 'energy', asker, via: 'mention', messageKey: 'chat:W1:C1:1' })).toMatchObject({ audience: 'channel' });
    expect(await policy.ask({ text: 'energy', asker, via: 'dm', messageKey: 'chat:W1:C1:1' })).toBeUndefined();
  });

  it('holds a message while answering it, keeps it once answered, and a ledger that does not answer never makes the bot deaf', async () => {
    const calls: string[] = [];
    const held = new Set<string>();
    const ledger = {
      claim: async (key: string, hold: { holder: string; holdMs: number }) => {
        calls.push(`claim ${key} ${hold.holder} ${hold.holdMs}`);
        if (held.has(key)) return false;
        held.add(key);
        return true;
      },
      done: async (key: string) => void calls.push(`done ${key}`),
    };
    const policy = testPolicy(testBot(), { delivered: ledger, holder: 'replica-2' });
    expect(await policy.ask({ text: 'energy', asker, via: 'mention', messageKey: 'chat:W1:C1:1' })).toMatchObject({ audience: 'channel' });
    expect(calls).toEqual(['claim chat:W1:C1:1 replica-2 30000', 'done chat:W1:C1:1']);
    held.add('chat:W1:C1:2'); // another replica is answering it
    expect(await policy.ask({ text: 'energy', asker, via: 'mention', messageKey: 'chat:W1:C1:2' })).toBeUndefined();
    expect(calls.filter((c) => c.startsWith('done'))).toHaveLength(1);
    // A press delivered twice acts once.
    expect(await policy.share({ asker, lang: 'en', seenOnMessage: true, messageKey: 'chat:trigger:9' })).toMatchObject({ post: 'seen' });
    expect(await policy.share({ asker, lang: 'en', seenOnMessage: true, messageKey: 'chat:trigger:9' })).toBeUndefined();

    const down = testPolicy(testBot(), { delivered: { claim: () => Promise.reject(new Error('store down')), done: () => Promise.reject(new Error('store down')) } });
    expect(await down.ask({ text: 'energy', asker, via: 'mention', messageKey: 'chat:W1:C1:3' })).toMatchObject({ audience: 'channel' });
  });

  it('a failure is one apology, to the asker, in the language asked', () => {
    expect(testPolicy(testBot()).apology('fr')).toMatchObject({ audience: 'asker', reply: { kind: 'error', lang: 'fr', intro: expect.stringMatching(/^Désolé/) } });
  });

  it('cuts a reply to a platform’s capacity once, adding to what the command left out', async () => {
    const policy = testPolicy(testBot());
    const d = (await policy.ask({ text: 'timeline', asker, via: 'mention' }, () => 2))!;
    const all = (await policy.ask({ text: 'timeline', asker, via: 'mention' }))!;
    expect(d.reply.items).toEqual(all.reply.items.slice(0, 2).map((i) => ({ ...i })));
    expect(d.reply.omitted).toBe(all.reply.omitted + all.reply.items.length - 2);
    // Fitting again to the same or a larger capacity changes nothing.
    expect(fitReply(d.reply, 2)).toBe(d.reply);
    expect(fitReply(d.reply, 99)).toBe(d.reply);
  });
});
