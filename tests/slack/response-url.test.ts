// The response_url poster against a real local HTTP server: the JSON it sends, errors it reports
// (non-2xx, no answer in time, not http), and that it reuses its kept-alive socket.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postJson, responder, ResponseUrlError } from '../../src/adapters/slack/response-url.ts';

interface Received {
  method: string;
  headers: IncomingMessage['headers'];
  body: string;
  socket: unknown;
}

describe('response_url poster', () => {
  let server: Server;
  let base: string;
  let received: Received[];
  let handle: (req: IncomingMessage, res: ServerResponse) => void;

  beforeEach(async () => {
    received = [];
    handle = (_req, res) => res.end('ok');
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        received.push({ method: req.method ?? '', headers: req.headers, body, socket: req.socket });
        handle(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('POSTs the message as JSON and resolves on 2xx', async () => {
    const message = { response_type: 'ephemeral' as const, text: 'héllo <b>', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x' } }] };
    await responder(`${base}/respond/abc`)(message);
    expect(received).toHaveLength(1);
    expect(received[0]!.method).toBe('POST');
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(Number(received[0]!.headers['content-length'])).toBe(Buffer.byteLength(received[0]!.body));
    expect(JSON.parse(received[0]!.body)).toEqual(message);
  });

  it('rejects with the status when the response_url refuses (expired, rate limited)', async () => {
    handle = (_req, res) => {
      res.statusCode = 404;
      res.end('expired_url');
    };
    const err = await postJson(`${base}/respond/gone`, { text: 'x' }, 2000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseUrlError);
    expect((err as ResponseUrlError).status).toBe(404);
    expect((err as Error).message).not.toContain('/respond/gone'); // the URL is a credential
  });

  it('gives up when the response_url does not answer in time', async () => {
    handle = () => {}; // never answers
    await expect(postJson(`${base}/respond/slow`, { text: 'x' }, 100)).rejects.toThrow(/in time/);
  });

  it('refuses anything but http(s)', async () => {
    await expect(postJson('file:///etc/passwd', { text: 'x' }, 100)).rejects.toThrow(/http/);
    expect(received).toHaveLength(0);
  });

  it('reuses its kept-alive socket for the next answer', async () => {
    await postJson(`${base}/respond/1`, { text: 'a' }, 2000);
    await postJson(`${base}/respond/2`, { text: 'b' }, 2000);
    expect(received).toHaveLength(2);
    expect(received[1]!.socket).toBe(received[0]!.socket);
  });
});
