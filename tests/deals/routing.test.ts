// Routing between two deals through the real bot, commands and engines: a question naming the
// second deal (its parties, its name, a person quoted in it) is answered from it; anything else
// from the channel's deal (/deal use, DEFAULT_DEAL, the base's default); every answer says which
// deal it is about. A base with one deal answers as it always did.
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Asker } from '../../src/core/bot.ts';
import type { ChannelRef } from '../../src/core/command.ts';
import type { ThreadContext } from '../../src/core/follow-up.ts';
import { createBot } from '../../src/core/create-bot.ts';
import { GapLog, type UnansweredQuestion } from '../../src/core/gaps.ts';
import { parseDealDefaults } from '../../src/deals/channel-deal.ts';
import { routerOf } from '../../src/deals/router.ts';
import { MemoryChannelDeals } from '../../src/store/channel-deals.ts';
import { testBot } from '../helpers/bot.ts';
import { FIRST, SECOND, shipped, twoDealHolder } from '../helpers/deals.ts';

const channel = (id: string, workspace = 'T1'): ChannelRef => ({ platform: 'slack', id, workspace });
const asker = (id: string, admin = false, workspace = 'T1'): Asker => ({ platform: 'slack', channel: channel(id, workspace), user: { id: admin ? 'UADMIN' : 'UMEMBER', name: admin ? 'boss' : 'member' }, isAdmin: async () => admin, lang: 'en' });

function twoDealBot(opts: { defaults?: string } = {}) {
  const holder = twoDealHolder();
  const store = new MemoryChannelDeals();
  const bot = createBot({ engine: holder.current, deals: holder.deals, channelDeals: store, dealDefaults: parseDealDefaults(opts.defaults), commands });
  return { bot, store, holder };
}

const factIds = (r: { items: { factId?: string }[] }) => r.items.map((i) => i.factId ?? '');

describe('the router', () => {
  const router = routerOf(twoDealHolder().deals());
  it('names a deal by a party, an alias, its name or a person quoted in it', () => {
    for (const q of ['how much is Northwind paying?', "what's Kestrel's fleet?", 'the kestrel takeover, when?', 'what did Maya Lindqvist say?', 'quotes lindqvist', 'Northwind–Kestrel acquisition status']) {
      expect(router.named(q)[0]?.entry.id, q).toBe(SECOND);
    }
    for (const q of ['how much will Nvidia invest?', 'what did Sam Altman say?', 'the green team', 'OpenAI–Nvidia partnership']) expect(router.named(q)[0]?.entry.id, q).toBe(FIRST);
    expect(router.named('when does the first phase start?')).toEqual([]);
  });

  it('keeps the channel’s deal when the question names it as much as another', () => {
    const set = twoDealHolder().deals();
    const [second, first] = set.deals;
    expect(router.route('how does Northwind compare with Nvidia?', first!).id).toBe(FIRST);
    expect(router.route('how does Northwind compare with Nvidia?', second!).id).toBe(SECOND);
    expect(router.route('Northwind and Kestrel versus Nvidia', first!).id).toBe(SECOND); // two of its parties against one
    expect(router.find('kestrel')?.id).toBe(SECOND);
    expect(router.find(FIRST)?.id).toBe(FIRST);
    expect(router.find('nothing here')).toBeUndefined();
  });
});

describe('two deals through the bot', () => {
  it('a question that got no facts is kept for curators under its deal, without the deal id typed before it', async () => {
    const kept: UnansweredQuestion[] = [];
    const gaps = new GapLog({ record: async (q) => void kept.push(q), list: async () => kept });
    const holder = twoDealHolder();
    const bot = createBot({ engine: holder.current, deals: holder.deals, channelDeals: new MemoryChannelDeals(), commands, gaps });
    await bot.answer(`${SECOND} how many trucks are electric?`, asker('C1'));
    await bot.flush?.();
    expect(kept).toMatchObject([{ query: 'how many trucks are electric?', deal: SECOND }]);
  });

  it('a follow-up in a thread about the second deal stays with it', async () => {
    const { bot } = twoDealBot();
    let context: ThreadContext | undefined;
    const keep = { onContext: (c: ThreadContext) => void (context = c) };
    const first = await bot.answer('how much is Northwind paying for Kestrel?', asker('C1'), keep);
    expect(first.deal?.id).toBe(SECOND);
    expect(context?.deal).toBe(SECOND);
    const fr = await bot.answer('and in French?', asker('C1'), { ...keep, ...(context ? { context } : {}) });
    expect(fr.deal?.id).toBe(SECOND);
    expect(fr.lang).toBe('fr');
    expect(factIds(fr)).toContain('northwind-kestrel-price-up-to-640m');
    expect(factIds(fr).every((id) => id.startsWith('northwind-kestrel-'))).toBe(true);
  });

  it('answers a question naming the second deal’s party from it, in a channel of the first, and says so in the header', async () => {
    const { bot } = twoDealBot();
    const r = await bot.answer('how much is Northwind paying for Kestrel?', asker('C1'));
    expect(r.kind).toBe('answer');
    expect(r.deal).toEqual({ id: SECOND, name: 'Northwind–Kestrel acquisition' });
    expect(factIds(r)).toContain('northwind-kestrel-price-up-to-640m');
    expect(factIds(r).every((id) => id.startsWith('northwind-kestrel-'))).toBe(true);

    // Anything else: the channel's deal (the base's default, the shipped one).
    const own = await bot.answer('how much will Nvidia invest?', asker('C1'));
    expect(own.deal?.id).toBe(FIRST);
    expect(factIds(own)).toContain('investment-up-to-100bn');
    const overview = await bot.answer('', asker('C1'));
    expect(overview.deal).toEqual({ id: FIRST, name: 'OpenAI–Nvidia partnership' });
  });

  it('in a small base, "the deal" names its subject and narrows nothing: the closing date answers', async () => {
    const { bot } = twoDealBot();
    const r = await bot.answer('northwind kestrel: when does the deal close?', asker('C1'));
    expect(r.deal?.id).toBe(SECOND);
    expect(factIds(r)[0]).toBe('northwind-kestrel-closing-q3-2027');
  });

  it('/deal use is for admins; once set, /deal and unnamed questions answer from the channel’s deal', async () => {
    const { bot, store } = twoDealBot();
    const refused = await bot.answer(`use ${SECOND}`, asker('C2'));
    expect(refused.kind).toBe('notice');
    expect(refused.lines.join(' ')).toMatch(/Only administrators can change this channel’s deal/);
    expect(await store.get(channel('C2'))).toBeUndefined();

    const set = await bot.answer(`use ${SECOND}`, asker('C2', true));
    expect(set.lines.join(' ')).toContain('This channel now asks about Northwind–Kestrel acquisition (northwind-kestrel)');
    expect(await store.get(channel('C2'))).toMatchObject({ deal: SECOND, setBy: 'boss' });

    const overview = await bot.answer('', asker('C2'));
    expect(overview.deal?.id).toBe(SECOND);
    expect(factIds(overview).sort()).toEqual(['northwind-kestrel-12-per-share', 'northwind-kestrel-closing-q3-2027', 'northwind-kestrel-price-up-to-640m']);
    const timeline = await bot.answer('timeline', asker('C2'));
    expect(factIds(timeline)).toEqual(['northwind-kestrel-closing-q3-2027', 'northwind-kestrel-software-by-march-2028']);
    const when = await bot.answer('when does the acquisition close?', asker('C2'));
    expect(factIds(when)[0]).toBe('northwind-kestrel-closing-q3-2027');
    // A question naming the other deal still goes there; another channel keeps its own deal.
    expect((await bot.answer('how much will Nvidia invest?', asker('C2'))).deal?.id).toBe(FIRST);
    expect((await bot.answer('', asker('C3'))).deal?.id).toBe(FIRST);

    // Anyone may see how the channel's deal was chosen; an admin may go back to the default.
    expect((await bot.answer('use', asker('C2'))).lines.join(' ')).toMatch(/This channel asks about Northwind–Kestrel acquisition \(northwind-kestrel\), set by boss on /);
    expect((await bot.answer('use reset', asker('C2', true))).lines.join(' ')).toContain('now asks about OpenAI–Nvidia partnership (openai-nvidia)');
    expect((await bot.answer('', asker('C2'))).deal?.id).toBe(FIRST);
  });

  it('takes a deal by a word naming it, refuses an unknown one, and treats a question starting with "use" as a question', async () => {
    const { bot, store } = twoDealBot();
    expect((await bot.answer('use kestrel', asker('C4', true))).lines.join(' ')).toContain('(northwind-kestrel)');
    expect((await store.get(channel('C4')))?.deal).toBe(SECOND);
    const unknown = await bot.answer('use acme', asker('C4', true));
    expect(unknown.lines.join(' ')).toBe('No deal “acme” in the fact base. Its deals: northwind-kestrel, openai-nvidia.');
    expect((await store.get(channel('C4')))?.deal).toBe(SECOND);
    const question = await bot.answer('use of the gigawatts by OpenAI?', asker('C4'));
    expect(question.kind === 'answer' || question.kind === 'no-facts').toBe(true);
  });

  it('/deal <deal> … asks one deal directly, whatever the channel’s', async () => {
    const { bot } = twoDealBot();
    const r = await bot.answer(`${SECOND} timeline`, asker('C5'));
    expect(r.deal?.id).toBe(SECOND);
    expect(factIds(r)).toEqual(['northwind-kestrel-closing-q3-2027', 'northwind-kestrel-software-by-march-2028']);
    const quotes = await bot.answer(`${SECOND} quotes`, asker('C5'));
    expect(quotes.items.map((i) => i.quote?.speaker)).toEqual(['Maya Lindqvist', 'Tom Berg']);
  });

  it('/deal deals lists every deal, its status, parties and facts, and marks the channel’s', async () => {
    const { bot } = twoDealBot();
    await bot.answer(`use ${SECOND}`, asker('C6', true));
    const r = await bot.answer('deals', asker('C6'));
    expect(r.title).toBe('Deals');
    expect(r.lines).toEqual([
      '• northwind-kestrel — Northwind–Kestrel acquisition · pending approval · Northwind Logistics, Kestrel Freight · 10 facts · 1 source  ← this channel',
      `• openai-nvidia — OpenAI–Nvidia partnership · letter of intent · OpenAI, Nvidia · ${shipped().facts.length} facts · 1 source`,
    ]);
    const fr = await bot.answer('accords', asker('C6'));
    expect(fr.lang).toBe('fr');
    expect(fr.lines[0]).toBe('• northwind-kestrel — Rachat de Kestrel par Northwind · en attente d’autorisation · Northwind Logistics, Kestrel Freight · 10 faits · 1 source  ← ce canal');
  });

  it('a workspace default (DEFAULT_DEAL) applies to channels without a deal of their own', async () => {
    const { bot } = twoDealBot({ defaults: `${FIRST},T2=${SECOND}` });
    expect((await bot.answer('', asker('C7', false, 'T2'))).deal?.id).toBe(SECOND);
    expect((await bot.answer('', asker('C7', false, 'T1'))).deal?.id).toBe(FIRST);
    expect((await bot.answer('use', asker('C7', false, 'T2'))).lines.join(' ')).toContain('this workspace’s default deal (DEFAULT_DEAL)');
  });

  it('a question the channel’s deal cannot answer says which other deal can', async () => {
    const { bot } = twoDealBot();
    const r = await bot.answer('how many drivers are employed?', asker('C8'));
    expect(r.kind).toBe('no-facts');
    expect(r.deal?.id).toBe(FIRST);
    expect(r.lines.at(-1)).toBe('Another deal of the base has facts on this: Northwind–Kestrel acquisition (/deal northwind-kestrel how many drivers are employed?).');
    const asked = await bot.answer(`${SECOND} how many drivers are employed?`, asker('C8'));
    expect(factIds(asked)).toContain('northwind-kestrel-drivers-3100');
  });

  it('autocomplete offers each deal’s choices, each asking its deal', () => {
    const { bot } = twoDealBot();
    const all = bot.suggest!('ma', 25, 'en');
    expect(all.some((s) => s.value.startsWith(`${SECOND} `))).toBe(true);
    expect(all.some((s) => s.value.startsWith(`${FIRST} `))).toBe(true);
    const named = bot.suggest!('kestrel', 25, 'en');
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((s) => s.value.startsWith(`${SECOND} `) && s.label.startsWith('Northwind–Kestrel acquisition · '))).toBe(true);
  });
});

describe('a base with one deal', () => {
  it('answers as before: no deal in the header, /deal use and /deal deals name the one deal', async () => {
    const bot = testBot();
    const r = await bot.answer('how much will Nvidia invest?', asker('C9'));
    expect(r.deal).toBeUndefined();
    expect(r.kind).toBe('answer');
    expect((await bot.answer('', asker('C9'))).deal).toBeUndefined();
    expect((await bot.answer('use', asker('C9'))).lines).toEqual(['The fact base follows one deal: OpenAI–Nvidia partnership (openai-nvidia).']);
    const deals = await bot.answer('deals', asker('C9'));
    expect(deals.lines).toEqual([`• openai-nvidia — OpenAI–Nvidia partnership · letter of intent · OpenAI, Nvidia · ${shipped().facts.length} facts · 1 source`]);
    expect(deals.footer).toBeUndefined();
    // Northwind is no party here: the question is the one deal's, and it has no facts on it.
    expect((await bot.answer('how much is Northwind paying?', asker('C9'))).kind).toBe('no-facts');
  });
});
