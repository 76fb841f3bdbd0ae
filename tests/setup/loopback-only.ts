// Test set-up (vitest setupFiles, run in every test worker): no test may open a TCP connection
// to anything but this machine. net.Socket.prototype.connect is the one door every client goes
// through (net.connect, http/https agents, tls.connect, fetch/undici, ws, discord.js, Bolt), so
// the guard sits there and refuses before any DNS lookup or packet: the socket is destroyed
// with an ELOOPBACKONLY error naming the host, exactly as a failed connection would report it.
// Unix-domain sockets (a `path`) stay allowed.
import net from 'node:net';

export const LOOPBACK_ONLY_CODE = 'ELOOPBACKONLY';

const INSTALLED = Symbol.for('dealbot.tests.loopbackOnly');
const ALLOWED_NAMES = new Set(['localhost', '::1', '0:0:0:0:0:0:0:1']);

/** Loopback only: localhost, ::1, 127.0.0.0/8 (also as an IPv4-mapped IPv6 address). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (ALLOWED_NAMES.has(h)) return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  return net.isIPv4(v4) && v4.startsWith('127.');
}

interface Target {
  host?: string;
  port?: unknown;
  path?: string;
}

/** Where a Socket#connect call goes, for each of its call forms (including net.connect's pre-normalised array). */
function targetOf(args: unknown[]): Target {
  const list = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  const [first, second] = list;
  if (first !== null && typeof first === 'object') {
    const o = first as { host?: unknown; port?: unknown; path?: unknown };
    if (typeof o.path === 'string' && o.path) return { path: o.path };
    return { ...(typeof o.host === 'string' ? { host: o.host } : {}), port: o.port };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { ...(typeof second === 'string' ? { host: second } : {}), port: first };
}

const proto = net.Socket.prototype as net.Socket & { [INSTALLED]?: boolean };
if (!proto[INSTALLED]) {
  const connect = proto.connect;
  proto.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
    const target = targetOf(args);
    // No host means localhost (Node's default).
    if (target.path === undefined && target.host && !isLoopbackHost(target.host)) {
      const err = Object.assign(
        new Error(`tests may only connect to loopback: refused ${target.host}:${String(target.port)} (tests/setup/loopback-only.ts)`),
        { code: LOOPBACK_ONLY_CODE, host: target.host, port: target.port },
      );
      // Asynchronously, like a real connection error, so callers' error handling runs as usual.
      process.nextTick(() => this.destroy(err));
      return this;
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof proto.connect;
  Object.defineProperty(proto, INSTALLED, { value: true });
}

// Processes the tests spawn (`dealbot start`, `dealbot ask`, fixtures) get the same guard,
// preloaded through NODE_OPTIONS (child-preload.mjs). Tests that spawn with a clean
// environment copy NODE_OPTIONS over (see childEnv).
export const GUARD_NODE_OPTIONS = `--import ${new URL('./child-preload.mjs', import.meta.url).href}`;
if (!process.env.NODE_OPTIONS?.includes(GUARD_NODE_OPTIONS)) {
  process.env.NODE_OPTIONS = [process.env.NODE_OPTIONS, GUARD_NODE_OPTIONS].filter(Boolean).join(' ');
}

/** A clean environment for a child process, with the guard preloaded. */
export function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, GUARD_NODE_OPTIONS].filter(Boolean).join(' ') };
}
