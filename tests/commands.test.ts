// The /deal commands through the real bot, engine and shipped fact base.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { consoleAsker } from '../src/adapters/console/chat.ts';
import { createBot } from '../src/core/create-bot.ts';
import { defineCommand } from '../src/core/command.ts';
import { formatFigure } from '../src/core/format.ts';
import { GapLog } from '../src/core/gaps.ts';
import { SqliteDriver } from '../src/store/sqlite.ts';
import { SqlUnansweredLog } from '../src/store/unanswered.ts';
import { commands } from '../commands/index.ts';
import { testBot } from './helpers/bot.ts';
import { FAKE_SLACK_BOT_TOKEN } from './helpers/fake-tokens.ts';

const bot = testBot();
const asker = consoleAsker();
const base = () => bot.engine().base;

/** Every item must come from a fact of the base and carry that fact's source. */
function expectGrounded(items: { factId?: string; text: string; figure?: string; citation: { sourceId?: string; section?: string } }[]) {
  for (const item of items) {
    const fact = base().byId.get(item.factId!);
    expect(fact, `item ${item.factId} is a fact of the base`).toBeDefined();
    expect(item.citation.sourceId).toBe(fact!.citation.source);
    expect(item.citation.section).toBe(fact!.citation.section);
    if (item.figure) {
      for (const lang of ['en', 'fr'] as const) {
        if (fact!.figures.map((f) => formatFigure(f, lang)).join(' · ') === item.figure) return;
      }
      throw new Error(`figure "${item.figure}" is not the fact's`);
    }
  }
}

describe('/deal <topic>', () => {
  it('energy lists the 10 GW and 8-million-homes figures with citations', async () => {
    const r = await bot.answer('energy', asker);
    expect(r.kind).toBe('answer');
    expect(r.lang).toBe('en');
    const figures = r.items.flatMap((i) => base().byId.get(i.factId!)!.figures);
    expect(figures).toContainEqual(expect.objectContaining({ value: 10, unit: 'GW', qualifier: 'at-least' }));
    expect(figures).toContainEqual(expect.objectContaining({ value: 8e6, qualifier: 'more-than' }));
    expect(r.items.every((i) => i.citation.source.includes('OpenAI et Nvidia'))).toBe(true);
    // One source, listed once, numbered like every item's marker.
    expect(r.sources).toEqual([expect.objectContaining({ ref: 1, title: expect.stringContaining('OpenAI et Nvidia') })]);
    expect(r.items.every((i) => i.citation.ref === 1)).toBe(true);
    expectGrounded(r.items);
  });

  it('énergie answers the same facts in French', async () => {
    const en = await bot.answer('energy', asker);
    const fr = await bot.answer('énergie', asker);
    expect(fr.lang).toBe('fr');
    expect(fr.items.map((i) => i.factId).sort()).toEqual(en.items.map((i) => i.factId).sort());
    const fact = base().byId.get(fr.items[0]!.factId!)!;
    expect(fr.items[0]!.text).toBe(fact.kind === 'quote' ? fr.items[0]!.text : fact.statement.fr);
  });

  it('tesla gets no facts, says so and suggests topics', async () => {
    const r = await bot.answer('tesla', asker);
    expect(r.kind).toBe('no-facts');
    expect(r.items).toEqual([]);
    expect(r.intro).toContain('tesla');
    expect(r.suggestions.length).toBeGreaterThan(3);
  });

  it('a question finer than the sources is unanswered, and says what they do say, cited', async () => {
    const r = await bot.answer('which month does the first phase start?', asker);
    expect(r.kind).toBe('no-facts');
    expect(r.title).toBe('Not exactly in the sources');
    expect(r.intro).toMatch(/^The sources don't say exactly that \(“which month does the first phase start\?”\)/);
    expect(r.items[0]?.factId).toBe('timeline-first-phase-h2-2026');
    expect(r.items.length).toBeLessThanOrEqual(2);
    expect(r.items.every((i) => (i.citation.ref ?? 0) >= 1)).toBe(true);
    expect(r.suggestions).toEqual([]);
    const fr = await bot.answer('quel mois commence la première phase ?', asker);
    expect(fr.title).toBe('Pas exactement dans les sources');
    expect(fr.items[0]?.text).toMatch(/second semestre 2026/);
    // Asking for something the base lacks altogether still gets the topics, no fact.
    const none = await bot.answer("what's the price per GPU?", asker);
    expect(none.items).toEqual([]);
    expect(none.suggestions.length).toBeGreaterThan(3);
  });

  it('a French question gets a French answer about the first phase', async () => {
    const r = await bot.answer('quand commence la première phase ?', asker);
    expect(r.lang).toBe('fr');
    expect(r.items[0]?.when).toBeDefined();
    const first = base().byId.get(r.items[0]!.factId!)!;
    expect(first.when?.from.startsWith('2026')).toBe(true);
    expect(r.items[0]!.text).toBe(first.statement.fr);
  });

  it('a premise naming the wrong company is corrected in so many words, in the asker’s language', async () => {
    const en = await bot.answer('AMD is supplying the 10 GW of chips, correct?', asker);
    expect(en.intro).toBe("The sources don't say this about AMD. What they do say:");
    expect(en.items[0]?.text).toContain('Nvidia');
    const fr = await bot.answer("J'ai lu que c'était AMD qui investissait 100 milliards dans OpenAI, c'est bien ça ?", asker);
    expect(fr.intro).toBe('Les sources ne disent pas cela d’AMD. Voici ce qu’elles disent :');
    expectGrounded(fr.items);
  });

  it('a stated figure the sources do not give is named as not backed, in the asker’s language', async () => {
    const en = await bot.answer('Nvidia is investing 200 billion, right?', asker);
    expect(en.intro).toBe("The sources don't back “200 billion” here. What they do say:");
    expect(en.items[0]?.figure).toContain('100');
    const fr = await bot.answer('Oracle a pris 10 % ?', asker);
    expect(fr.intro).toBe('Les sources ne confirment pas « 10 % » ici. Voici ce qu’elles disent :');
    expectGrounded(fr.items);
  });

  it('a figure said to be something the sources do not give is shown as what it is, in the asker’s language', async () => {
    const en = await bot.answer('Is 8 million the number of chips in the first phase?', asker);
    expect(en.intro).toBe("The sources don't back what this says of “8 million”. What they say it is:");
    expect(en.items[0]?.factId).toBe('energy-8-million-households');
    const fr = await bot.answer("8 millions, c'est le nombre de serveurs ?", asker);
    expect(fr.intro).toBe('Les sources ne confirment pas ce que ce message dit de « 8 millions ». Voici ce que c’est selon elles :');
    expectGrounded(fr.items);
  });

  it('a regulator the article never names, checked as who it was, is corrected with its article in French', async () => {
    const fr = await bot.answer("C'est la Commission européenne qui va enquêter sur l'accord ?", asker);
    expect(fr.intro).toBe('Les sources ne disent pas cela de la Commission européenne. Voici ce qu’elles disent :');
    expectGrounded(fr.items);
  });

  it('a premise the question opens on is checked when the question proper finds nothing, and said so', async () => {
    const en = await bot.answer('Now that the final contract is signed, when does it close?', asker);
    expect(en.intro).toBe('On “the final contract is signed”, the sources say:');
    expect(en.items[0]?.factId).toBe('deal-letter-of-intent');
    const fr = await bot.answer('Puisque le contrat définitif est signé, quand sera-t-il finalisé ?', asker);
    expect(fr.intro).toBe('Sur « le contrat définitif est signé », les sources disent :');
    expectGrounded(fr.items);
  });
});

describe('/deal with no text', () => {
  it('shows the headline facts', async () => {
    const r = await bot.answer('', asker);
    const headline = base().facts.filter((f) => f.headline).map((f) => f.id);
    expect(headline.length).toBeGreaterThan(2);
    expect(r.items.map((i) => i.factId)).toEqual(headline);
  });
});

describe('/deal timeline', () => {
  it('lists every dated fact in date order', async () => {
    const r = await bot.answer('timeline', asker);
    const dated = base().facts.filter((f) => f.when);
    expect(r.items).toHaveLength(dated.length);
    const froms = r.items.map((i) => base().byId.get(i.factId!)!.when!.from);
    expect([...froms].sort()).toEqual(froms);
    expectGrounded(r.items);
  });

  it('answers in French for the French word', async () => {
    const r = await bot.answer('chronologie', asker);
    expect(r.lang).toBe('fr');
    expect(r.title).toBe('Calendrier');
  });

  it('"timeline of …" is a question, not the bare command', async () => {
    const r = await bot.answer('timeline of the first phase', asker);
    expect(r.title).not.toBe('Timeline');
  });
});

describe('/deal quotes', () => {
  it('lists every quote verbatim with speaker, role and organisation', async () => {
    const r = await bot.answer('quotes', asker);
    const quotes = base().facts.filter((f) => f.kind === 'quote');
    expect(r.items).toHaveLength(quotes.length);
    for (const item of r.items) {
      const fact = base().byId.get(item.factId!)!;
      if (fact.kind !== 'quote') throw new Error('not a quote');
      expect(item.quote?.text).toBe(fact.quote.original);
      expect(item.quote?.speaker).toBe(fact.quote.speaker);
      expect(item.text).toContain(fact.quote.original);
      expect(item.text).toContain(fact.quote.translation!.en);
    }
  });

  it('filters by speaker, case- and accent-insensitively', async () => {
    const speaker = base().facts.find((f) => f.kind === 'quote')!;
    if (speaker.kind !== 'quote') throw new Error();
    const last = speaker.quote.speaker.split(' ').pop()!.toUpperCase();
    const r = await bot.answer(`quotes ${last}`, asker);
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.items.every((i) => i.quote?.speaker === speaker.quote.speaker)).toBe(true);
    expect(r.title).toContain(speaker.quote.speaker);
  });

  it('says when a speaker has no quotes', async () => {
    const r = await bot.answer('quotes Elon Musk', asker);
    expect(r.kind).toBe('no-facts');
    expect(r.intro).toContain('Elon Musk');
  });
});

describe('/deal market, sources, help', () => {
  it('market lists the recorded moves first', async () => {
    const r = await bot.answer('market', asker);
    const moves = base().facts.filter((f) => f.kind === 'market-move').map((f) => f.id);
    expect(r.items.slice(0, moves.length).map((i) => i.factId)).toEqual(moves);
    expectGrounded(r.items);
  });

  it('sources names the source, its unknown publisher and date, and the base version', async () => {
    const r = await bot.answer('sources', asker);
    const source = [...base().sources.values()][0]!;
    expect(r.lines[0]).toContain(source.title);
    expect(r.lines[0]).toContain('publication date not given');
    expect(r.footer).toContain(base().fingerprint);
  });

  it('help lists every command', async () => {
    const r = await bot.answer('help', asker);
    for (const c of commands) expect(r.lines.some((l) => l.startsWith(`/deal ${c.name}`.trim()))).toBe(true);
    const fr = await bot.answer('aide', asker);
    expect(fr.lang).toBe('fr');
  });
});

describe('limits and failures', () => {
  it('cuts a long question and says so', async () => {
    const r = await bot.answer('energy '.repeat(200), asker);
    expect(r.intro).toMatch(/cut to its first 500 characters/);
  });

  it('echoes at most 80 characters of an unanswerable question', async () => {
    const r = await bot.answer(`zzqx ${'y'.repeat(300)}`, asker);
    expect(r.kind).toBe('no-facts');
    expect(r.intro).toContain(`zzqx ${'y'.repeat(75)}…”`);
    expect(r.intro).not.toContain('y'.repeat(80));
  });

  it('answers hostile text without echoing control characters', async () => {
    const r = await bot.answer('\u0000\u202e<!channel> @everyone tesla\u0007', asker);
    expect(r.query).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(r.kind).toBe('no-facts');
  });

  it('a failing command becomes an apology, not a crash', async () => {
    const boom = defineCommand({
      name: 'boom',
      aliases: [],
      description: { en: 'fails', fr: 'échoue' },
      usage: '',
      acceptsText: false,
      args: z.object({}),
      parseArgs: () => ({}),
      run: () => {
        throw new Error('kaput');
      },
    });
    const failing = createBot({ engine: bot.engine, commands: [...commands, boom] });
    const r = await failing.answer('boom', asker);
    expect(r.kind).toBe('error');
    expect(r.intro).toMatch(/Sorry/);
    expect(JSON.stringify(r)).not.toContain('kaput');
  });

  it('records questions without facts for curators, most asked first, scrubbed of secrets', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'gaps-')), 'dealbot.db');
    const db = SqliteDriver.open(path);
    const gaps = new GapLog(new SqlUnansweredLog(db));
    const withGaps = createBot({ engine: bot.engine, commands, gaps });
    await withGaps.answer('tesla', asker);
    await withGaps.answer('what is the weather in Paris?', asker);
    await withGaps.answer('Tesla', asker);
    await withGaps.answer('energy', asker);
    await withGaps.answer(`why ${FAKE_SLACK_BOT_TOKEN} does not work`, asker);
    await withGaps.flush?.();
    expect(await new SqlUnansweredLog(db).list()).toHaveLength(4);
    const listed = (await gaps.list()).map((g) => [g.query, g.count]);
    expect(listed[0]).toEqual(['tesla', 2]);
    expect(listed.slice(1)).toEqual(expect.arrayContaining([['why [redacted] does not work', 1], ['what is the weather in Paris?', 1]]));
    expect(listed).toHaveLength(3);
    await db.close();
    rmSync(dirname(path), { recursive: true, force: true });
  });
});

describe('figures in French', () => {
  it('"de" only after a scale word: "100 milliards de dollars", "12 dollars"', () => {
    expect(formatFigure({ value: 100e9, unit: 'USD', currency: 'USD', qualifier: 'up-to' } as never, 'fr')).toMatch(/100 milliards de dollars$/);
    expect(formatFigure({ value: 12, unit: 'USD', currency: 'USD', qualifier: 'exact' } as never, 'fr')).toBe('12 dollars');
  });
});
