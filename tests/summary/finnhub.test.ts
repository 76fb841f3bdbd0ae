// The Finnhub provider against a local HTTP server on 127.0.0.1 playing Finnhub's answers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteDriver } from '../../src/store/sqlite.ts';
import { createFinnhubProvider } from '../../src/summary/finnhub.ts';
import { MarketData, MarketDataError, QuoteCache } from '../../src/summary/market.ts';
import { useTempDatabase } from './helpers.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, symbol: string) => void;

let server: Server;
let baseUrl: string;
let handler: Handler;
const requests: { symbol: string; token: string | undefined; url: string }[] = [];
const TOKEN = 'test-finnhub-token-123';

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

const good = (price: number, t = 1_775_000_000) => ({ c: price, d: 1.5, dp: 0.83, h: price + 1, l: price - 2, o: price - 1, pc: price - 1.5, t });

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const symbol = url.searchParams.get('symbol') ?? '';
    requests.push({ symbol, token: req.headers['x-finnhub-token'] as string | undefined, url: req.url ?? '' });
    if (url.pathname !== '/api/v1/quote') return json(res, 404, { error: 'not found' });
    handler(req, res, symbol);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  requests.length = 0;
});

const provider = (timeoutMs = 2000) => createFinnhubProvider({ token: TOKEN, baseUrl, timeoutMs });

async function failure(p: Promise<unknown>): Promise<MarketDataError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MarketDataError);
  return err as MarketDataError;
}

describe('Finnhub /quote provider', () => {
  it('reads a good answer, sending the token in a header and not in the URL', async () => {
    handler = (_req, res) => json(res, 200, good(187.12));
    const q = await provider().quote('NVDA');
    expect(q).toEqual({ symbol: 'NVDA', price: 187.12, change: 1.5, changePercent: 0.83, previousClose: 185.62, asOf: new Date(1_775_000_000 * 1000) });
    expect(requests).toEqual([{ symbol: 'NVDA', token: TOKEN, url: '/api/v1/quote?symbol=NVDA' }]);
  });

  it('treats an error body sent with HTTP 200 as a failure, not a quote', async () => {
    handler = (_req, res) => json(res, 200, { error: 'You don\'t have access to this resource.' });
    const err = await failure(provider().quote('NVDA'));
    expect(err.kind).toBe('provider');
    expect(err.message).toMatch(/access/);
  });

  it('refuses the all-zero answer Finnhub gives for an unknown symbol', async () => {
    handler = (_req, res) => json(res, 200, { c: 0, d: null, dp: null, h: 0, l: 0, o: 0, pc: 0, t: 0 });
    expect((await failure(provider().quote('ZZZZ'))).kind).toBe('no-data');
  });

  it('refuses malformed JSON and a body of the wrong shape', async () => {
    handler = (_req, res) => json(res, 200, '{"c": 187.1, "d": ');
    expect((await failure(provider().quote('NVDA'))).kind).toBe('invalid');
    handler = (_req, res) => json(res, 200, { c: '187.12', t: 'yesterday' });
    expect((await failure(provider().quote('NVDA'))).kind).toBe('invalid');
  });

  it('gives up on a slow answer after its timeout', async () => {
    const pending: ServerResponse[] = [];
    handler = (_req, res) => {
      pending.push(res); // never answered in time
    };
    const err = await failure(provider(150).quote('NVDA'));
    expect(err.kind).toBe('timeout');
    for (const res of pending) res.destroy();
  });

  it('reports HTTP 429 as a rate limit and HTTP 500 as an HTTP error', async () => {
    handler = (_req, res) => json(res, 429, { error: 'API limit reached. Please try again later.' });
    expect((await failure(provider().quote('NVDA'))).kind).toBe('rate-limited');
    handler = (_req, res) => json(res, 500, 'Internal Server Error');
    expect((await failure(provider().quote('NVDA'))).kind).toBe('http');
  });

  it('reports an unreachable server as a network failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const p = createFinnhubProvider({ token: TOKEN, baseUrl: `http://127.0.0.1:${port}/api/v1`, timeoutMs: 2000 });
    expect((await failure(p.quote('NVDA'))).kind).toBe('network');
  });
});

describe('market snapshot over the provider and the quote cache', () => {
  const temp = useTempDatabase();
  let db: SqliteDriver;
  let t = Date.parse('2026-04-01T14:00:00Z');
  const now = () => new Date(t);
  beforeEach(() => {
    db = temp.db;
  });

  it('asks once per distinct ticker and caches what it got', async () => {
    handler = (_req, res, symbol) => json(res, 200, good(symbol === 'NVDA' ? 187.12 : 420.5));
    const market = new MarketData({ cache: new QuoteCache(db), provider: provider(), now });
    const snap = await market.snapshot(['NVDA', 'MSFT', 'NVDA']);
    expect(requests.map((r) => r.symbol)).toEqual(['NVDA', 'MSFT']);
    expect(snap.quotes.get('NVDA')).toMatchObject({ price: 187.12, stale: false, provider: 'Finnhub' });
    expect(snap.failures.size).toBe(0);
    expect(await new QuoteCache(db).get('MSFT')).toMatchObject({ price: 420.5, stale: true, fetchedAt: now() });
  });

  it('falls back to the cached quote, marked stale, when the provider fails; nothing for a symbol never fetched', async () => {
    handler = (_req, res) => json(res, 200, good(187.12));
    const market = new MarketData({ cache: new QuoteCache(db), provider: provider(), now });
    await market.snapshot(['NVDA']);
    t += 86_400_000;
    handler = (_req, res) => json(res, 500, 'boom');
    requests.length = 0;
    const snap = await market.snapshot(['NVDA', 'AMD', 'INTC']);
    // The provider is down after the first failure: the other tickers are not asked this run.
    expect(requests.map((r) => r.symbol)).toEqual(['NVDA']);
    expect(snap.quotes.get('NVDA')).toMatchObject({ price: 187.12, stale: true, fetchedAt: new Date('2026-04-01T14:00:00Z') });
    expect(snap.quotes.has('AMD')).toBe(false);
    expect([...snap.failures]).toEqual([['NVDA', 'http'], ['AMD', 'http'], ['INTC', 'http']]);
  });

  it('keeps asking other tickers after a symbol-specific error', async () => {
    handler = (_req, res, symbol) => (symbol === 'BAD' ? json(res, 200, { c: 0, d: null, dp: null, h: 0, l: 0, o: 0, pc: 0, t: 0 }) : json(res, 200, good(10)));
    const market = new MarketData({ cache: new QuoteCache(db), provider: provider(), now });
    const snap = await market.snapshot(['BAD', 'GOOD']);
    expect(requests.map((r) => r.symbol)).toEqual(['BAD', 'GOOD']);
    expect(snap.failures.get('BAD')).toBe('no-data');
    expect(snap.quotes.get('GOOD')?.stale).toBe(false);
  });

  it('stops asking after a rate limit answer', async () => {
    handler = (_req, res) => json(res, 429, { error: 'API limit reached' });
    const market = new MarketData({ cache: new QuoteCache(db), provider: provider(), now });
    const snap = await market.snapshot(['NVDA', 'MSFT', 'ORCL']);
    expect(requests).toHaveLength(1);
    expect([...snap.failures.values()]).toEqual(['rate-limited', 'rate-limited', 'rate-limited']);
  });

  it('without a provider sends no request and reports every ticker as not configured', async () => {
    const market = new MarketData({ cache: new QuoteCache(db), now });
    const snap = await market.snapshot(['NVDA']);
    expect(requests).toHaveLength(0);
    expect(snap.provider).toBeUndefined();
    expect(snap.failures.get('NVDA')).toBe('not-configured');
  });
});
