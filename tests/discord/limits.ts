// Checks a Discord message payload against Discord's limits and our safety rules; shared by
// the renderer tests and the end-to-end tests (what the fake receives must pass the same checks).
import { expect } from 'vitest';
import { DISCORD_LIMITS as L } from '../../src/adapters/discord/render.ts';

export function embedChars(embed: any): number {
  return (
    (embed.title ?? '').length +
    (embed.description ?? '').length +
    (embed.footer?.text ?? '').length +
    (embed.author?.name ?? '').length +
    (embed.fields ?? []).reduce((n: number, f: any) => n + f.name.length + f.value.length, 0)
  );
}

/** Fails the test when a message body breaks a Discord limit. */
export function expectWithinLimits(body: any): void {
  const embeds: any[] = body.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(L.embeds);
  let total = 0;
  for (const e of embeds) {
    if (e.title !== undefined) expect(e.title.length).toBeLessThanOrEqual(L.title);
    if (e.description !== undefined) {
      expect(e.description.length).toBeGreaterThan(0);
      expect(e.description.length).toBeLessThanOrEqual(L.description);
    }
    if (e.footer) expect(e.footer.text.length).toBeLessThanOrEqual(L.footer);
    expect((e.fields ?? []).length).toBeLessThanOrEqual(L.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(L.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(L.fieldValue);
    }
    total += embedChars(e);
  }
  expect(total).toBeLessThanOrEqual(L.embedTotal);
  for (const row of body.components ?? []) {
    for (const c of row.components ?? []) {
      if (c.custom_id !== undefined) expect([...c.custom_id].length).toBeLessThanOrEqual(L.customId);
      if (c.label !== undefined) expect(c.label.length).toBeLessThanOrEqual(L.buttonLabel);
    }
  }
}

/** Every string Discord would show from a payload (footers only when `footers`: Discord shows them as plain text). */
export function visibleText(body: any, opts: { footers?: boolean } = { footers: true }): string {
  const parts: string[] = [body.content ?? ''];
  for (const e of body.embeds ?? []) {
    parts.push(e.title ?? '', e.description ?? '');
    if (opts.footers) parts.push(e.footer?.text ?? '');
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
  }
  return parts.join('\n');
}

/** No mention can ping or even look like one; no spoiler or bold survives where markdown is parsed. */
export function expectInert(body: any): void {
  expect(body.allowed_mentions?.parse).toEqual([]);
  const all = visibleText(body);
  expect(all).not.toMatch(/@(everyone|here)/);
  expect(all).not.toMatch(/<@[!&]?\d+>/);
  expect(all).not.toMatch(/<#\d+>/);
  const markdown = visibleText(body, { footers: false });
  expect(markdown).not.toMatch(/(?<!\\)\|\|/);
  expect(markdown).not.toMatch(/(?<!\\)\*\*/);
}
