// N `dealbot start` processes (replicas) on one PostgreSQL database behind the local fake Slack
// (HTTP mode: each replica listens on its own PORT, as behind a load balancer).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOT_TOKEN, SIGNING_SECRET, type FakeSlack } from '../slack/fake-slack.ts';
import { freePort, healthy, startDealbot, startEnv, type Started } from '../helpers/process.ts';

export interface Replica {
  id: string;
  port: number;
  proc: Started;
  /** The Slack events URL of this replica. */
  eventsUrl: string;
  alive(): boolean;
}

export interface Replicas {
  list: Replica[];
  /** SIGKILL: no shutdown, claims and holds left as they are. */
  kill(r: Replica): Promise<void>;
  stop(): Promise<void>;
}

export async function startReplicas(n: number, opts: { databaseUrl: string; slack: FakeSlack; env?: NodeJS.ProcessEnv; prefix?: string }): Promise<Replicas> {
  const dir = mkdtempSync(join(tmpdir(), 'dealbot-replicas-'));
  const list: Replica[] = [];
  try {
    for (let i = 1; i <= n; i++) {
      const port = await freePort();
      const id = `${opts.prefix ?? 'r'}${i}`;
      const proc = startDealbot(
        startEnv(join(dir, id), {
          DATABASE_URL: opts.databaseUrl,
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: opts.slack.apiUrl,
          PORT: String(port),
          REPLICA_ID: id,
          LOG_LEVEL: 'info',
          FACTS_WATCH: '0',
          RATE_LIMIT_USER_PER_MIN: '0',
          RATE_LIMIT_CHANNEL_PER_MIN: '0',
          ...opts.env,
        }),
      );
      list.push({ id, port, proc, eventsUrl: `http://127.0.0.1:${port}/slack/events`, alive: () => proc.child.exitCode === null && proc.child.signalCode === null });
    }
    await Promise.all(
      list.map((r) =>
        Promise.race([
          healthy(r.port),
          r.proc.exited.then((code) => {
            throw new Error(`replica ${r.id} exited (${code}) before it was healthy:\n${r.proc.output().slice(-3000)}`);
          }),
        ]),
      ),
    );
  } catch (err) {
    for (const r of list) r.proc.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    list,
    async kill(r) {
      r.proc.child.kill('SIGKILL');
      await r.proc.exited;
    },
    async stop() {
      for (const r of list) if (r.alive()) r.proc.child.kill('SIGTERM');
      await Promise.all(list.map((r) => Promise.race([r.proc.exited, new Promise((res) => setTimeout(res, 15_000))])));
      for (const r of list) if (r.alive()) r.proc.child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
