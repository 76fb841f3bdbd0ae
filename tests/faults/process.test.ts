// Faults a whole `dealbot start` process meets (issue 12): a bug nothing caught, a Discord gateway
// down for 10 s, a database it cannot write, a data directory deleted or a database file replaced
// under it, secrets pasted into questions, and an operator forcing a fact reload.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { freshDatabase, HAS_POSTGRES, POSTGRES_URL } from '../helpers/postgres.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { freePort, healthy, ROOT, runDealbot, startDealbot, startEnv, until, type Started } from '../helpers/process.ts';
import { APP_TOKEN, BOT_TOKEN, BOT_USER_ID, eventEnvelope, eventRequest, FakeSlack, postToApp, SIGNING_SECRET, slashCommand } from '../slack/fake-slack.ts';
import { filesUnder, startBot } from './helpers.ts';
import { FAKE_DISCORD_TOKEN, FAKE_SLACK_APP_TOKEN, FAKE_SLACK_BOT_TOKEN } from '../helpers/fake-tokens.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dealbot-process-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function killed(bot: Started): () => Promise<void> {
  return async () => {
    if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    await bot.exited;
  };
}

async function slackOnly(dir: string, env: NodeJS.ProcessEnv = {}, args?: string[]): Promise<{ bot: Started; port: number; slack: FakeSlack }> {
  const slack = await FakeSlack.start();
  cleanups.push(() => slack.close());
  const port = await freePort();
  const bot = startDealbot(
    startEnv(dir, { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, PORT: String(port), FACTS_DIR: join(ROOT, 'facts'), FACTS_WATCH: 'false', ...env }),
    args,
  );
  cleanups.push(killed(bot));
  return { bot, port, slack };
}

const health = async (port: number) => {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: (await res.json()) as { checks?: Record<string, { ok: boolean }> } };
};

describe('the last resort: a bug nothing caught', () => {
  it('an uncaught exception is logged, the answers in flight are sent, and the process exits 1', async () => {
    const { bot, port, slack } = await slackOnly(tempDir(), {}, ['bin/run-ts.js', 'tests/faults/fixtures/crash-on-signal.ts', 'start']);
    await healthy(port);
    slack.postDelayMs = 1500; // the answers are still on their way when the bug strikes
    for (let i = 0; i < 3; i++) {
      await postToApp(`http://127.0.0.1:${port}/slack/events`, eventRequest(eventEnvelope({ type: 'app_mention', user: 'U0ASK0001', text: `<@${BOT_USER_ID}> energy`, ts: `1701000000.00000${i}`, channel: 'C0CRASH01' })));
    }
    await slack.waitFor(() => slack.callsOf('chat.postMessage').length === 3 || undefined, 10_000, 'the answers on their way');
    bot.child.kill('SIGUSR2');
    expect(await bot.exited).toBe(1);
    const err = bot.stderr();
    expect(err).toMatch(/"level":60.*uncaught exception: a bug; draining work in flight/);
    expect(err).toMatch(/planted bug: an exception nothing caught/);
    expect(err).toMatch(/shut down after a failure/);
    expect(err).not.toMatch(/answers still pending/);
  }, 30_000);

  it('an unhandled rejection too', async () => {
    const { bot, port } = await slackOnly(tempDir(), {}, ['bin/run-ts.js', 'tests/faults/fixtures/crash-on-signal.ts', 'start']);
    await healthy(port);
    bot.child.kill('SIGWINCH');
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(/"level":60.*unhandled rejection: a bug/);
  }, 30_000);
});

describe('health tells the truth about Discord', () => {
  it('goes 503 within a second of the gateway dropping and stays so through a 10 s outage, then 200', async () => {
    const discord = await FakeDiscord.start();
    cleanups.push(() => discord.close());
    const healthPort = await freePort();
    const bot = startDealbot(
      startEnv(tempDir(), { ...discord.env(), HEALTH_PORT: String(healthPort), HEALTH_HOST: '127.0.0.1', FACTS_DIR: join(ROOT, 'facts'), FACTS_WATCH: 'false', PLATFORM_DOWN_EXIT_S: '60', PLATFORM_RECONNECT_MIN_MS: '100', PLATFORM_RECONNECT_MAX_MS: '400' }),
    );
    cleanups.push(killed(bot));
    await healthy(healthPort);
    discord.dropGateway(10_000);
    const dropped = Date.now();
    const seen: { at: number; status: number }[] = [];
    while (Date.now() - dropped < 9_500) {
      seen.push({ at: Date.now() - dropped, status: (await health(healthPort)).status });
      await new Promise((r) => setTimeout(r, 100));
    }
    // From the first second on, every answer during the outage is 503.
    const late = seen.filter((s) => s.at >= 1000);
    expect(late.length).toBeGreaterThan(50);
    expect(late.filter((s) => s.status !== 503)).toEqual([]);
    await until('healthy again', async () => ((await health(healthPort)).status === 200 ? true : undefined), 20_000);
  }, 60_000);
});

describe('storage that fails loudly', () => {
  /** As root, permissions do not stop us: the bot then runs as nobody, who may not write the file. */
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

  it('a database the bot cannot write stops the start with one line naming DATABASE_PATH and the path', async () => {
    const dir = tempDir();
    const path = join(dir, 'data', 'dealbot.db');
    expect((await runDealbot(['db', 'status'], { env: { DATABASE_PATH: path } })).code).toBe(0); // created, owned by us
    writeFileSync(join(dir, 'probe'), '');
    if (!('uid' in asNobody)) {
      // Not root: permissions are enough.
      for (const p of [path, join(dir, 'data')]) (await import('node:fs')).chmodSync(p, p === path ? 0o444 : 0o555);
    }
    const bot = startDealbot(startEnv(dir, { DATABASE_PATH: path, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: 'http://127.0.0.1:9/api/' }), undefined, asNobody);
    cleanups.push(killed(bot));
    expect(await bot.exited).toBe(1);
    const lines = bot.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^dealbot: cannot (open|write) the database at DATABASE_PATH=${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*(read-only|cannot be opened|permission denied)`));
    expect(bot.stderr()).not.toMatch(/\n\s+at /);
  });

  async function runningOn(dir: string) {
    const started = await slackOnly(dir, { DATABASE_PATH: join(dir, 'data', 'dealbot.db'), STORE_PROBE_S: '0.2', LOG_LEVEL: 'info' });
    await healthy(started.port);
    expect((await health(started.port)).body.checks?.store?.ok).toBe(true);
    return started;
  }

  it('the data directory deleted while running: 503, an error, exit 1; the next start says it made an empty database', async () => {
    const dir = tempDir();
    const { bot } = await runningOn(dir);
    rmSync(join(dir, 'data'), { recursive: true, force: true });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(/"level":60.*was deleted while dealbot ran: stopping \(exit 1\)/);
    const again = await slackOnly(dir, { DATABASE_PATH: join(dir, 'data', 'dealbot.db') });
    await healthy(again.port);
    expect(again.bot.stderr()).toMatch(/"level":40.*no database at DATABASE_PATH=.*created a new, empty one/);
  }, 30_000);

  it('the database file replaced while running: /healthz 503 (when asked in time), an error, exit 1', async () => {
    const dir = tempDir();
    const { bot, port } = await runningOn(dir);
    const db = join(dir, 'data', 'dealbot.db');
    copyFileSync(db, `${db}.copy`);
    renameSync(`${db}.copy`, db);
    // Between the probe that finds it and the exit, /healthz says so (when asked in time).
    let seen: Awaited<ReturnType<typeof health>> | undefined;
    while (bot.child.exitCode === null && !seen) {
      const h = await health(port).catch(() => undefined);
      if (h?.status === 503) seen = h;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await bot.exited).toBe(1);
    if (seen) expect(seen.body.checks?.store?.ok).toBe(false);
    expect(bot.stderr()).toMatch(/was replaced by another file while dealbot ran/);
  }, 30_000);

  it.skipIf(!HAS_POSTGRES)('PostgreSQL turned read-only under the bot (a failover onto a standby): 503 naming the store, no exit, 200 once writable', async () => {
    const db = await freshDatabase('dealbot_readonly');
    cleanups.push(() => db.drop());
    const { bot, port } = await slackOnly(tempDir(), { DATABASE_URL: db.url, STORE_PROBE_S: '0.2' });
    await healthy(port);
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    cleanups.push(() => admin.end());
    // New sessions are read-only; the bot's are cut, so its pool reconnects into read-only ones.
    const readOnly = async (on: boolean) => {
      await admin.query(`ALTER DATABASE ${db.name} ${on ? 'SET default_transaction_read_only = on' : 'RESET default_transaction_read_only'}`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db.name]);
    };
    await readOnly(true);
    // The probe in flight when its session is cut may report that first ("terminating connection due to
    // administrator command"); the next one, on a new read-only session, reports the failover's steady state.
    const down = await until('503 for a read-only store', async () => {
      const h = await health(port);
      return h.status === 503 && /read-only/.test(JSON.stringify(h.body.checks?.store ?? {})) ? h.body : undefined;
    });
    expect(down.checks?.store).toMatchObject({ ok: false, at: expect.stringContaining(db.name), error: expect.stringMatching(/read-only transaction/) });
    // Logged once, when the store starts failing: with whichever of the two errors came first.
    await until('the error in the log', async () => (/"level":50.*the store cannot be written \((.*read-only transaction|.*terminating connection).*\/healthz answers 503/.test(bot.stderr()) ? true : undefined), 5000);
    await readOnly(false);
    await until('200 again', async () => ((await health(port)).status === 200 ? true : undefined));
    await until('the recovery in the log', async () => (/the store can be written again/.test(bot.stderr()) ? true : undefined), 5000);
    expect(bot.child.exitCode).toBeNull();
  }, 30_000);

  it('dealbot db check reports the subscriptions and the ledger it sees', async () => {
    const dir = tempDir();
    const env = { DATABASE_PATH: join(dir, 'dealbot.db') };
    const console = await runDealbot([], { input: '/deal subscribe 09:00 Europe/Paris\n', env, script: 'start' });
    expect(console.code).toBe(0);
    const check = await runDealbot(['db', 'check'], { env });
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(new RegExp(`^sqlite at .*dealbot\\.db, schema version ${MIGRATIONS.at(-1)!.version}, writable$`, 'm'));
    expect(check.stdout).toMatch(/^subscriptions: 1 \(console 1\)$/m);
    expect(check.stdout).toMatch(/^feedback votes: 0; channels' deals: 0; installations \(OAuth\): 0$/m);
    expect(check.stdout).toMatch(/^post ledger: \d+ row\(s\)/m);
  }, 30_000);
});

describe('nothing secret at rest', () => {
  it('tokens pasted into questions reach no file the bot wrote, nor its logs, nor dealbot gaps', async () => {
    const t = await startBot({ FACTS_WATCH: 'false' });
    cleanups.push(() => t.stop());
    const shapes = [BOT_TOKEN, SIGNING_SECRET, t.discord.token, FAKE_SLACK_BOT_TOKEN, FAKE_SLACK_APP_TOKEN, FAKE_DISCORD_TOKEN, 'Bearer abcdefghijklmnopqrstuvwxyz0123456789'];
    const secrets = [BOT_TOKEN, SIGNING_SECRET, t.discord.token, ...shapes];
    for (const [i, s] of shapes.entries()) {
      // No facts (recorded for curators), an answer (kept for Share), a mention and a Discord /deal.
      await postToApp(t.eventsUrl, slashCommand({ text: `what is the valuation of ${s}`, responseUrl: t.slack.responseUrl(), triggerId: `tr-a-${i}` }));
      await postToApp(t.eventsUrl, slashCommand({ text: `energy ${s}`, responseUrl: t.slack.responseUrl(), triggerId: `tr-b-${i}` }));
      await postToApp(t.eventsUrl, eventRequest(eventEnvelope({ type: 'app_mention', user: 'U0SECRET1', text: `<@${BOT_USER_ID}> revenue ${s}`, ts: `1702000000.00000${i}`, channel: 'C0SECRET1' })));
      expect((await t.discord.slash({ query: `energy ${s}` }).http!).status).toBe(200);
    }
    await until('every answer sent', async () => (t.slack.responses.length >= 2 * shapes.length ? true : undefined), 10_000);
    t.bot.child.kill('SIGTERM');
    expect(await t.bot.exited).toBe(0);
    const gaps = await runDealbot(['gaps'], { env: { DATABASE_PATH: join(t.dir, 'dealbot.db') } });
    expect(gaps.stdout).toMatch(/valuation/);
    const written = filesUnder(t.dir);
    expect(written.map((f) => f.path)).toContainEqual(expect.stringMatching(/dealbot\.db$/));
    for (const secret of secrets) {
      for (const f of written) expect(f.content.includes(secret), `${secret.slice(0, 8)}… in ${f.path}`).toBe(false);
      expect(t.bot.output()).not.toContain(secret);
      expect(gaps.stdout).not.toContain(secret);
    }
    expect(gaps.stdout).toContain('[redacted]');
  }, 60_000);
});

describe('fact reload an operator forces', () => {
  it('a base dropping many facts is held with a reason; dealbot facts reload (SIGHUP) serves it', async () => {
    const dir = tempDir();
    const facts = join(dir, 'facts');
    cpSync(join(ROOT, 'facts'), facts, { recursive: true });
    const { bot, port } = await slackOnly(dir, { FACTS_DIR: facts, FACTS_WATCH: 'true', FACTS_SETTLE_MS: '200', FACTS_STALE_S: '1', PID_FILE: join(dir, 'dealbot.pid') });
    await healthy(port);
    expect(existsSync(join(dir, 'dealbot.pid'))).toBe(true);
    const before = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { facts: number };
    // Two files go: 10 of the shipped facts, more than a quarter of the base.
    rmSync(join(facts, 'openai-nvidia', 'chips.yaml'));
    rmSync(join(facts, 'openai-nvidia', 'competition.yaml'));
    await until('the reload held', async () => (/fact reload held: the files on disk hold \d+ facts and drop \d+ of the \d+ served/.test(bot.stderr()) ? true : undefined));
    // Held for more than FACTS_STALE_S: /healthz says so.
    const held = await until('503', async () => {
      const h = await health(port);
      return h.status === 503 ? h.body : undefined;
    });
    expect(held.checks?.facts).toMatchObject({ ok: false, state: 'held' });
    const cli = await runDealbot(['facts', 'reload', '--facts', facts], { env: { PID_FILE: join(dir, 'dealbot.pid') } });
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/OK \(version [0-9a-f]+\)[\s\S]*asked dealbot \(pid \d+\) to reload/);
    await until('served', async () => {
      const h = await health(port);
      return h.status === 200 && (h.body as { facts: number }).facts < before.facts ? true : undefined;
    });
    // The log line may reach stderr a moment after /healthz shows the new base.
    await until('the reload in the log', async () => (/"why":"SIGHUP \(dealbot facts reload\)".*fact base reloaded/.test(bot.stderr()) ? true : undefined), 5000);
  }, 30_000);

  it('dealbot facts reload refuses a broken base and leaves the bot alone', async () => {
    const dir = tempDir();
    const facts = join(dir, 'facts');
    cpSync(join(ROOT, 'facts'), facts, { recursive: true });
    writeFileSync(join(facts, 'openai-nvidia', 'broken.yaml'), 'facts:\n  - id: [broken\n');
    mkdirSync(join(dir, 'run'));
    writeFileSync(join(dir, 'run', 'dealbot.pid'), '999999\n');
    const cli = await runDealbot(['facts', 'reload', '--facts', facts], { env: { PID_FILE: join(dir, 'run', 'dealbot.pid') } });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/broken\.yaml:\d+/);
    expect(cli.stderr).toMatch(/the running bot was not asked to reload/);
    expect(readFileSync(join(dir, 'run', 'dealbot.pid'), 'utf8')).toBe('999999\n');
  });
});
