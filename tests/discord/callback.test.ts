// The interaction callback poster against a real local HTTP server standing in for Discord's API:
// the request @discordjs/rest would have made, and the outcomes it would have given (errors it
// throws, what it retries, rate limits), with the interaction token kept out of error logs.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DiscordAPIError, HTTPError, RateLimitError, REST, type RESTOptions } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interactionCallbacks } from '../../src/adapters/discord/callback.ts';
import { describeError } from '../../src/adapters/discord/errors.ts';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const ID = '1234567890123456789';
const TOKEN = 'aW50ZXJhY3Rpb246c2VjcmV0LXRva2Vu';
const BODY = { type: 4, data: { embeds: [{ title: 'héllo' }], allowed_mentions: { parse: [], replied_user: false }, flags: 64 } };

describe('interaction callback poster', () => {
  let server: Server;
  let api: string;
  let received: Received[];
  let handle: (req: IncomingMessage, res: ServerResponse, n: number) => void;

  beforeEach(async () => {
    received = [];
    handle = (_req, res) => res.writeHead(204).end();
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        handle(req, res, received.length);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/proxied/api`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const poster = (opts: Partial<RESTOptions> = {}) => {
    const rest = new REST({ api, retries: 0, timeout: 2000, offset: 0, ...opts });
    return { rest, post: interactionCallbacks(rest) };
  };

  const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => (_req: IncomingMessage, res: ServerResponse) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));

  it('POSTs the body as JSON to the configured API, with the discord.js User-Agent and no bot token', async () => {
    const { rest, post } = poster();
    rest.setToken('bot-token-that-must-not-be-sent-0123456789');
    await post(ID, TOKEN, BODY);
    expect(received).toHaveLength(1);
    const [r] = received;
    expect(r!.method).toBe('POST');
    expect(r!.url).toBe(`/proxied/api/v10/interactions/${ID}/${TOKEN}/callback`);
    expect(r!.headers['content-type']).toBe('application/json');
    expect(r!.headers['user-agent']).toMatch(/^DiscordBot \(https:\/\/discord\.js\.org, [\d.]+\)/);
    expect(r!.headers.authorization).toBeUndefined();
    // The headers go as a raw list: the Host is ours to send, and the length counts UTF-8 bytes ("héllo").
    expect(r!.headers.host).toBe(new URL(api).host);
    expect(Number(r!.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(BODY)));
    expect(JSON.parse(r!.body)).toEqual(BODY);
  });

  it('rejects with a DiscordAPIError carrying Discord\'s code on a 4xx, and its log line hides the token', async () => {
    handle = json(404, { message: 'Unknown interaction', code: 10062 });
    const err = await poster().post(ID, TOKEN, BODY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscordAPIError);
    expect(err).toMatchObject({ code: 10062, status: 404, method: 'POST', message: 'Unknown interaction' });
    const logged = JSON.stringify(describeError(err));
    expect(logged).toContain('Unknown interaction');
    expect(logged).toContain('/interactions/');
    expect(logged).not.toContain(TOKEN);
    expect(received).toHaveLength(1); // a 4xx is never retried
  });

  it('retries a 5xx as many times as the REST options allow, then rejects with an HTTPError', async () => {
    handle = (_req, res) => res.writeHead(502).end('bad gateway');
    const err = await poster({ retries: 2 }).post(ID, TOKEN, BODY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HTTPError);
    expect((err as HTTPError).status).toBe(502);
    expect(received).toHaveLength(3);
  });

  it('succeeds when a retried 5xx goes through', async () => {
    handle = (_req, res, n) => (n === 1 ? res.writeHead(503).end() : res.writeHead(204).end());
    await poster({ retries: 1 }).post(ID, TOKEN, BODY);
    expect(received).toHaveLength(2);
  });

  it('waits out a 429 as the REST client would, reporting it as rateLimited, then sends again', async () => {
    handle = (req, res, n) => (n === 1 ? json(429, { message: 'You are being rate limited.', retry_after: 0.01, global: false }, { 'retry-after': '0.01' })(req, res) : res.writeHead(204).end());
    const { rest, post } = poster();
    const limited: { route: string; retryAfter: number }[] = [];
    rest.on('rateLimited', (info) => limited.push(info));
    await post(ID, TOKEN, BODY);
    expect(received).toHaveLength(2);
    expect(limited).toEqual([expect.objectContaining({ route: '/interactions/:id/:token/callback', retryAfter: 10 })]);
  });

  it('fails at once on a 429 that would end after the interaction can still be answered', async () => {
    handle = json(429, { message: 'You are being rate limited.', retry_after: 5, global: false }, { 'retry-after': '5' });
    const { rest, post } = poster();
    const limited: unknown[] = [];
    rest.on('rateLimited', (info) => limited.push(info));
    const failure = await post(ID, TOKEN, BODY, Date.now() + 3000).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(RateLimitError);
    expect((failure as RateLimitError).retryAfter).toBe(5000);
    expect(received).toHaveLength(1); // not sent again: Discord would refuse it past the deadline anyway
    expect(limited).toHaveLength(1); // still reported, so it is logged
    expect(JSON.stringify(describeError(failure))).not.toContain(TOKEN);
  });

  it('gives up when Discord does not answer within the REST timeout, retrying first if allowed', async () => {
    handle = () => {}; // never answers
    await expect(poster({ timeout: 100 }).post(ID, TOKEN, BODY)).rejects.toThrow(/in time/);
    expect(received).toHaveLength(1);
    await expect(poster({ timeout: 100, retries: 1 }).post(ID, TOKEN, BODY)).rejects.toThrow(/in time/);
    expect(received).toHaveLength(3);
  });
});
