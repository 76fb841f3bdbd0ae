// The Discord renderer on hand-made Replies: layout, citations, escaping, limits, Share button.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dealCommandJson } from '../../src/adapters/discord/command-json.ts';
import { cut, escapeInline, escapeMarkdown } from '../../src/adapters/discord/escape.ts';
import { inviteUrl, invitePermissions } from '../../src/adapters/discord/invite.ts';
import { DISCORD_LIMITS, renderDiscord, sharedCopy, sharedRow } from '../../src/adapters/discord/render.ts';
import { langOfShare, shareCustomId } from '../../src/adapters/discord/share-ids.ts';
import { reply, type Reply, type ReplyItem } from '../../src/core/reply.ts';
import { commands } from '../../commands/index.ts';
import { embedChars, expectInert, expectWithinLimits, visibleText } from './limits.ts';

const HOSTILE = '@everyone <@&123> <@456> **bold** ||spoiler|| @here <#789> [x](https://evil.example) `code` > quote';

function item(i: number, over: Partial<ReplyItem> = {}): ReplyItem {
  return {
    factId: `f${i}`,
    text: `Fact number ${i} says something precise.`,
    figure: `${i} GW`,
    citation: { sourceId: 'journal', source: '« Article »', publisher: 'Le Journal', section: `S${i}`, url: 'https://example.com/a' },
    ...over,
  };
}

function answer(n: number, over: Partial<Reply> = {}): Reply {
  return reply({ kind: 'answer', lang: 'en', title: 'Energy', query: 'energy', items: Array.from({ length: n }, (_, i) => item(i)), footer: 'Answers come only from the cited fact base.', shareable: true, ...over });
}

describe('renderDiscord', () => {
  it('renders one embed with a field per item, its source number and section under it, and the source once', () => {
    const payload = renderDiscord(answer(3));
    expect(payload.embeds).toHaveLength(1);
    const fields = payload.embeds[0]!.fields!;
    expect(fields).toHaveLength(4);
    fields.slice(0, 3).forEach((f, i) => {
      expect(f.name).toContain(`${i} GW`);
      const [text, where] = f.value.split('\n');
      expect(text).toContain(`Fact number ${i}`);
      expect(where).toBe(`\\[1\\] § S${i}`);
      expect(f.value).not.toContain('Article');
    });
    expect(fields[3]).toEqual({ name: 'Sources', value: '\\[1\\] [« Article »](https://example.com/a) — Le Journal' });
    expect(payload.embeds[0]!.footer?.text).toBe('Answers come only from the cited fact base.');
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    expect(payload.components).toEqual([]);
    expect(payload.flags).toBeUndefined();
    expectWithinLimits(payload);
  });

  it('echoes the query in the title unless the title already says it', () => {
    expect(renderDiscord(answer(1, { title: 'Timeline', query: 'when is the first delivery' })).embeds[0]!.title).toBe(
      'Timeline — “when is the first delivery”',
    );
    expect(renderDiscord(answer(1, { title: 'Energy', query: 'energy' })).embeds[0]!.title).toBe('Energy');
  });

  it('lays out quotes as quotes with the speaker as field name', () => {
    const q = item(0, {
      figure: undefined,
      when: 'Sept 2025',
      text: '« Ceci est une citation » — Jensen Huang, CEO, Nvidia',
      quote: { text: 'Ceci est une citation', lang: 'fr', speaker: 'Jensen Huang', role: 'CEO', organisation: 'Nvidia' },
    });
    const f = renderDiscord(answer(0, { items: [q] })).embeds[0]!.fields![0]!;
    expect(f.name).toBe('Jensen Huang · Sept 2025');
    expect(f.value.startsWith('\\> ') || f.value.startsWith('> ')).toBe(true);
    expect(f.value).toContain('Jensen Huang');
  });

  it('makes hostile text inert in the title, description, fields and footer', () => {
    const r = answer(1, {
      title: `dealbot: ${HOSTILE}`,
      query: HOSTILE,
      intro: `No facts about “${HOSTILE}”.`,
      lines: [HOSTILE, `# heading\n- list`],
      items: [item(0, { text: HOSTILE, figure: HOSTILE, citation: { source: HOSTILE, publisher: HOSTILE, section: HOSTILE, url: 'javascript:alert(1)' } })],
      suggestions: [HOSTILE],
      footer: HOSTILE,
    });
    const rendered = renderDiscord(r);
    // As shared to a channel by someone whose name is hostile too.
    const payload = { ...rendered, embeds: sharedCopy(rendered.embeds, r.lang, '@everyone') };
    expectInert(payload);
    expectWithinLimits(payload);
    expect(JSON.stringify(payload)).not.toContain('javascript:');
    // Footers are plain text on Discord; everywhere markdown is parsed, the link is escaped.
    expect(visibleText(payload, { footers: false })).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(https?:/);
  });

  it('cuts a long answer within every limit and says how many items were left out', () => {
    const long = answer(60, {
      items: Array.from({ length: 60 }, (_, i) => item(i, { text: `Item ${i}: ${'x'.repeat(900)}` })),
    });
    const payload = renderDiscord(long);
    expectWithinLimits(payload);
    const embed = payload.embeds[0]!;
    const shown = embed.fields!.length - 1; // the last field lists the sources
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(60);
    expect(embed.description).toContain(`… and ${60 - shown} more`);
    // Every item field still ends with its source number and section, even when its text was cut.
    for (const f of embed.fields!.slice(0, -1)) expect(f.value.split('\n').at(-1)).toMatch(/^\\\[1\\\] § S\d+$/);
    expect(embedChars(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  });

  it('keeps at most 25 fields, the sources one of them', () => {
    const payload = renderDiscord(answer(30));
    expect(payload.embeds[0]!.fields).toHaveLength(25);
    expect(payload.embeds[0]!.description).toContain('… and 6 more');
  });

  it('says "… and N more" once, adding what the reply already left out', () => {
    const payload = renderDiscord(answer(30, { omitted: 11 }));
    expect(payload.embeds[0]!.description!.match(/… and \d+ more/g)).toEqual(['… and 17 more']);
    expect(renderDiscord(answer(3, { omitted: 4 })).embeds[0]!.description).toBe('… and 4 more (try a narrower question)');
  });

  it('says "… and N more" in French for a French reply', () => {
    const payload = renderDiscord(answer(30, { lang: 'fr' }));
    expect(payload.embeds[0]!.description).toContain('… et 6 de plus');
  });

  it('cuts a huge description (help lines) within 4,096 characters', () => {
    const payload = renderDiscord(reply({ kind: 'help', lang: 'en', title: 'Help', items: [], lines: Array.from({ length: 400 }, (_, i) => `/deal thing${i} — does things`) }));
    expectWithinLimits(payload);
    expect(payload.embeds[0]!.description!.endsWith('…')).toBe(true);
  });

  it('adds the Share button only for shareable replies, and ephemeral flags on request', () => {
    const shared = renderDiscord(answer(1), { shareId: 'deal:share:q:energy', ephemeral: true });
    expect(shared.flags).toBe(64);
    expect(shared.components[0]!.components[0]).toMatchObject({ type: 2, custom_id: 'deal:share:q:energy', label: 'Share in channel' });
    const notShareable = renderDiscord(answer(1, { shareable: false }), { shareId: 'deal:share:q:energy' });
    expect(notShareable.components).toEqual([]);
    expect(renderDiscord(answer(1, { lang: 'fr' }), { shareId: 'x' }).components[0]!.components[0]).toMatchObject({ label: 'Partager dans le salon' });
    expect(sharedRow('en').components[0]).toMatchObject({ disabled: true });
  });

  it('puts suggestions under their heading (the Reply footer) at the end of the description', () => {
    const r = reply({ kind: 'no-facts', lang: 'en', title: 'No facts found', query: 'tesla', intro: 'No facts about “tesla”.', items: [], suggestions: ['Energy', 'Timeline'], footer: 'Try one of these topics:' });
    const embed = renderDiscord(r).embeds[0]!;
    expect(embed.description!.split('\n').at(-1)).toBe('Try one of these topics: Energy · Timeline');
    expect(embed.footer).toBeUndefined();
  });

  it('says who shared a shared copy, in the reply language', () => {
    expect(sharedCopy(renderDiscord(answer(1)).embeds, 'en', 'Alice')[0]!.footer!.text).toContain('Shared by Alice');
    expect(sharedCopy(renderDiscord(answer(1, { lang: 'fr' })).embeds, 'fr', 'Alice')[0]!.footer!.text).toContain('Partagé par Alice');
  });

  it('stays within limits and inert for arbitrary text (property)', () => {
    const text = fc.oneof(fc.string({ maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 600 }), fc.constantFrom(HOSTILE, '\\'.repeat(2000), '*'.repeat(3000)));
    fc.assert(
      fc.property(text, text, fc.array(text, { maxLength: 40 }), (title, intro, texts) => {
        const r = reply({ kind: 'answer', lang: 'en', title, query: intro, intro, items: texts.map((t, i) => item(i, { text: t, figure: t.slice(0, 300) || undefined, citation: { source: t || 'S', section: t } })), footer: intro, shareable: true });
        const payload = renderDiscord(r, { shareId: 'deal:share:q:x' });
        expectWithinLimits(payload);
        expect(payload.allowed_mentions.parse).toEqual([]);
        for (const f of (payload.embeds[0]!.fields ?? []).filter((f) => f.name !== 'Sources')) expect(f.value.split('\n').at(-1)).toMatch(/^\\\[\d+\\\]/);
      }),
      { numRuns: 150, seed: 4242 },
    );
  });
});

describe('escape helpers', () => {
  it('escapes markdown and defuses mentions without losing the text', () => {
    const e = escapeMarkdown('**a** _b_ ||c|| <@1> @everyone');
    expect(e).toBe('\\*\\*a\\*\\* \\_b\\_ \\|\\|c\\|\\| <\u200b@1> @\u200beveryone');
    expect(escapeMarkdown('[x](https://e.example) (fine)')).toBe('\\[x\\](https://e.example) (fine)');
  });

  it('skips only text that every escape would leave unchanged (the fast path agrees with the full escape)', () => {
    // The five escapes written out in full, without the shortcut.
    const full = (t: string) =>
      t
        .replace(/[\\*_~|`[\]]/g, '\\$&')
        .replace(/^(\s*)([#>\-+])/gm, '$1\\$2')
        .replace(/^(\s*\d+)\./gm, '$1\\.')
        .replace(/<(?=[@#/:]|a:|t:|id:)/g, '<\u200b')
        .replace(/@(everyone|here)/gi, '@\u200b$1');
    const alphabet = fc.constantFrom(...'ab 1.\n\t#>-+\\*_~|`[]<@:/&!etyh'.split(''), 'everyone', 'here', 'a:', 't:', 'id:');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
        expect(escapeMarkdown(text)).toBe(full(text));
      }),
      { numRuns: 2000, seed: 7 },
    );
    expect(escapeMarkdown('Plain fact text, 10 GW in 2026.')).toBe('Plain fact text, 10 GW in 2026.');
    expect(escapeMarkdown('line one\n  2. item')).toBe('line one\n  2\\. item');
  });

  it('escapes text that follows a line\'s first word as escapeMarkdown escapes the whole line (a source marker and its section)', () => {
    const alphabet = fc.constantFrom(...'ab 1.\t#>-+\\*_~|`[]<@:/&!etyh'.split(''), 'everyone', 'here', 'a:', 't:', 'id:');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
        expect(`x ${escapeInline(text)}`).toBe(escapeMarkdown(`x ${text}`));
      }),
      { numRuns: 2000, seed: 11 },
    );
    // At a line's start the line syntaxes are left to escapeMarkdown.
    expect(escapeInline('- item')).toBe('- item');
  });

  it('cuts without splitting a surrogate pair or leaving a dangling backslash', () => {
    expect(cut('ab😀cd', 4)).toBe('ab…');
    expect(cut('ab\\*cd', 4)).toBe('ab…');
    expect(cut('short', 10)).toBe('short');
  });
});

describe('Share', () => {
  it('copies the embeds as they were, adding "Shared by" to the footer, within the limits', () => {
    const seen = renderDiscord(answer(3), { shareId: shareCustomId('en') }).embeds;
    const [copy] = sharedCopy(seen, 'en', 'Alice');
    const { footer: _f, ...rest } = copy!;
    const { footer: _s, ...seenRest } = seen[0]!;
    expect(rest).toEqual(seenRest);
    expect(copy!.footer?.text).toBe(`${seen[0]!.footer?.text} · Shared by Alice`);
    expect(sharedCopy(seen, 'fr', 'Alice')[0]!.footer?.text).toContain('Partagé par Alice');
    // A hostile display name stays inert in the footer.
    expect(sharedCopy(seen, 'en', '@everyone <@&1>')[0]!.footer?.text).not.toMatch(/@everyone|<@&/);
  });

  it('keeps a copy of an answer already at 6,000 characters within the limit, the description giving way', () => {
    const full = renderDiscord(answer(40, { intro: 'x'.repeat(4000) })).embeds;
    // Filled to the brim (description, then footer), as a message from another renderer version could be.
    full[0]!.description = 'y'.repeat(DISCORD_LIMITS.description);
    full[0]!.footer = { text: 'z'.repeat(Math.min(DISCORD_LIMITS.footer, DISCORD_LIMITS.embedTotal - 10 - embedChars({ ...full[0], footer: undefined }))) };
    const before = embedChars(full[0]);
    expect(before).toBeGreaterThan(DISCORD_LIMITS.embedTotal - 60);
    const copy = sharedCopy(full, 'en', 'a'.repeat(32));
    expectWithinLimits({ embeds: copy });
    expect(copy[0]!.fields).toEqual(full[0]!.fields);
    expect(copy[0]!.footer?.text).toContain('Shared by');
  });

  it('keeps the "… and N more" line when the description gives way for the note', () => {
    const full = renderDiscord(answer(60, { items: Array.from({ length: 60 }, (_, i) => item(i, { text: `Item ${i}: ${'x'.repeat(900)}` })), omitted: 7 })).embeds;
    const more = full[0]!.description!.split('\n').at(-1)!;
    expect(more).toMatch(/^… and \d+ more/);
    const rest = embedChars({ ...full[0], description: '' });
    full[0]!.description = `${'d'.repeat(Math.min(DISCORD_LIMITS.description - more.length - 1, DISCORD_LIMITS.embedTotal - 10 - rest - more.length - 1))}\n${more}`;
    expect(embedChars(full[0])).toBeGreaterThan(DISCORD_LIMITS.embedTotal - 20);
    const copy = sharedCopy(full, 'en', 'a'.repeat(32));
    expectWithinLimits({ embeds: copy });
    expect(copy[0]!.description!.split('\n').at(-1)).toBe(more);
  });

  it('names only the language in the button, so nothing has to be kept to share later', () => {
    expect(shareCustomId('fr')).toBe('deal:share:fr');
    expect(langOfShare(shareCustomId('fr'))).toBe('fr');
    expect(langOfShare('deal:share:q:energy')).toBeUndefined(); // a button of an older version
  });
});

describe('citations', () => {
  it('stay far inside a field even when a source is very long', () => {
    const long = reply({ ...answer(1), items: [item(0, { citation: { source: 'L'.repeat(2000), section: 'S'.repeat(2000), detail: 'A'.repeat(2000), url: `https://example.com/${'p'.repeat(280)}` } })] });
    const [field, sources] = renderDiscord(long).embeds[0]!.fields!;
    expect(field!.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    const where = field!.value.split('\n').at(-1)!;
    expect(where.startsWith('\\[1\\]')).toBe(true);
    expect(where.length).toBeLessThan(400);
    expect(sources!.value.length).toBeLessThan(800);
  });

  it('name each source once, in order of first citation, with the items numbered accordingly', () => {
    const other = { sourceId: 'wsj', source: '« Autre »', section: 'Intro' };
    const fields = renderDiscord(answer(0, { items: [item(0), item(1, { citation: other }), item(2)] })).embeds[0]!.fields!;
    expect(fields.slice(0, 3).map((f) => f.value.split('\n').at(-1)!.slice(0, 5))).toEqual(['\\[1\\]', '\\[2\\]', '\\[1\\]']);
    expect(fields[3]!.value.split('\n')).toEqual(['\\[1\\] [« Article »](https://example.com/a) — Le Journal', '\\[2\\] « Autre »']);
  });
});

describe('registration payload and invite', () => {
  it('generates /deal from the command list within Discord limits', () => {
    const [deal] = dealCommandJson(commands) as any[];
    expect(deal.name).toBe('deal');
    expect(deal.description.length).toBeLessThanOrEqual(100);
    const [query, pub] = deal.options;
    expect(query).toMatchObject({ name: 'query', type: 3, autocomplete: true, required: false });
    expect(pub).toMatchObject({ name: 'public', type: 5 });
    for (const o of deal.options) {
      expect(o.description.length).toBeLessThanOrEqual(100);
      expect(o.description_localizations.fr.length).toBeLessThanOrEqual(100);
    }
    // Every named command appears in the query hint (as far as 100 characters allow): the hint
    // lists them in order, each one whole (a name cut to "subscri…" names no command), and one is
    // left out only when it would not fit in 100 characters.
    const named = commands.filter((c) => c.name).map((c) => c.name);
    for (const hint of [query.description, query.description_localizations.fr] as string[]) {
      const colon = hint.indexOf(':');
      const head = hint.slice(0, colon + 1);
      const listed = hint.slice(colon + 1).split(',').map((w) => w.trim()).filter((w) => w !== '…');
      expect(listed, hint).toEqual(named.slice(0, listed.length));
      const next = named[listed.length];
      if (next !== undefined) expect(`${head} ${[...listed, next].join(', ')}`.length, `${hint} (room for ${next})`).toBeGreaterThan(100);
    }
  });

  it('asks for exactly the scopes and permissions used', () => {
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.searchParams.get('client_id')).toBe('123456789012345678');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    const bits = BigInt(url.searchParams.get('permissions')!);
    expect(bits).toBe(invitePermissions());
    // View Channel, Send Messages, Embed Links, Read Message History, Send Messages in Threads.
    expect(bits).toBe((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 38n));
  });
});
