// Issue 15 through Discord's Interactions Endpoint (any replica answers): the message command, a
// vote and the "what was missing?" modal arrive as signed HTTP POSTs; the first response is the
// HTTP answer itself, checked by the fake Discord like a callback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDiscordConfig } from '../../src/adapters/discord/config.ts';
import { startDiscord, type DiscordHandle } from '../../src/adapters/discord/start.ts';
import { all } from '../../src/store/sql.ts';
import { testBot, testPolicy, testRuntime } from '../helpers/bot.ts';
import { capturingLogger } from '../helpers/commands.ts';
import { featureStore, type FeatureStore } from '../helpers/features.ts';
import { FakeDiscord } from './fake-discord.ts';

describe('issue 15 over the Interactions Endpoint', () => {
  let fake: FakeDiscord;
  let discord: DiscordHandle;
  let server: Server;
  let f: FeatureStore;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    f = await featureStore();
    const config = readDiscordConfig({ ...fake.env(), DISCORD_PUBLIC_KEY: fake.publicKeyHex })!;
    const policy = testPolicy(testBot({ logger: capturingLogger([]), ...f.bot }), f.policy);
    discord = await startDiscord(config, testRuntime(policy, capturingLogger([])), { rest: { retries: 0, timeout: 2000 } });
    server = createServer((req, res) => discord.interactions!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.interactionsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/discord/interactions`;
  });
  afterAll(async () => {
    await discord?.stop();
    await new Promise((r) => server?.close(r));
    await fake?.close();
    await f?.close();
  });

  it('answers the message command privately, from the message in `resolved`, never echoing it', async () => {
    const target = fake.createMessage(fake.channelId, fake.owner, { content: '@here big news: Nvidia is investing up to 100 billion dollars in OpenAI!' });
    const state = fake.messageCommand('Ask dealbot about this', target, { locale: 'fr' });
    const res = await state.http!;
    expect(res.body).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] } } });
    expect(res.body.data.embeds[0].title).toBe('About this message'); // the message is English: its language wins over the French client's
    expect(JSON.stringify(res.body.data)).not.toMatch(/here|big news/);
    expect(state.acknowledged).toBe(true);
  });

  it('a 👎 answers with the modal; its submission is kept with the vote', async () => {
    const asked = fake.slash({ query: 'how much will nvidia invest?' });
    const answer = await asked.http!;
    const down = answer.body.data.components.flatMap((r: any) => r.components).find((b: any) => b.custom_id.startsWith('deal:vote:down:'));
    const pressed = fake.button(down.custom_id, asked.original);
    const modal = await pressed.http!;
    expect(modal.body).toMatchObject({ type: 9, data: { title: 'What was missing?' } });
    expect(pressed.acknowledged).toBe(true); // a valid modal, within the 3 s
    const sent = await fake.modalSubmit(modal.body.data.custom_id, { missing: 'the schedule of the payments' }).http!;
    expect(sent.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(await all(f.store.driver, 'SELECT vote, comment FROM feedback_votes')).toEqual([{ vote: -1, comment: 'the schedule of the payments' }]);
  });
});
