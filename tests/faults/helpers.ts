// Shared by the fault suite: `dealbot start` as a process against the fakes (Slack's HTTP mode and
// Discord's Interactions Endpoint on PORT, health on HEALTH_PORT too), raw HTTP requests that fetch
// would tidy up (odd paths, held-open and oversized bodies), and reading every file a bot wrote.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { freePort, healthy, ROOT, startDealbot, startEnv, type Started } from '../helpers/process.ts';
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from '../slack/fake-slack.ts';

export interface BotUnderTest {
  bot: Started;
  /** PORT: /slack/events, /discord/interactions, /healthz, /metrics. */
  port: number;
  healthPort: number;
  slack: FakeSlack;
  discord: FakeDiscord;
  /** The bot's data directory (DATABASE_PATH, GAPS_LOG and the pid file are in it). */
  dir: string;
  eventsUrl: string;
  stop(): Promise<void>;
}

/** Starts `dealbot start` with Slack (HTTP mode) and Discord (gateway and endpoint) against fresh fakes. */
export async function startBot(env: NodeJS.ProcessEnv = {}, opts: { healthy?: boolean } = {}): Promise<BotUnderTest> {
  const slack = await FakeSlack.start();
  const discord = await FakeDiscord.start();
  const [port, healthPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'dealbot-faults-'));
  const bot = startDealbot(
    startEnv(dir, {
      ...discord.env(),
      DISCORD_PUBLIC_KEY: discord.publicKeyHex,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      HEALTH_PORT: String(healthPort),
      HEALTH_HOST: '127.0.0.1',
      FACTS_DIR: join(ROOT, 'facts'),
      FACTS_WATCH: 'false',
      RATE_LIMIT_USER_PER_MIN: '0',
      RATE_LIMIT_CHANNEL_PER_MIN: '0',
      ...env,
    }),
  );
  const stop = async () => {
    if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    await bot.exited;
    await slack.close();
    await discord.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  if (opts.healthy ?? true) {
    try {
      await Promise.race([healthy(healthPort), bot.exited.then((code) => Promise.reject(new Error(`dealbot exited (${code}):\n${bot.output().slice(-3000)}`)))]);
    } catch (err) {
      await stop();
      throw err;
    }
    discord.interactionsUrl = `http://127.0.0.1:${port}/discord/interactions`;
  }
  return { bot, port, healthPort, slack, discord, dir, eventsUrl: `http://127.0.0.1:${port}/slack/events`, stop };
}

export interface RawAnswer {
  status: number | 'no answer';
  /** The server closed the connection before the whole body was sent. */
  cut?: boolean;
}

/**
 * One request over a plain socket, with exactly this path, headers and body (chunked encoding when
 * `chunked`, else a Content-Length), written piece by piece and stopped as soon as the server
 * answers: the status line is read from whatever comes back, even if the server then cuts the
 * upload. "no answer" after `timeoutMs` is what a hanging server looks like.
 */
export function raw(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer; chunked?: boolean; timeoutMs?: number }): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const body = opts.body;
    const headers: Record<string, string> = { host: `127.0.0.1:${port}`, connection: 'close', ...opts.headers };
    if (body && opts.chunked) headers['transfer-encoding'] = 'chunked';
    else if (body) headers['content-length'] = String(body.length);
    const head = `${opts.method ?? 'GET'} ${opts.path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let written = 0;
    let settled = false;
    const done = (a: RawAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(a);
    };
    const timer = setTimeout(() => done({ status: 'no answer' }), opts.timeoutMs ?? 3000);
    socket.on('data', (d: Buffer) => {
      received += d.toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      if (m) done({ status: Number(m[1]), ...(body ? { cut: written < body.length } : {}) });
    });
    socket.on('error', () => undefined); // a cut upload: the answer, if any, was read above
    socket.on('close', () => done({ status: 'no answer', ...(body ? { cut: written < body.length } : {}) }));
    socket.write(head);
    if (!body) return;
    // One piece per turn of the event loop, so an answer arriving meanwhile is read before the
    // server's cut makes a write fail (a failed write destroys the socket, unread data and all).
    const piece = 64 * 1024;
    const next = () => {
      if (settled || socket.destroyed) return;
      if (written >= body.length) return void (opts.chunked && socket.write('0\r\n\r\n'));
      const slice = body.subarray(written, written + piece);
      written += slice.length;
      const ok = socket.write(opts.chunked ? Buffer.concat([Buffer.from(`${slice.length.toString(16)}\r\n`), slice, Buffer.from('\r\n')]) : slice);
      if (ok) setImmediate(next);
      else socket.once('drain', next);
    };
    next();
  });
}

/** Every file under `dir` (recursively) with its content: what a bot left on disk. */
export function filesUnder(dir: string): { path: string; content: Buffer }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) return filesUnder(path);
    return st.isFile() ? [{ path, content: readFileSync(path) }] : [];
  });
}

/** The bot's resident memory now (kB), from /proc. */
export function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : 0;
}
