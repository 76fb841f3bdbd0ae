// The loopback-only guard (tests/setup/loopback-only.ts, loaded by vitest.config.ts) refuses any
// connection off this machine before a DNS lookup or a packet, and lets loopback and unix sockets through.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, Socket, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../vitest.config.ts';
import { childEnv, isLoopbackHost, LOOPBACK_ONLY_CODE } from './loopback-only.ts';
import { spawn } from 'node:child_process';

// An address reserved for documentation (RFC 5737) plus the classic example.com address.
const OUTSIDE = ['93.184.216.34', '192.0.2.1'];

function errorOf(socket: Socket): Promise<NodeJS.ErrnoException> {
  return new Promise((resolve, reject) => {
    socket.once('error', resolve);
    socket.once('connect', () => reject(new Error('connected')));
  });
}

describe('loopback-only guard', () => {
  let server: Server;
  let port: number;
  let dir: string;
  let unixServer: Server;
  const socketPath = () => join(dir, 's.sock');

  beforeAll(async () => {
    server = createServer((s) => s.end('hi'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
    dir = mkdtempSync(join(tmpdir(), 'dealbot-loopback-'));
    unixServer = createServer((s) => s.end('unix'));
    await new Promise<void>((r) => unixServer.listen(socketPath(), r));
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await new Promise((r) => unixServer.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a TCP connection to a public address before anything is sent', async () => {
    for (const host of OUTSIDE) {
      const socket = connect(80, host);
      let looked = false;
      socket.on('lookup', () => (looked = true));
      // Refused at the call: no handle was opened, so no SYN can have left.
      expect(socket.connecting).toBe(false);
      expect((socket as unknown as { _handle: unknown })._handle).toBeNull();
      const err = await errorOf(socket);
      expect(err.code).toBe(LOOPBACK_ONLY_CODE);
      expect(err.message).toContain(`${host}:80`);
      expect(looked).toBe(false);
      expect(socket.destroyed).toBe(true);
    }
  });

  it('refuses a host name without resolving it, through every call form and client', async () => {
    let looked = false;
    const socket = new Socket();
    socket.on('lookup', () => (looked = true));
    socket.connect({ host: 'example.com', port: 443 });
    expect((await errorOf(socket)).code).toBe(LOOPBACK_ONLY_CODE);
    expect(looked).toBe(false);

    const http = await new Promise<NodeJS.ErrnoException>((resolve) => {
      request('http://93.184.216.34/', () => resolve(new Error('answered'))).on('error', resolve).end();
    });
    expect(http.code).toBe(LOOPBACK_ONLY_CODE);

    const viaFetch = await fetch('https://discord.com/api/v10/gateway').then(
      () => undefined,
      (e: Error & { cause?: NodeJS.ErrnoException }) => e.cause,
    );
    expect(viaFetch?.code).toBe(LOOPBACK_ONLY_CODE);
  });

  it('lets loopback TCP and unix sockets through', async () => {
    const read = (s: Socket) =>
      new Promise<string>((resolve, reject) => {
        let got = '';
        s.on('data', (d) => (got += d)).on('end', () => resolve(got)).on('error', reject);
      });
    expect(await read(connect(port, '127.0.0.1'))).toBe('hi');
    expect(await read(connect({ port, host: 'localhost', family: 4 }))).toBe('hi');
    expect(await read(connect(port))).toBe('hi');
    expect(await read(connect(socketPath()))).toBe('unix');
  });

  it('is loaded in every test worker by vitest.config.ts', () => {
    expect(config.test?.setupFiles).toContain('tests/setup/loopback-only.ts');
  });

  it('is preloaded in the processes tests spawn, inherited or from a clean environment', async () => {
    const probe = `require('node:net').connect(80, '${OUTSIDE[0]}').on('error', (e) => console.log(e.code)).on('connect', () => console.log('CONNECTED'))`;
    const run = (env: NodeJS.ProcessEnv) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['-e', probe], { env, stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('error', reject).on('close', () => resolve(out.trim()));
      });
    expect(await run(process.env)).toBe(LOOPBACK_ONLY_CODE);
    expect(await run(childEnv({ PATH: process.env.PATH }))).toBe(LOOPBACK_ONLY_CODE);
  });

  it('knows loopback from the rest', () => {
    for (const h of ['127.0.0.1', '127.8.9.10', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['93.184.216.34', '10.0.0.1', '0.0.0.0', '::', 'example.com', 'localhost.example.com', '127.0.0.1.nip.io', '::ffff:10.0.0.1']) {
      expect(isLoopbackHost(h), h).toBe(false);
    }
  });
});
