// The compose deployment, checked as far as a machine without Docker allows: the YAML's structure
// and the variables it sets; nginx's config with `nginx -t`; and nginx itself in front of two real
// replicas on the test PostgreSQL (the command the containers run), a Slack command sent through it
// twice (a load balancer's retry) answered once. The nginx parts need nginx installed (Debian's
// package); without it they are skipped, and say so.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readStoreConfig } from '../src/store/index.ts';
import { readSummaryConfig } from '../src/summary/config.ts';
import { freshDatabase, HAS_POSTGRES } from './helpers/postgres.ts';
import { freePort, tokenFreeEnv, until } from './helpers/process.ts';
import { startReplicas, type Replicas } from './replicas/helpers.ts';
import { FakeSlack, postToApp, signatureHeaders, slashCommand } from './slack/fake-slack.ts';

const DEPLOY = resolve(import.meta.dirname, '../deploy');
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

/** deploy/nginx.conf ready to run here: upstreams on loopback ports, includes from `dir`, a prefix of its own. */
function localNginx(dir: string, ports: [number, number], listen: number): string {
  mkdirSync(join(dir, 'conf.d'), { recursive: true });
  writeFileSync(join(dir, 'dealbot-proxy.conf'), readFileSync(join(DEPLOY, 'dealbot-proxy.conf'), 'utf8'));
  const site = readFileSync(join(DEPLOY, 'nginx.conf'), 'utf8')
    .replace('dealbot-1:3000', `127.0.0.1:${ports[0]}`)
    .replace('dealbot-2:3000', `127.0.0.1:${ports[1]}`)
    .replace('listen 80;', `listen 127.0.0.1:${listen};`)
    .replaceAll('/etc/nginx/dealbot-proxy.conf', join(dir, 'dealbot-proxy.conf'));
  writeFileSync(join(dir, 'conf.d', 'default.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(dir, t)};`).join(' ');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `pid ${join(dir, 'nginx.pid')};\nerror_log ${join(dir, 'error.log')};\ndaemon off;\nevents {}\nhttp { access_log ${join(dir, 'access.log')}; ${temp} include ${join(dir, 'conf.d', 'default.conf')}; }\n`,
  );
  return join(dir, 'nginx.conf');
}

describe('deploy/compose.yaml', () => {
  const compose = parse(readFileSync(join(DEPLOY, 'compose.yaml'), 'utf8'), { merge: true });

  it('has PostgreSQL, two replicas on it and a reverse proxy', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['dealbot-1', 'dealbot-2', 'postgres', 'proxy']);
    expect(compose.services.postgres.image).toMatch(/^postgres:\d+/);
    expect(compose.services.postgres.healthcheck.test.join(' ')).toMatch(/pg_isready/);
    for (const name of ['dealbot-1', 'dealbot-2']) {
      const s = compose.services[name];
      expect(s.build.context).toBe('..');
      expect(s.environment.DATABASE_URL).toMatch(/^postgres:\/\/dealbot:\$\{POSTGRES_PASSWORD[^}]*\}@postgres:5432\/dealbot$/);
      expect(s.environment.REPLICA_ID).toBe(name);
      expect(s.depends_on.postgres.condition).toBe('service_healthy');
    }
    expect(compose.services['dealbot-1'].environment.REPLICA_ID).not.toBe(compose.services['dealbot-2'].environment.REPLICA_ID);
    expect(compose.services.proxy.image).toMatch(/^nginx:/);
    expect(compose.services.proxy.volumes).toEqual(expect.arrayContaining(['./nginx.conf:/etc/nginx/conf.d/default.conf:ro']));
  });

  it('sets only variables the bot reads, with values it accepts', () => {
    const env = { ...compose.services['dealbot-1'].environment, DATABASE_URL: 'postgres://dealbot:secret@postgres:5432/dealbot' };
    expect(readStoreConfig(env)).toMatchObject({ DATABASE_URL: env.DATABASE_URL });
    expect(() => readSummaryConfig(env)).not.toThrow();
    const known = ['DATABASE_URL', 'PORT', 'HEALTH_PORT', 'HEALTH_HOST', 'REPLICA_ID'];
    expect(Object.keys(env).sort()).toEqual([...known].sort());
    expect(readFileSync(join(DEPLOY, '..', '.env.example'), 'utf8')).toMatch(/^# REPLICA_ID=/m);
  });
});

describe.skipIf(!NGINX)('deploy/nginx.conf with nginx', () => {
  it('passes nginx -t', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealbot-nginx-t-'));
    try {
      const out = execFileSync(NGINX!, ['-t', '-c', localNginx(dir, [3001, 3002], 18080), '-p', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(out).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe.skipIf(!HAS_POSTGRES)('in front of two replicas on PostgreSQL', () => {
    let slack: FakeSlack;
    let db: Awaited<ReturnType<typeof freshDatabase>>;
    let replicas: Replicas;
    let dir: string;
    let nginx: ReturnType<typeof spawn>;
    let port: number;

    beforeAll(async () => {
      slack = await FakeSlack.start();
      db = await freshDatabase('dealbot_nginx');
      replicas = await startReplicas(2, { databaseUrl: db.url, slack, prefix: 'n' });
      dir = mkdtempSync(join(tmpdir(), 'dealbot-nginx-'));
      port = await freePort();
      nginx = spawn(NGINX!, ['-c', localNginx(dir, [replicas.list[0]!.port, replicas.list[1]!.port], port), '-p', dir], { stdio: 'ignore' });
      await until('nginx', async () => ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200 ? true : undefined));
    }, 90_000);
    afterAll(async () => {
      nginx?.kill('SIGTERM');
      await replicas?.stop();
      await slack?.close();
      await db?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('passes Slack requests through to either replica; a request sent twice through it is answered once', async () => {
      const url = `http://127.0.0.1:${port}/slack/events`;
      const responseUrl = slack.responseUrl();
      const req = slashCommand({ text: 'energy', responseUrl, triggerId: `nginx-${Date.now()}` });
      // The same signed bytes twice: whichever replica gets the second copy refuses it as a replay (401).
      const signed = signatureHeaders(req.body);
      const [a, b] = await Promise.all([postToApp(url, req, signed), postToApp(url, req, signed)]);
      expect([a.status, b.status].sort()).toEqual([200, 401]);
      await slack.waitFor(() => slack.responsesTo(responseUrl)[0], 10_000);
      await slack.settle(1000);
      expect(slack.responsesTo(responseUrl)).toHaveLength(1);
      expect((await fetch(`http://127.0.0.1:${port}/nothing`)).status).toBe(404);
    }, 30_000);

    it('keeps serving when one replica is gone (the next upstream takes the request)', async () => {
      await replicas.kill(replicas.list[0]!);
      const url = `http://127.0.0.1:${port}/slack/events`;
      for (let i = 0; i < 3; i++) {
        const responseUrl = slack.responseUrl();
        expect((await postToApp(url, slashCommand({ text: 'timeline', responseUrl }))).status).toBe(200);
        await slack.waitFor(() => slack.responsesTo(responseUrl)[0], 10_000);
      }
    }, 30_000);
  });
});

describe('how production starts the process', () => {
  const ROOT = resolve(import.meta.dirname, '..');
  it('sizes V8 background threads to the cores everywhere the bot is started (--v8-pool-size=0)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const starts = {
      shebang: readFileSync(join(ROOT, 'bin/dealbot.js'), 'utf8').split('\n')[0]!,
      'npm start': pkg.scripts.start!,
      'npm run bench': pkg.scripts.bench!,
      Dockerfile: readFileSync(join(ROOT, 'Dockerfile'), 'utf8').split('\n').find((l) => l.startsWith('CMD') && l.includes('dealbot.js'))!,
      systemd: readFileSync(join(DEPLOY, 'dealbot.service'), 'utf8').split('\n').find((l) => l.startsWith('ExecStart='))!,
    };
    for (const [where, line] of Object.entries(starts)) expect(line, where).toMatch(/node"?,? "?--v8-pool-size=0/);
  });

  it('the compiled build the Dockerfile runs (tsc to JavaScript) starts and answers', () => {
    // Built beside the sources (so node_modules resolves), not into dist/: bin/dealbot.js would prefer that copy in other tests.
    const out = join(ROOT, `.build-test-${process.pid}`);
    try {
      execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json', '--outDir', out], { cwd: ROOT, encoding: 'utf8' });
      // Without the tests' child preload: it registers tsx, which would load what plain Node refuses (a JSON
      // module without its import attribute). `ask` opens no connection, so the loopback guard has nothing to guard.
      const { NODE_OPTIONS: _preload, ...env } = tokenFreeEnv();
      const answer = execFileSync(process.execPath, [join(out, 'src/cli/main.js'), 'ask', 'how much will nvidai invest?'], { cwd: ROOT, encoding: 'utf8', env });
      expect(answer).toMatch(/\$100 billion/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('runs bin/dealbot.js through its shebang', () => {
    const out = execFileSync(join(ROOT, 'bin/dealbot.js'), ['explain', 'how much will nvidia invest'], { encoding: 'utf8', env: tokenFreeEnv() });
    expect(out).toMatch(/^question +"how much will nvidia invest"/);
  });
});
