// A local fake of the parts of Slack the adapter talks to, on 127.0.0.1 only: the Web API
// (auth.test, chat.postMessage, chat.postEphemeral, users.info, apps.connections.open),
// response_url endpoints and a Socket Mode WebSocket. It records every request so tests assert
// exactly what the bot sent, and it refuses payloads Slack would refuse (block limits).
// It also plays Slack's other side: signed HTTP requests (slash commands, events, buttons).
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const BOT_TOKEN = 'xoxb-fake-bot-token-1234567890';
export const APP_TOKEN = 'xapp-1-fake-app-token-1234567890';
export const SIGNING_SECRET = 'fake-signing-secret-0123456789abcdef';
export const BOT_USER_ID = 'UBOT0001';
export const BOT_ID = 'BBOT0001';
export const TEAM_ID = 'T0FAKE01';

export interface ApiCall {
  method: string;
  /** Form fields, with JSON-encoded ones (blocks…) decoded. */
  args: Record<string, unknown>;
  /** The raw body as received (to check for link_names / parse). */
  raw: string;
  token?: string;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

export interface FakeUser {
  name: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

type ApiAnswer = Record<string, unknown>;

/** Slack's own limits, enforced like Slack does (it answers invalid_blocks / msg_too_long). */
export function slackRejects(payload: { text?: unknown; blocks?: unknown }): string | undefined {
  if (typeof payload.text === 'string' && payload.text.length > 40_000) return 'msg_too_long';
  if (payload.blocks === undefined) return typeof payload.text === 'string' && payload.text ? undefined : 'no_text';
  if (!Array.isArray(payload.blocks) || payload.blocks.length > 50) return 'invalid_blocks';
  for (const b of payload.blocks as Array<Record<string, any>>) {
    if (b.type === 'header' && (b.text?.type !== 'plain_text' || !b.text.text || b.text.text.length > 150)) return 'invalid_blocks';
    if (b.type === 'section' && (!b.text?.text?.trim() || b.text.text.length > 3000)) return 'invalid_blocks';
    if (b.type === 'context' && (!Array.isArray(b.elements) || b.elements.length > 10 || b.elements.some((e: any) => !e.text || e.text.length > 3000)))
      return 'invalid_blocks';
    if (b.type === 'actions' && b.elements?.some((e: any) => typeof e.value === 'string' && e.value.length > 2000)) return 'invalid_blocks';
    if (b.type === 'data_visualization' && dataVisualizationProblem(b)) return 'invalid_blocks';
  }
  if ((payload.blocks as Array<Record<string, any>>).filter((b) => b.type === 'data_visualization').length > 2) return 'invalid_blocks';
  return undefined;
}

/** The data visualization block's rules (docs.slack.dev/reference/block-kit/blocks/data-visualization-block), bar charts. */
export function dataVisualizationProblem(b: Record<string, any>): string | undefined {
  if (typeof b.title !== 'string' || !b.title || b.title.length > 50) return 'title';
  const c = b.chart;
  if (c?.type !== 'bar') return 'chart type';
  const categories: unknown = c.axis_config?.categories;
  if (!Array.isArray(categories) || categories.length === 0 || categories.some((x) => typeof x !== 'string' || x.length > 20)) return 'categories';
  for (const label of [c.axis_config.x_label, c.axis_config.y_label]) if (label !== undefined && (typeof label !== 'string' || label.length > 50)) return 'axis label';
  if (!Array.isArray(c.series) || c.series.length < 1 || c.series.length > 6) return 'series count';
  if (new Set(c.series.map((x: any) => x.name)).size !== c.series.length) return 'series names';
  for (const series of c.series) {
    if (typeof series.name !== 'string' || !series.name || series.name.length > 20) return 'series name';
    if (!Array.isArray(series.data) || series.data.length < 1 || series.data.length > 20) return 'data points';
    // One finite value per category, labelled as the category.
    const labels = series.data.map((d: any) => d.label);
    if (labels.length !== categories.length || labels.some((l: unknown, i: number) => l !== categories[i])) return 'labels';
    if (series.data.some((d: any) => typeof d.value !== 'number' || !Number.isFinite(d.value))) return 'values';
  }
  return undefined;
}

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly users = new Map<string, FakeUser>();
  /** Errors to answer for a method (e.g. chat.postMessage → not_in_channel), consumed in order. */
  readonly failures = new Map<string, string[]>();
  /** Socket Mode acks received, by envelope id. */
  private readonly acks = new Map<string, (msg: Record<string, unknown>) => void>();
  private readonly sockets = new Set<WebSocket>();
  private waiters: Array<() => void> = [];
  private seq = 0;
  /** Delay before answering chat.postMessage (ms, or drawn per call); the message is recorded at once. */
  postDelayMs: number | (() => number) = 0;
  /**
   * How chat.postMessage answers once the message is recorded (drawn per call): normally, with a
   * 502 from a proxy in front, or by dropping the connection — either way the message did land.
   */
  postOutcome: () => 'ok' | 'bad-gateway' | 'reset' = () => 'ok';
  /** Messages posted with chat.postMessage, per channel, oldest first (conversations.history reads them). */
  readonly history = new Map<string, { ts: string; text: unknown; thread_ts?: string; metadata?: unknown }[]>();
  private wss?: WebSocketServer;
  /** Until when (Date.now()) apps.connections.open answers HTTP 503, as during an outage. */
  private refuseOpenUntil = 0;
  /** Socket Mode connections opened so far (a reconnect adds one). */
  connectionsOpened = 0;
  /** 429s to answer per Web API method, consumed in order (rateLimit). */
  private readonly limits = new Map<string, { left: number; retryAfter: number; header: boolean }>();

  private constructor(
    private readonly server: Server,
    readonly botToken: string,
  ) {}

  static async start(opts: { botToken?: string } = {}): Promise<FakeSlack> {
    const server = createServer();
    const fake = new FakeSlack(server, opts.botToken ?? BOT_TOKEN);
    server.on('request', (req, res) => {
      readBody(req).then(
        (raw) => {
          const { status, body, type, headers } = fake.handle(req, raw);
          const outcome = req.url?.endsWith('/chat.postMessage') && status === 200 ? fake.postOutcome() : 'ok';
          const write = () => {
            if (outcome === 'reset') res.socket?.destroy();
            else if (outcome === 'bad-gateway') res.writeHead(502, { 'content-type': 'text/html' }).end('<html>502 Bad Gateway</html>');
            else res.writeHead(status, { 'content-type': type, ...headers }).end(body);
            fake.notify();
          };
          // A slow platform: the message is recorded at once, the answer comes later (a process may
          // die in between, with its post landed but not recorded).
          const delay = typeof fake.postDelayMs === 'function' ? fake.postDelayMs() : fake.postDelayMs;
          if (delay > 0 && req.url?.endsWith('/chat.postMessage')) setTimeout(write, delay);
          else write();
        },
        () => {
          res.writeHead(400).end();
        },
      );
    });
    fake.wss = new WebSocketServer({ server, path: '/link' });
    fake.wss.on('connection', (ws) => {
      fake.connectionsOpened++;
      fake.sockets.add(ws);
      ws.on('close', () => fake.sockets.delete(ws));
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as Record<string, unknown>;
        const id = typeof msg.envelope_id === 'string' ? msg.envelope_id : undefined;
        if (id) fake.acks.get(id)?.(msg);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake-slack' }, connection_info: { app_id: 'A0FAKE01' } }));
      fake.notify();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What SLACK_API_URL points to. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A fresh response_url, as Slack puts in each slash command and button payload. */
  responseUrl(): string {
    return `http://127.0.0.1:${this.port}/respond/${randomUUID()}`;
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(url: string): ResponseUrlPost[] {
    const id = url.slice(url.lastIndexOf('/') + 1);
    return this.responses.filter((r) => r.id === id);
  }

  /**
   * The next `count` calls of `method` answer HTTP 429 with `retry_after` (seconds) in the JSON body,
   * and in a Retry-After header only when `header` (Slack sends the header; a proxy may drop it).
   */
  rateLimit(method: string, count: number, opts: { retryAfter?: number; header?: boolean } = {}): void {
    this.limits.set(method, { left: count, retryAfter: opts.retryAfter ?? 1, header: opts.header ?? false });
  }

  fail(method: string, error: string): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  /** Resolves with `pick()` once it returns something (re-checked on every request received). */
  async waitFor<T>(pick: () => T | undefined | false, timeoutMs = 5000, what = 'a request'): Promise<T> {
    const found = pick();
    if (found) return found;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`fake Slack: timed out waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(', ') || 'none'}, responses: ${this.responses.length}`));
      }, timeoutMs);
      const check = () => {
        const value = pick();
        if (value) {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== check);
          resolve(value);
        }
      };
      this.waiters.push(check);
    });
  }

  /** Lets work already queued settle, then confirms nothing more arrived (for "not sent" checks). */
  async settle(ms = 300): Promise<void> {
    await new Promise((r) => setTimeout(r, ms));
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Socket Mode: sends an envelope to every connected client; resolves with the client's ack. */
  async sendEnvelope(type: 'events_api' | 'slash_commands' | 'interactive', payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    const ws = [...this.sockets][0];
    if (!ws) throw new Error('fake Slack: no Socket Mode client connected');
    const envelope_id = randomUUID();
    const acked = new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('fake Slack: no ack for envelope')), 5000);
      this.acks.set(envelope_id, (msg) => {
        clearTimeout(timer);
        this.acks.delete(envelope_id);
        resolve(msg);
      });
    });
    ws.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
    return acked;
  }

  get socketClients(): number {
    return this.sockets.size;
  }

  /** apps.connections.open answers 503 for the next `ms` milliseconds (Infinity: until told otherwise). */
  refuseConnectionsOpen(ms: number): void {
    this.refuseOpenUntil = Date.now() + ms;
  }

  /** Slack's routine refresh: a `disconnect` message on every socket, then the socket closes. */
  refreshSockets(): void {
    for (const ws of this.sockets) {
      ws.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake-slack' } }));
      setTimeout(() => ws.terminate(), 50).unref();
    }
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss?.close(() => resolve()) ?? resolve());
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, raw: string): { status: number; body: string; type: string; headers?: Record<string, string> } {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/apps.connections.open' && Date.now() < this.refuseOpenUntil) {
      this.calls.push({ method: 'apps.connections.open', args: {}, raw });
      return { status: 503, body: 'service unavailable', type: 'text/plain' };
    }
    if (url.pathname.startsWith('/respond/')) {
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      this.responses.push({ id: url.pathname.slice('/respond/'.length), body });
      const problem = body.delete_original ? undefined : slackRejects(body);
      return problem ? { status: 400, body: problem, type: 'text/plain' } : { status: 200, body: 'ok', type: 'text/plain' };
    }
    if (!url.pathname.startsWith('/api/')) return { status: 404, body: 'not found', type: 'text/plain' };
    const method = url.pathname.slice('/api/'.length);
    const auth = req.headers.authorization?.replace(/^Bearer /, '');
    const args = parseForm(raw, String(req.headers['content-type'] ?? ''));
    const token = auth ?? (typeof args.token === 'string' ? args.token : undefined);
    this.calls.push({ method, args, raw, ...(token ? { token } : {}) });
    const limit = this.limits.get(method);
    if (limit && limit.left > 0) {
      limit.left--;
      const body = JSON.stringify({ ok: false, error: 'ratelimited', retry_after: limit.retryAfter });
      return { status: 429, body, type: 'application/json', ...(limit.header ? { headers: { 'retry-after': String(limit.retryAfter) } } : {}) };
    }
    return { status: 200, body: JSON.stringify(this.answer(method, args, token)), type: 'application/json' };
  }

  private answer(method: string, args: Record<string, unknown>, token: string | undefined): ApiAnswer {
    const queued = this.failures.get(method);
    if (queued?.length) return { ok: false, error: queued.shift() };
    if (method === 'apps.connections.open') {
      if (token !== APP_TOKEN) return { ok: false, error: 'invalid_auth' };
      return { ok: true, url: `ws://127.0.0.1:${this.port}/link` };
    }
    if (token !== this.botToken) return { ok: false, error: 'invalid_auth' };
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'dealbot', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID, is_enterprise_install: false };
      case 'chat.postMessage':
      case 'chat.postEphemeral': {
        if (typeof args.channel !== 'string' || !args.channel) return { ok: false, error: 'channel_not_found' };
        const problem = slackRejects(args);
        if (problem) return { ok: false, error: problem };
        const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, '0')}`; // unique, in time order
        if (method === 'chat.postMessage') {
          const list = this.history.get(args.channel) ?? [];
          list.push({ ts, text: args.text, ...(typeof args.thread_ts === 'string' ? { thread_ts: args.thread_ts } : {}), ...(args.metadata ? { metadata: args.metadata } : {}) });
          this.history.set(args.channel, list);
        }
        return method === 'chat.postMessage'
          ? { ok: true, channel: args.channel, ts, message: { type: 'message', text: args.text, bot_id: BOT_ID, user: BOT_USER_ID, ts } }
          : { ok: true, message_ts: ts };
      }
      case 'conversations.history': {
        // Newest first, after `oldest`; metadata only when asked for (include_all_metadata), as Slack does.
        const oldest = Number(args.oldest ?? 0);
        const withMeta = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const messages = [...(this.history.get(String(args.channel ?? '')) ?? [])]
          .filter((m) => Number(m.ts) > oldest && !m.thread_ts)
          .reverse()
          .slice(0, Number(args.limit ?? 100))
          .map(({ metadata, ...m }) => ({ type: 'message', user: BOT_USER_ID, bot_id: BOT_ID, ...m, ...(withMeta && metadata ? { metadata } : {}) }));
        return { ok: true, messages, has_more: false };
      }
      case 'users.info': {
        const id = String(args.user ?? '');
        const user = this.users.get(id);
        if (!user) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id, team_id: TEAM_ID, deleted: false, is_bot: false, is_admin: false, is_owner: false, is_primary_owner: false, ...user } };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseForm(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = (k === 'blocks' || k === 'attachments' || k === 'metadata') && /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

// ---- Slack's side of the HTTP conversation: signed requests to the app ----

/** Slack's v0 request signature headers for a body. */
export function signatureHeaders(body: string, secret = SIGNING_SECRET, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

export interface SignedRequest {
  body: string;
  contentType: string;
}

/** POSTs a request to the app as Slack would; `headers` override the signature for negative tests. */
export async function postToApp(url: string, req: SignedRequest, headers: Record<string, string> = signatureHeaders(req.body)): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': req.contentType, ...headers }, body: req.body });
  return { status: res.status, text: await res.text() };
}

export function slashCommand(input: { text: string; responseUrl: string; user?: string; userName?: string; channel?: string; command?: string; triggerId?: string }): SignedRequest {
  const params = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: TEAM_ID,
    team_domain: 'fake',
    channel_id: input.channel ?? 'C0CHAN001',
    channel_name: 'general',
    user_id: input.user ?? 'U0ASKER01',
    user_name: input.userName ?? 'alice',
    command: input.command ?? '/deal',
    text: input.text,
    api_app_id: 'A0FAKE01',
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: input.triggerId ?? `${Date.now()}.${randomUUID().slice(0, 8)}.trigger`,
  });
  return { body: params.toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** An Events API envelope (what HTTP mode receives, and the payload of a Socket Mode envelope). */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: TEAM_ID,
    api_app_id: 'A0FAKE01',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export function eventRequest(envelope: Record<string, unknown>): SignedRequest {
  return { body: JSON.stringify(envelope), contentType: 'application/json' };
}

export function blockActionsPayload(input: { value: string; responseUrl: string; user?: string; userName?: string; channel?: string; actionId?: string }): Record<string, unknown> {
  const channel = input.channel ?? 'C0CHAN001';
  return {
    type: 'block_actions',
    user: { id: input.user ?? 'U0ASKER01', username: input.userName ?? 'alice', name: input.userName ?? 'alice', team_id: TEAM_ID },
    api_app_id: 'A0FAKE01',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: '1700000000.000001', channel_id: channel, is_ephemeral: true },
    trigger_id: `${Date.now()}.${randomUUID().slice(0, 8)}.trigger`,
    team: { id: TEAM_ID, domain: 'fake' },
    channel: { id: channel, name: 'general' },
    response_url: input.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: input.actionId ?? 'dealbot_share',
        block_id: 'share',
        text: { type: 'plain_text', text: 'Share in channel' },
        value: input.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

export function blockActionsRequest(payload: Record<string, unknown>): SignedRequest {
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' };
}
