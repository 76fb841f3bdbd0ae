// The Slack renderer as a pure function over hand-made Replies, plus the small text helpers.
import { describe, expect, it } from 'vitest';
import { blocksChars, renderSlack, SHARE_ACTION_ID, SLACK_LIMITS } from '../../src/adapters/slack/render.ts';
import { decodeShare, encodeShare } from '../../src/adapters/slack/share.ts';
import { cut, escapeSlack, fromSlackText, inertMrkdwn, stripBotMention } from '../../src/adapters/slack/text.ts';
import { reply, type ReplyInput, type ReplyItem } from '../../src/core/reply.ts';
import { slackRejects } from './fake-slack.ts';

const citation = { sourceId: 'le-monde', source: '« OpenAI et Nvidia »', publisher: 'Le Monde', section: 'Et demain ?', url: 'https://example.com/a?x=1&y=2' };

function item(i: number, over: Partial<ReplyItem> = {}): ReplyItem {
  return { factId: `f-${i}`, text: `Fact number ${i}`, citation: { ...citation, section: `${citation.section} #${i}` }, ...over };
}

/** Citation contexts: the "[n] § section" line under each item. */
const markers = (blocks: any[]) => blocks.filter((b) => b.type === 'context' && /^\[\d+\]/.test(b.elements[0].text)).length;

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
  it('renders a header, one section per item with its marker and section right under it, the sources once, and a footer', () => {
    const r = answer({ items: [item(1, { figure: 'at least 10 GW', when: 'H2 2026' }), item(2)] });
    const { blocks, text } = renderSlack(r);
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Energy', emoji: false } });
    const s1 = blocks[1] as any;
    const c1 = blocks[2] as any;
    expect(s1.type).toBe('section');
    expect(s1.text.text).toContain('*at least 10 GW*');
    expect(s1.text.text).toContain('_H2 2026_');
    expect(s1.text.text).toMatch(/Fact number 1$/);
    expect(c1.type).toBe('context');
    expect(c1.elements[0].text).toBe('[1] § Et demain ? #1');
    expect((blocks[3] as any).type).toBe('section');
    expect((blocks[4] as any).elements[0].text).toBe('[1] § Et demain ? #2');
    // The source once, linked (& in the URL escaped), with its publisher; then the footer.
    expect((blocks.at(-2) as any).elements[0].text).toBe('*Sources*\n[1] <https://example.com/a?x=1&amp;y=2|« OpenAI et Nvidia »> — Le Monde');
    expect((blocks.at(-1) as any).elements[0].text).toBe('Answers come only from the cited fact base.');
    expect(JSON.stringify(blocks).split('OpenAI et Nvidia')).toHaveLength(2);
    // Fallback text: same content, both items with their markers, the source once.
    expect(text).toContain('Fact number 1');
    expect(text).toContain('Fact number 2 [1] § Et demain ? #2');
    expect(text).toContain('[1] « OpenAI et Nvidia » https://example.com/a?x=1&amp;y=2');
  });

  it('numbers several sources in order of first citation, each listed once', () => {
    const other = { sourceId: 'wsj', source: '« Another »', section: 'Intro' };
    const r = answer({ items: [item(1), item(2, { citation: other }), item(3), item(4, { citation: other })] });
    const { blocks } = renderSlack(r);
    const where = blocks.filter((b: any) => b.type === 'context' && /^\[\d\]/.test(b.elements[0].text)).map((b: any) => b.elements[0].text.slice(0, 3));
    expect(where).toEqual(['[1]', '[2]', '[1]', '[2]']);
    expect((blocks.at(-2) as any).elements[0].text).toMatch(/^\*Sources\*\n\[1\] .*OpenAI et Nvidia.*\n\[2\] « Another »$/);
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
    const r = answer({ items: [item(1, { citation: { source: 'x', url: 'javascript:alert(1)' } })] });
    expect((renderSlack(r).blocks.at(-2) as any).elements[0].text).toBe('*Sources*\n[1] x');
  });

  it('keeps 200 long items inside every Slack limit and says how many were left out', () => {
    const items = Array.from({ length: 200 }, (_, i) => item(i, { text: `${i} `.padEnd(5000, 'y'), figure: 'z'.repeat(200) }));
    for (const lang of ['en', 'fr'] as const) {
      const msg = renderSlack(answer({ lang, title: 'T'.repeat(400), intro: 'i'.repeat(5000), items, lines: ['l'.repeat(4000)], suggestions: ['s'.repeat(4000)] }), { shareValue: encodeShare('q', lang) });
      expect(slackRejects(msg)).toBeUndefined();
      expect(msg.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
      expect(blocksChars(msg.blocks)).toBeLessThanOrEqual(SLACK_LIMITS.messageChars);
      expect((msg.blocks[0] as any).text.text.length).toBeLessThanOrEqual(150);
      const shown = markers(msg.blocks);
      expect(shown).toBeGreaterThan(0);
      const note = lang === 'en' ? `… and ${200 - shown} more (try a narrower question)` : `… et ${200 - shown} de plus (précisez la question)`;
      expect(texts(msg.blocks)).toContain(note);
      expect(msg.text).toContain(note);
      expect((msg.blocks.at(-1) as any).type).toBe('actions'); // the button survives the cut
    }
  });

  it('cuts by block count when items are short', () => {
    const msg = renderSlack(answer({ items: Array.from({ length: 60 }, (_, i) => item(i)) }));
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    const shown = markers(msg.blocks);
    expect(texts(msg.blocks)).toContain(`… and ${60 - shown} more (try a narrower question)`);
  });

  it('counts what the reply already left out with what the message cannot hold, in one line', () => {
    const msg = renderSlack(answer({ items: Array.from({ length: 60 }, (_, i) => item(i)), omitted: 11 }));
    const shown = markers(msg.blocks);
    const mores = texts(msg.blocks).filter((t) => /… and \d+ more/.test(t));
    expect(mores).toEqual([`… and ${60 - shown + 11} more (try a narrower question)`]);
  });

  it('adds the share button only when asked, in the reply language, and attribution when given', () => {
    expect(JSON.stringify(renderSlack(answer()).blocks)).not.toContain(SHARE_ACTION_ID);
    const fr = renderSlack(answer({ lang: 'fr' }), { shareValue: encodeShare('abc', 'fr'), attribution: { kind: 'asked', name: 'zoé' } });
    const button = (fr.blocks.at(-1) as any).elements[0];
    expect(button.action_id).toBe(SHARE_ACTION_ID);
    expect(button.text.text).toBe('Partager dans le canal');
    expect(decodeShare(button.value)).toEqual({ id: 'abc', l: 'fr' });
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
  it('carries the kept answer’s id and language, and refuses anything else', () => {
    const value = encodeShare('AbC123-_xyz', 'fr');
    expect(value.length).toBeLessThanOrEqual(100);
    expect(decodeShare(value)).toEqual({ id: 'AbC123-_xyz', l: 'fr' });
    expect(decodeShare('nope')).toBeUndefined();
    expect(decodeShare(JSON.stringify({ q: 'energy', l: 'en' }))).toBeUndefined(); // an older version's button
    expect(decodeShare(JSON.stringify({ id: 1, l: 'de' }))).toBeUndefined();
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

describe('inert mrkdwn', () => {
  it('keeps *bold*, _italic_, ~strike~, `code` and a leading quote from taking effect, and escapes <, >, &', () => {
    const out = inertMrkdwn('*now* _it_ ~x~ `y` <!here> &');
    expect(out.replace(/\u200b/g, '')).toBe('*now* _it_ ~x~ `y` &lt;!here&gt; &amp;');
    for (const marker of ['*', '_', '~', '`']) {
      for (const m of out.matchAll(new RegExp(`\\${marker}`, 'g'))) {
        expect(out[m.index! - 1]).toBe('\u200b');
        expect(out[m.index! + 1]).toBe('\u200b');
      }
    }
    expect(inertMrkdwn('> quoted').startsWith('\u200b&gt;')).toBe(true);
    expect(inertMrkdwn('Plain fact text, 10 GW.')).toBe('Plain fact text, 10 GW.');
  });
});
