// The deal in a reply's header, on every surface, and the platforms' limits still held with it:
// a reply as long as a message holds, with a deal name as long as a header allows.
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.ts';
import { discordCapacity, renderDiscord } from '../../src/adapters/discord/render.ts';
import { renderSlack, SLACK_LIMITS, slackCapacity } from '../../src/adapters/slack/render.ts';
import { fitReply, reply } from '../../src/core/reply.ts';
import { expectInert, expectWithinLimits } from '../discord/limits.ts';
import { slackRejects } from '../slack/fake-slack.ts';

const long = (deal: string) =>
  reply({
    kind: 'answer',
    lang: 'en',
    title: 'Energy',
    items: Array.from({ length: 120 }, (_, i) => ({ factId: `f${i}`, text: `Fact ${i}: ${'x'.repeat(400)}`, figure: `${i} GW`, citation: { sourceId: 's', source: '« A source »', section: `§ ${i}` } })),
    deal: { id: 'northwind-kestrel', name: deal },
    shareable: true,
  });

describe('the deal in the header', () => {
  it('Slack: a context line under the header, in the text fallback too; within the limits', () => {
    for (const name of ['Northwind–Kestrel acquisition', `@everyone <!channel> ${'N'.repeat(400)}`]) {
      const r = long(name);
      const msg = renderSlack(fitReply(r, slackCapacity(r)));
      expect(slackRejects(msg)).toBeUndefined();
      expect(msg.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
      expect(msg.blocks[0]!.type).toBe('header');
      expect(msg.blocks[1]).toMatchObject({ type: 'context' });
      expect(JSON.stringify(msg.blocks[1])).toContain('Deal: ');
      expect(msg.text).toContain('Deal: ');
      expect(msg.text).not.toMatch(/<!channel>/);
    }
  });

  it('Discord: the embed’s author line, counted in the 6,000 characters, inert', () => {
    for (const name of ['Northwind–Kestrel acquisition', `@everyone ${'N'.repeat(400)}`]) {
      const r = long(name);
      const body = renderDiscord(fitReply(r, discordCapacity(r)));
      expectWithinLimits(body);
      expectInert(body);
      expect(body.embeds[0]!.author!.name.startsWith('Deal: ')).toBe(true);
      expect(body.embeds[0]!.author!.name.length).toBeLessThanOrEqual(256);
    }
  });

  it('console: a line under the title; French says "Accord"', () => {
    expect(renderText({ ...long('Northwind–Kestrel acquisition'), items: [] }, { width: 80 }).split('\n').slice(0, 3)).toEqual(['Energy', '======', 'Deal: Northwind–Kestrel acquisition']);
    expect(renderText({ ...long('Rachat de Kestrel par Northwind'), lang: 'fr', items: [] }, { width: 80 }).split('\n')[2]).toBe('Accord : Rachat de Kestrel par Northwind');
  });

  it('a reply without a deal renders as before', () => {
    const { deal: _deal, ...plain } = long('x');
    const r = reply({ ...plain, items: plain.items.slice(0, 2) });
    expect(JSON.stringify(renderSlack(r))).not.toContain('Deal: ');
    expect(renderDiscord(r).embeds[0]!.author).toBeUndefined();
    expect(renderText(r)).not.toContain('Deal: ');
  });
});
