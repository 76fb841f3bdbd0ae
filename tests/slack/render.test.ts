// The Slack renderer as a pure function over hand-made Replies, plus the small text helpers.
import { describe, expect, it } from 'vitest';
import { blocksChars, renderSlack, SHARE_ACTION_ID, SLACK_LIMITS } from '../../src/adapters/slack/render.ts';
import { decodeShare, encodeShare } from '../../src/adapters/slack/share.ts';
import { seenEvents } from '../../src/adapters/slack/dedupe.ts';
import { cut, escapeSlack, fromSlackText, stripBotMention } from '../../src/adapters/slack/text.ts';
import { reply, type ReplyInput, type ReplyItem } from '../../src/core/reply.ts';
import { slackRejects } from './fake-slack.ts';

const citation = { label: 'Source: Le Monde, « OpenAI et Nvidia », section « Et demain ? »', section: 'Et demain ?', url: 'https://example.com/a?x=1&y=2' };

function item(i: number, over: Partial<ReplyItem> = {}): ReplyItem {
  return { factId: `f-${i}`, text: `Fact number ${i}`, citation: { ...citation, label: `${citation.label} #${i}` }, ...over };
}

function answer(over: Partial<ReplyInput> = {}) {
  return reply({ kind: 'answer', lang: 'en', title: 'Energy', items: [item(1), item(2)], footer: 'Answers come only from the cited fact base.', shareable: true, ...over });
}

function texts(blocks: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k === 'text' && typeof x === 'string' ? out.push(x) : visit(x);
  };
  visit(blocks);
  return out;
}

describe('renderSlack', () => {
  it('renders a header, one section per item with its citation context right under it, and a footer', () => {
    const r = answer({ items: [item(1, { figure: 'at least 10 GW', when: 'H2 2026' }), item(2)] });
    const { blocks, text } = renderSlack(r);
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Energy', emoji: false } });
    const s1 = blocks[1] as any;
    const c1 = blocks[2] as any;
    expect(s1.type).toBe('section');
    expect(s1.text.text).toContain('*at least 10 GW*');
    expect(s1.text.text).toContain('_H2 2026_');
    expect(c1.type).toBe('context');
    // Link target escaped (& in the URL), label shown.
    expect(c1.elements[0].text).toBe('📎 <https://example.com/a?x=1&amp;y=2|Source: Le Monde, « OpenAI et Nvidia », section « Et demain ? » #1>');
    expect((blocks[3] as any).type).toBe('section');
    expect((blocks[4] as any).elements[0].text).toContain('#2');
    expect((blocks.at(-1) as any).elements[0].text).toBe('Answers come only from the cited fact base.');
    // Fallback text: same content, both items and their sources.
    expect(text).toContain('Fact number 1');
    expect(text).toContain('Fact number 2');
    expect(text).toContain('#2 https://example.com/a?x=1&amp;y=2');
  });

  it('renders a quote with its speaker, and the translation beside the verbatim original', () => {
    const q = item(3, { text: 'ignored', quote: { text: 'C’est un pari', lang: 'fr', translation: 'It is a bet', speaker: 'Jane Doe', role: 'CEO', organisation: 'Acme' } });
    const s = (renderSlack(answer({ items: [q] })).blocks[1] as any).text.text as string;
    expect(s).toContain('> “It is a bet”');
    expect(s).toContain('« C’est un pari »');
    expect(s).toContain('*Jane Doe, CEO, Acme*');
  });

  it('escapes every user-typed string and leaves no active mention', () => {
    const hostile = '<!channel> <@U123> <!subteam^S1|@devs> & <script>alert(1)</script> <https://evil.test|click>';
    const r = answer({ title: `dealbot: ${hostile}`, query: hostile, intro: `No facts for “${hostile}”`, lines: [hostile], suggestions: [hostile], footer: hostile });
    const msg = renderSlack(r, { attribution: { kind: 'shared', name: '<!here>' } });
    for (const s of [...texts(msg.blocks), msg.text]) {
      const withoutOurLinks = s.replace(/<https:\/\/example\.com\/a\?x=1&amp;y=2\|[^<>]*>/g, '');
      expect(withoutOurLinks).not.toMatch(/[<>]/);
      expect(withoutOurLinks).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    expect(JSON.stringify(msg)).toContain('&lt;!channel&gt; &lt;@U123&gt;');
    expect(JSON.stringify(msg)).not.toMatch(/link_names|"parse"/);
  });

  it('refuses non-http citation links rather than emitting them', () => {
    const r = answer({ items: [item(1, { citation: { label: 'x', url: 'javascript:alert(1)' } })] });
    expect((renderSlack(r).blocks[2] as any).elements[0].text).toBe('📎 x');
  });

  it('keeps 200 long items inside every Slack limit and says how many were left out', () => {
    const items = Array.from({ length: 200 }, (_, i) => item(i, { text: `${i} `.padEnd(5000, 'y'), figure: 'z'.repeat(200) }));
    for (const lang of ['en', 'fr'] as const) {
      const msg = renderSlack(answer({ lang, title: 'T'.repeat(400), intro: 'i'.repeat(5000), items, lines: ['l'.repeat(4000)], suggestions: ['s'.repeat(4000)] }), { shareValue: encodeShare('q', lang) });
      expect(slackRejects(msg)).toBeUndefined();
      expect(msg.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
      expect(blocksChars(msg.blocks)).toBeLessThanOrEqual(SLACK_LIMITS.messageChars);
      expect((msg.blocks[0] as any).text.text.length).toBeLessThanOrEqual(150);
      const shown = msg.blocks.filter((b: any) => b.type === 'context' && b.elements[0].text.startsWith('📎')).length;
      expect(shown).toBeGreaterThan(0);
      const note = lang === 'en' ? `… and ${201 - shown} more (try a narrower question)` : `… et ${201 - shown} de plus (essayez une question plus précise)`;
      expect(texts(msg.blocks)).toContain(note);
      expect(msg.text).toContain(note);
      expect((msg.blocks.at(-1) as any).type).toBe('actions'); // the button survives the cut
    }
  });

  it('cuts by block count when items are short', () => {
    const msg = renderSlack(answer({ items: Array.from({ length: 60 }, (_, i) => item(i)) }));
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    const shown = msg.blocks.filter((b: any) => b.type === 'context' && b.elements[0].text.startsWith('📎')).length;
    expect(texts(msg.blocks)).toContain(`… and ${60 - shown} more (try a narrower question)`);
  });

  it('adds the share button only when asked, in the reply language, and attribution when given', () => {
    expect(JSON.stringify(renderSlack(answer()).blocks)).not.toContain(SHARE_ACTION_ID);
    const fr = renderSlack(answer({ lang: 'fr' }), { shareValue: encodeShare('énergie', 'fr'), attribution: { kind: 'asked', name: 'zoé' } });
    const button = (fr.blocks.at(-1) as any).elements[0];
    expect(button.action_id).toBe(SHARE_ACTION_ID);
    expect(button.text.text).toBe('Partager dans le canal');
    expect(decodeShare(button.value)).toEqual({ q: 'énergie', l: 'fr' });
    expect(texts(fr.blocks)).toContain('Demandé par @zoé');
  });

  it('renders an empty reply (no items, blank lines) as a valid message', () => {
    const msg = renderSlack(reply({ kind: 'error', lang: 'en', title: '  ', intro: ' ', items: [], lines: ['', '  '], suggestions: [''], footer: '' }));
    for (const s of texts(msg.blocks)) expect(s.trim().length).toBeGreaterThan(0);
    expect(slackRejects(msg)).toBeUndefined();
    expect(msg.text.length).toBeGreaterThan(0);
  });
});

describe('share value', () => {
  it('round-trips, and a huge query is shortened under 2,000 chars', () => {
    const long = '"é\\'.repeat(3000);
    const value = encodeShare(long, 'fr');
    expect(value.length).toBeLessThanOrEqual(2000);
    const back = decodeShare(value)!;
    expect(long.startsWith(back.q)).toBe(true);
    expect(back.l).toBe('fr');
    expect(decodeShare('nope')).toBeUndefined();
    expect(decodeShare(JSON.stringify({ q: 1, l: 'de' }))).toBeUndefined();
  });
});

describe('Slack text helpers', () => {
  it('reads Slack markup as the plain text the user saw', () => {
    expect(fromSlackText('&lt;b&gt; &amp;amp; <@U1|bob> <@U2> <!channel> <!here> <!subteam^S1|@devs> <#C1|general> <https://x.test|x.test> <mailto:a@b.c|a@b.c>')).toBe(
      '<b> &amp; @bob @U2 @channel @here @devs #general x.test a@b.c',
    );
  });

  it('strips the bot mention only', () => {
    expect(stripBotMention('<@UBOT> how much <@UOTHER>?', 'UBOT')).toBe('how much <@UOTHER>?');
    expect(stripBotMention('<@UBOT|dealbot>   timeline', 'UBOT')).toBe('timeline');
  });

  it('escapes and cuts without leaving half an entity', () => {
    expect(escapeSlack('a & <b>')).toBe('a &amp; &lt;b&gt;');
    expect(cut(escapeSlack('aaaa&&&&'), 8)).toBe('aaaa…');
    expect(cut('abc', 3)).toBe('abc');
  });
});

describe('event dedupe', () => {
  it('answers an id once within the window, forgets old ids, and stays bounded', () => {
    let now = 0;
    const seen = seenEvents({ max: 3, ttlMs: 1000, now: () => now });
    expect(seen.first('a')).toBe(true);
    expect(seen.first('a')).toBe(false);
    now = 2000;
    expect(seen.first('a')).toBe(true);
    for (const id of ['b', 'c', 'd', 'e']) seen.first(id);
    expect(seen.size).toBeLessThanOrEqual(3);
  });
});
