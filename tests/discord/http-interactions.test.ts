// Discord's Interactions Endpoint through the real adapter: the fake Discord POSTs signed
// interactions to POST /discord/interactions and checks the answers like callbacks (limits,
// 3 s window); follow-ups and edits go to its webhooks. Bad or missing signatures get 401 and no
// handler runs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDiscordConfig } from '../../src/adapters/discord/config.ts';
import { ed25519PublicKey, verifyInteraction } from '../../src/adapters/discord/http-interactions.ts';
import { startDiscord, type DiscordHandle } from '../../src/adapters/discord/start.ts';
import type { Bot } from '../../src/core/bot.ts';
import { testBot, testPolicy, testRuntime } from '../helpers/bot.ts';
import { capturingLogger } from '../helpers/commands.ts';
import { FakeDiscord } from './fake-discord.ts';

describe('Discord interactions over HTTP', () => {
  let fake: FakeDiscord;
  let discord: DiscordHandle;
  let server: Server;
  let url: string;
  let answered = 0;
  let slowNext = false;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    const inner = testBot({ logger: capturingLogger([]) });
    const bot: Bot = {
      ...inner,
      answer: async (text, asker) => {
        answered++;
        if (slowNext) {
          slowNext = false;
          await new Promise((r) => setTimeout(r, 1300)); // past deferAfterMs: deferred, then edited in
        }
        return inner.answer(text, asker);
      },
    };
    const config = readDiscordConfig({ ...fake.env(), DISCORD_PUBLIC_KEY: fake.publicKeyHex })!;
    discord = await startDiscord(config, testRuntime(testPolicy(bot), capturingLogger([])), { rest: { retries: 0, timeout: 2000 } });
    server = createServer((req, res) => discord.interactions!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/discord/interactions`;
    fake.interactionsUrl = url;
  });
  afterAll(async () => {
    await discord?.stop();
    await new Promise((r) => server?.close(r));
    await fake?.close();
  });

  async function post(body: string, headers: Record<string, string>) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: res.status, body: (await res.text()) || undefined };
  }

  it('answers PING with PONG, signed', async () => {
    const body = JSON.stringify({ id: '1', application_id: fake.applicationId, type: 1, token: 't', version: 1 });
    const res = await post(body, fake.signInteraction(body));
    expect(res).toEqual({ status: 200, body: JSON.stringify({ type: 1 }) });
  });

  it('refuses a missing, malformed, wrong or replayed-on-another-body signature with 401, running nothing', async () => {
    const before = answered;
    const body = JSON.stringify({ id: '2', application_id: fake.applicationId, type: 2, token: 't', version: 1, data: { name: 'deal', options: [{ name: 'query', type: 3, value: 'energy' }] } });
    const good = fake.signInteraction(body);
    expect((await post(body, {})).status).toBe(401);
    expect((await post(body, { ...good, 'x-signature-ed25519': 'zz' })).status).toBe(401);
    expect((await post(body, { ...good, 'x-signature-timestamp': String(Number(good['x-signature-timestamp']) + 1) })).status).toBe(401);
    expect((await post(body.replace('energy', 'timeline'), good)).status).toBe(401);
    const other = new FakeDiscord({}); // another application's key
    expect((await post(body, other.signInteraction(body))).status).toBe(401);
    expect(answered).toBe(before);
    expect((await fetch(url)).status).toBe(405);
  });

  it('/deal <query>: the answer is the HTTP response, private with a Share button', async () => {
    const state = fake.slash({ query: 'energy' });
    const res = await state.http!;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(JSON.stringify(res.body.data.embeds)).toMatch(/10 GW/);
    expect(res.body.data.components[0].components[0].custom_id).toMatch(/^deal:share:en$/);
    expect(state.acknowledged).toBe(true); // the fake accepted it as a valid first response
  });

  it('/deal public: true is posted for the channel; in French from a French client', async () => {
    const res = await fake.slash({ query: 'calendrier', public: true, locale: 'fr' }).http!;
    expect(res.body.type).toBe(4);
    expect(res.body.data.flags).toBeUndefined();
    expect(res.body.data.components).toEqual([]);
  });

  it('a slow answer is deferred at once, then edited into the original message', async () => {
    slowNext = true;
    const state = fake.slash({ query: 'timeline' });
    const res = await state.http!;
    expect(res.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.waitForPath('PATCH', `/webhooks/${fake.applicationId}/${state.token}/messages/@original`, 5000);
    expect(JSON.stringify(edit.body.embeds)).toMatch(/Timeline|timeline/);
    expect(state.original.embeds.length).toBeGreaterThan(0);
  });

  it('autocomplete answers with choices', async () => {
    const res = await fake.autocomplete('ener').http!;
    expect(res.body.type).toBe(8);
    expect(res.body.data.choices.length).toBeGreaterThan(0);
    expect(res.body.data.choices.length).toBeLessThanOrEqual(25);
  });

  it('the Share button updates the private answer and posts the same embeds to the channel', async () => {
    const first = await fake.slash({ query: 'energy' }).http!;
    const message = { id: '999', channel_id: fake.channelId, embeds: first.body.data.embeds, components: first.body.data.components, flags: 64 };
    const press = fake.button('deal:share:en', message);
    const res = await press.http!;
    expect(res.body.type).toBe(7);
    expect(res.body.data.components[0].components[0]).toMatchObject({ disabled: true });
    const followUp = await fake.waitForPath('POST', `/webhooks/${fake.applicationId}/${press.token}`, 5000);
    expect(followUp.body.embeds[0].title).toBe(first.body.data.embeds[0].title);
    expect(followUp.body.embeds.at(-1).footer.text).toMatch(/Shared by/);
  });

  it('verifies with Node’s own Ed25519', () => {
    const key = ed25519PublicKey(fake.publicKeyHex);
    const body = Buffer.from('{"type":1}');
    const h = fake.signInteraction(body.toString());
    expect(verifyInteraction(key, h['x-signature-ed25519'], h['x-signature-timestamp'], body)).toBe(true);
    expect(verifyInteraction(key, undefined, h['x-signature-timestamp'], body)).toBe(false);
  });
});
