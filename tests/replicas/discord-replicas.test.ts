// Two `dealbot start` replicas with Discord on one PostgreSQL: /deal is answered over HTTP by
// whichever replica gets it; the gateway (mentions, DMs) runs in exactly one replica, and when that
// one is SIGKILLed the other takes it over within 30 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { freshDatabase, HAS_POSTGRES } from '../helpers/postgres.ts';
import { freePort, healthy, startDealbot, startEnv, until, type Started } from '../helpers/process.ts';

interface Replica {
  id: string;
  port: number;
  proc: Started;
}

async function gatewayOf(r: Replica): Promise<string | undefined> {
  const body = (await (await fetch(`http://127.0.0.1:${r.port}/healthz`)).json()) as { replica?: { discord?: { gateway?: string } } };
  return body.replica?.discord?.gateway;
}

describe.skipIf(!HAS_POSTGRES)('Discord on two replicas', () => {
  let fake: FakeDiscord;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let dir: string;
  const replicas: Replica[] = [];

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    db = await freshDatabase('dealbot_discord');
    dir = mkdtempSync(join(tmpdir(), 'dealbot-discord-replicas-'));
    for (const id of ['d1', 'd2']) {
      const port = await freePort();
      const proc = startDealbot(
        startEnv(join(dir, id), {
          ...fake.env(),
          DISCORD_PUBLIC_KEY: fake.publicKeyHex,
          DATABASE_URL: db.url,
          PORT: String(port),
          REPLICA_ID: id,
          LOG_LEVEL: 'info',
          FACTS_WATCH: '0',
          RATE_LIMIT_USER_PER_MIN: '0',
          RATE_LIMIT_CHANNEL_PER_MIN: '0',
        }),
      );
      replicas.push({ id, port, proc });
    }
    await Promise.all(replicas.map((r) => healthy(r.port)));
  }, 90_000);
  afterAll(async () => {
    for (const r of replicas) if (r.proc.child.exitCode === null) r.proc.child.kill('SIGKILL');
    await Promise.all(replicas.map((r) => r.proc.exited));
    await fake?.close();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs the gateway in exactly one replica; the other stands by', async () => {
    const roles = await until('one gateway connected', async () => {
      const r = await Promise.all(replicas.map(gatewayOf));
      return r.filter((x) => x === 'connected').length === 1 ? r : undefined;
    });
    expect([...roles].sort()).toEqual(['connected', 'standby']);
    expect(fake.identifiedSockets).toBe(1);
    // The standby replica is healthy too (it answers interactions over HTTP): its supervisor sees it connected.
    for (const r of replicas) {
      const res = await fetch(`http://127.0.0.1:${r.port}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', platforms: { discord: true }, replica: { id: r.id, store: 'postgres' } });
    }
  });

  it('answers /deal over HTTP from either replica', async () => {
    for (const r of replicas) {
      fake.interactionsUrl = `http://127.0.0.1:${r.port}/discord/interactions`;
      const res = await fake.slash({ query: 'energy' }).http!;
      expect(res.status).toBe(200);
      expect(res.body.type).toBe(4);
      expect(JSON.stringify(res.body.data.embeds)).toMatch(/10 GW/);
    }
  });

  it('a mention is answered once; when the gateway replica dies, the other takes over within 30 s and answers', async () => {
    const replies = () => fake.requests.filter((q) => q.method === 'POST' && q.path === `/channels/${fake.channelId}/messages` && q.body?.message_reference).length;
    const before = replies();
    fake.message(`<@${fake.botUser.id}> energy`);
    await until('the mention answered', async () => (replies() > before ? true : undefined));
    await new Promise((r) => setTimeout(r, 500));
    expect(replies()).toBe(before + 1);

    const roles = await Promise.all(replicas.map(gatewayOf));
    const leader = replicas[roles.indexOf('connected')]!;
    const other = replicas.find((r) => r !== leader)!;
    const killedAt = Date.now();
    leader.proc.child.kill('SIGKILL');
    await leader.proc.exited;
    await until('the other replica connected to the gateway', async () => ((await gatewayOf(other)) === 'connected' && fake.identifiedSockets === 1 ? true : undefined), 40_000);
    const tookMs = Date.now() - killedAt;
    expect(tookMs).toBeLessThan(30_000);
    console.log(`gateway taken over ${tookMs} ms after the leader was killed`);

    const again = replies();
    fake.message(`<@${fake.botUser.id}> timeline`);
    await until('the mention answered after the takeover', async () => (replies() > again ? true : undefined), 10_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(replies()).toBe(again + 1);
  }, 60_000);
});
