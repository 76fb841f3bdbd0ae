// Follow-ups and the asker's language, in the core: how a reply in a thread is read with what the
// thread was about (the shipped base, the real engine), and the delivery policy keeping that
// context per thread, with an expiry, never across threads.
import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/core/bot.ts';
import { readFollowUp, readsAsQuestion, type ThreadContext } from '../../src/core/follow-up.ts';
import { langOfLocale, resolveLang } from '../../src/core/language.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { MemoryThreadContexts } from '../../src/store/thread-contexts.ts';
import { MemoryUserSettings } from '../../src/store/user-settings.ts';
import { testBot, testPolicy } from '../helpers/bot.ts';

const bot = testBot();
const engine = bot.engine();
const invest: ThreadContext = { subject: 'how much will Nvidia invest?', lang: 'en', factIds: ['investment-up-to-100bn', 'deal-value-100bn'], askers: ['U1'] };

describe('reading a follow-up', () => {
  it('"and in French?" asks the same question in French', () => {
    expect(readFollowUp('and in French?', invest, engine)).toMatchObject({ mode: 'language', text: 'how much will Nvidia invest?', lang: 'fr' });
    expect(readFollowUp('en anglais stp', { ...invest, lang: 'fr' }, engine)).toMatchObject({ mode: 'language', lang: 'en' });
  });

  it('"what about Oracle?" asks it of another company', () => {
    expect(readFollowUp('what about Oracle?', invest, engine)).toMatchObject({ mode: 'swap', text: 'how much will Oracle invest?', lang: 'en' });
    expect(readFollowUp('et Microsoft ?', invest, engine)).toMatchObject({ mode: 'swap', text: 'how much will Microsoft invest?' });
  });

  it('"when?" and "who said that?" ask their form of the subject', () => {
    const energy: ThreadContext = { subject: 'energy', lang: 'en', factIds: [], askers: ['U1'] };
    expect(readFollowUp('when?', energy, engine)).toMatchObject({ mode: 'form', text: 'when energy' });
    expect(readFollowUp('who said that?', invest, engine)?.text).toBe('who said nvidia invest');
    const answered = engine.search(readFollowUp('when?', energy, engine)!.text);
    expect(answered.hits.map((h) => h.fact.id)).toContain('timeline-2026-first-delivery-1gw');
  });

  it('"plus de détails ?" leaves out what the thread already showed, in the follow-up’s language', () => {
    expect(readFollowUp('plus de détails ?', invest, engine)).toMatchObject({ mode: 'more', text: 'how much will Nvidia invest?', lang: 'fr', exclude: invest.factIds });
    expect(readFollowUp('tell me more', invest, engine)).toMatchObject({ mode: 'more', lang: 'en' });
  });

  it('a question that stands on its own is not a follow-up', () => {
    expect(readFollowUp('what is the timeline of the first phase?', invest, engine)).toBeUndefined();
    expect(readFollowUp('is it signed?', invest, engine)).toBeUndefined(); // answered as it stands
  });

  it('a thread reply without a mention is for the bot only when it reads as asked', () => {
    for (const yes of ['and in French?', 'plus de détails ?', 'when does it start', 'Oracle?', 'combien ?']) expect(readsAsQuestion(yes), yes).toBe(true);
    for (const no of ['thanks!', 'ok', 'lol nice', '']) expect(readsAsQuestion(no), no).toBe(false);
  });
});

function asker(over: Partial<Asker> = {}): Asker {
  return { platform: 'slack', channel: { platform: 'slack', id: 'C1', workspace: 'T1' }, user: { id: 'U1' }, isAdmin: async () => false, ...over };
}

describe('threads in the delivery policy', () => {
  it('keeps a context per thread, with an expiry; another thread, or the same after expiry, starts afresh', async () => {
    let t = 0;
    const threads = new MemoryThreadContexts(100, () => t);
    const policy = testPolicy(bot, { threads, threadTtlMs: 60_000 });
    const ask = (text: string, thread: string) => policy.ask({ text, asker: asker(), via: 'mention', thread: { key: thread, from: thread } });
    await ask('how much will Nvidia invest?', 'slack:T1:C1:1.0');
    const french = await ask('and in French?', 'slack:T1:C1:1.0');
    expect(french?.reply).toMatchObject({ lang: 'fr', intro: expect.stringContaining('Suite de « how much will Nvidia invest? »') });
    const elsewhere = await ask('and in French?', 'slack:T1:C1:2.0');
    expect(elsewhere?.reply.intro ?? '').not.toContain('Suite de');
    t += 61_000;
    const late = await ask('and in French?', 'slack:T1:C1:1.0');
    expect(late?.reply.intro ?? '').not.toContain('Suite de');
  });

  it('a reply that did not mention the bot is answered only from someone who asked in that thread', async () => {
    const policy = testPolicy(bot, { threads: new MemoryThreadContexts() });
    const thread = { key: 'slack:T1:C1:3.0', from: 'slack:T1:C1:3.0' };
    await policy.ask({ text: 'energy', asker: asker(), via: 'mention', thread });
    expect(await policy.ask({ text: 'when?', asker: asker({ user: { id: 'U2' } }), via: 'mention', thread, addressed: false })).toBeUndefined();
    expect((await policy.ask({ text: 'when?', asker: asker(), via: 'mention', thread, addressed: false }))?.reply.intro).toContain('Following up on “energy”');
  });
});

describe('the asker’s language', () => {
  it('their setting, else the platform’s, else the workspace’s setting, else the workspace’s locale, else English', async () => {
    const settings = new MemoryUserSettings();
    const platform = asker({ platformLang: async () => 'fr' as const });
    expect(await resolveLang(platform, settings)).toEqual({ lang: 'fr', source: 'platform' });
    expect(await resolveLang(asker({ workspaceLang: 'fr' }), settings)).toEqual({ lang: 'fr', source: 'workspace' });
    await settings.setLang({ platform: 'slack', workspace: 'T1', user: '*' }, 'en');
    expect(await resolveLang(asker({ workspaceLang: 'fr' }), settings)).toEqual({ lang: 'en', source: 'workspace-setting' });
    await settings.setLang({ platform: 'slack', workspace: 'T1', user: 'U1' }, 'en');
    expect(await resolveLang(platform, settings)).toEqual({ lang: 'en', source: 'setting' });
    expect(await resolveLang(asker({ platformLang: () => { throw new Error('users.info down'); } }))).toEqual({ lang: 'en', source: 'default' });
    expect([langOfLocale('fr-CA'), langOfLocale('en_GB'), langOfLocale('de-DE'), langOfLocale(undefined)]).toEqual(['fr', 'en', undefined, undefined]);
  });
});

describe('metrics', () => {
  it('count votes by platform', () => {
    const m = createMetrics();
    m.onVote({ platform: 'slack', vote: 'up' });
    m.onVote({ platform: 'slack', vote: 'up' });
    m.onVote({ platform: 'discord', vote: 'down' });
    const text = m.registry.render();
    expect(text).toContain('dealbot_feedback_votes_total{platform="slack",vote="up"} 2');
    expect(text).toContain('dealbot_feedback_votes_total{platform="discord",vote="down"} 1');
  });
});
