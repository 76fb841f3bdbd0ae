import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { freePort, healthy, ROOT, startDealbot, startEnv, until } from '../helpers/process.ts';
import { APP_TOKEN, BOT_TOKEN, eventEnvelope, FakeSlack } from '../slack/fake-slack.ts';

describe('repro socket', () => {
  it('bad text socket mode', async () => {
    const slack = await FakeSlack.start();
    const port = await freePort();
    const tmp = mkdtempSync(join(tmpdir(), 'dealbot-repro-'));
    const bot = startDealbot(startEnv(tmp, { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl, HEALTH_PORT: String(port), FACTS_DIR: join(ROOT, 'facts'), FACTS_WATCH: 'false' }));
    await healthy(port);
    await until('socket', async () => (slack.socketClients > 0 ? true : undefined));
    await slack.sendEnvelope('events_api', eventEnvelope({ type: 'app_mention', user: 'U1', text: 42, ts: '1700000000.000001', channel: 'C1' })).catch((e) => console.log('ack err', e.message));
    await slack.sendEnvelope('events_api', eventEnvelope({ type: 'message', channel_type: 'im', user: 'U1', text: {a:1}, ts: '1700000000.000002', channel: 'D1' })).catch((e) => console.log('ack err', e.message));
    await new Promise((r) => setTimeout(r, 2000));
    console.log('exit', bot.child.exitCode, bot.stderr().split('\n').filter((l) => /error|fatal/i.test(l)).map((l) => l.slice(0, 300)).slice(-5).join('\n'));
    bot.child.kill('SIGKILL'); await slack.close(); rmSync(tmp, { recursive: true, force: true });
  }, 60_000);
});
