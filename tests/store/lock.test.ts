// Another process holds the database's write lock: acks and answers go on, the event loop is
// never blocked for long, and an admin whose write could not be done is told to try again.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, readStoreConfig } from '../../src/store/index.ts';
import { one } from '../../src/store/sql.ts';
import { openDailySummary, readSummaryConfig } from '../../src/summary/index.ts';
import { BOT_USER_ID, eventEnvelope, eventRequest, postToApp, slashCommand } from '../slack/fake-slack.ts';
import { startHarness, type Harness } from '../slack/helpers.ts';
import { tempDir } from '../summary/helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** A child process holding the write lock of `path` until release() is called. */
function holdWriteLock(path: string) {
  const child = spawn(process.execPath, ['tests/store/fixtures/hold-write-lock.mjs', path], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const locked = new Promise<void>((done, fail) => {
    child.stdout.on('data', (d) => String(d).includes('locked') && done());
    child.once('exit', (code) => fail(new Error(`lock holder exited early (${code})`)));
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return { locked, exited, release: () => child.stdin.end('release\n') };
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('another process holds the write lock', () => {
  it('acks and answers an unrelated /deal, tells the admin to try again, and never blocks the event loop for a second', async () => {
    const tmp = tempDir('dealbot-lock-');
    const path = join(tmp.dir, 'dealbot.db');
    const store = await openStore(readStoreConfig({ DATABASE_PATH: path }));
    const summary = await openDailySummary(store, readSummaryConfig({}));
    const h: Harness = await startHarness({
      admins: 'U0ADMIN01',
      botOptions: { subscriptions: summary.subscriptions },
      policy: { delivered: store.deliveries, shared: store.sharedAnswers },
    });
    cleanup.push(async () => {
      await h.close();
      await store.close();
      tmp.cleanup();
    });
    const lock = holdWriteLock(path);
    cleanup.push(async () => {
      lock.release();
      await lock.exited;
    });
    await lock.locked;

    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const url = h.slack.eventsUrl!;
    const adminUrl = h.fake.responseUrl();
    const askUrl = h.fake.responseUrl();
    const mention = eventEnvelope({ type: 'app_mention', user: 'U0ASKER01', text: `<@${BOT_USER_ID}> energy`, ts: '1700300000.000100', channel: 'C0LOCKED3' });
    const [adminAck, askAck, mentionAck] = await Promise.all([
      postToApp(url, slashCommand({ text: 'subscribe 08:30 Europe/Paris', responseUrl: adminUrl, user: 'U0ADMIN01', channel: 'C0LOCKED1' })),
      postToApp(url, slashCommand({ text: 'energy', responseUrl: askUrl, channel: 'C0LOCKED2' })),
      postToApp(url, eventRequest(mention)),
    ]);
    expect(adminAck.status).toBe(200);
    expect(askAck.status).toBe(200);
    expect(mentionAck.status).toBe(200);
    const answer = await h.fake.waitFor(() => h.fake.responsesTo(askUrl)[0], 8000, 'the answer');
    expect(JSON.stringify(answer.body)).toMatch(/10 GW/);
    // A mention is answered too: its "answered once" record waits for the lock, not the answer.
    await h.fake.waitFor(() => h.fake.callsOf('chat.postMessage').find((c) => c.args.channel === 'C0LOCKED3'), 8000, 'the mention answer');
    const busy = await h.fake.waitFor(() => h.fake.responsesTo(adminUrl)[0], 8000, 'the admin notice');
    loop.disable();
    expect(JSON.stringify(busy.body)).toMatch(/busy.*try again/i);
    expect(busy.body.response_type).toBe('ephemeral');
    expect(await summary.subscriptions.get({ platform: 'slack', id: 'C0LOCKED1' })).toBeUndefined();
    expect(loop.max / 1e6, 'longest event-loop stall (ms)').toBeLessThan(1000);

    // Once the lock is released the same command goes through.
    lock.release();
    await lock.exited;
    const again = h.fake.responseUrl();
    await postToApp(url, slashCommand({ text: 'subscribe 08:30 Europe/Paris', responseUrl: again, user: 'U0ADMIN01', channel: 'C0LOCKED1' }));
    await h.fake.waitFor(() => h.fake.responsesTo(again)[0]);
    expect((await summary.subscriptions.get({ platform: 'slack', id: 'C0LOCKED1' }))?.time).toBe('08:30');
    // The mention's record reached the database after the lock went: a second process would not answer it again.
    await h.fake.settle(600);
    const row = await one(store.driver, 'SELECT key FROM delivered_messages WHERE key LIKE ?', ['%C0LOCKED3%']);
    expect(row).toBeDefined();
  });
});
