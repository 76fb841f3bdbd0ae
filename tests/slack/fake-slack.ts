// A local fake of the parts of Slack the adapter talks to, on 127.0.0.1 only: the Web API
// (auth.test, chat.postMessage, chat.postEphemeral, users.info with include_locale, views.open,
// views.publish, oauth.v2.access, apps.connections.open), response_url endpoints and a Socket Mode
// WebSocket, for one workspace or several (each with its own bot token). It records every request
// so tests assert exactly what the bot sent (and with which token), and it refuses payloads Slack
// would refuse (block and view limits). It also plays Slack's other side: signed HTTP requests
// (slash commands, events, buttons, shortcuts, modal submissions).
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
  /** Returned only when users.info is called with include_locale, like Slack. */
  locale?: string;
}

/** A workspace the app is installed in: its team, its bot token and bot user. */
export interface FakeWorkspace {
  team: string;
  name: string;
  botToken: string;
  botUserId: string;
  botId: string;
}

export const CLIENT_ID = '1111111111.2222222222';
export const CLIENT_SECRET = 'fake-client-secret-0123456789';

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
    if (b.type === 'actions' && (!Array.isArray(b.elements) || b.elements.length > 25 || b.elements.some((e: any) => e.type === 'button' && (!e.text?.text || e.text.text.length > 75)))) return 'invalid_blocks';
    if (b.type === 'context_actions' && contextActionsProblem(b)) return 'invalid_blocks';
    if (b.type === 'section' && b.accessory?.type === 'button' && (!b.accessory.text?.text || b.accessory.text.text.length > 75 || (b.accessory.value ?? '').length > 2000)) return 'invalid_blocks';
    if (b.type === 'data_visualization' && dataVisualizationProblem(b)) return 'invalid_blocks';
  }
  if ((payload.blocks as Array<Record<string, any>>).filter((b) => b.type === 'data_visualization').length > 2) return 'invalid_blocks';
  return undefined;
}

/**
 * The context actions block (docs.slack.dev/reference/block-kit/blocks/context-actions-block): 1–5
 * feedback_buttons or icon_button elements; feedback buttons hold a positive and a negative button,
 * each with plain_text ≤ 75 characters and a value ≤ 2,000.
 */
export function contextActionsProblem(b: Record<string, any>): string | undefined {
  if (!Array.isArray(b.elements) || b.elements.length < 1 || b.elements.length > 5) return 'elements';
  for (const e of b.elements) {
    if (e.type !== 'feedback_buttons' && e.type !== 'icon_button') return 'element type';
    if (e.type !== 'feedback_buttons') continue;
    for (const button of [e.positive_button, e.negative_button]) {
      if (button?.text?.type !== 'plain_text' || !button.text.text || button.text.text.length > 75) return 'button text';
      if (typeof button.value !== 'string' || !button.value || button.value.length > 2000) return 'button value';
      if (button.accessibility_label !== undefined && button.accessibility_label.length > 75) return 'accessibility label';
    }
  }
  return undefined;
}

/** Slack's view rules we rely on: a modal's title/submit/close ≤ 24, ≤ 100 blocks, metadata ≤ 3,000; a Home tab ≤ 100 blocks. */
export function viewRejects(view: any): string | undefined {
  if (!view || (view.type !== 'modal' && view.type !== 'home')) return 'invalid_arguments';
  if (!Array.isArray(view.blocks) || view.blocks.length > 100) return 'invalid_arguments';
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3000) return 'invalid_arguments';
  if (view.type === 'modal') {
    for (const key of ['title', 'submit', 'close']) {
      const t = view[key];
      if (t === undefined && key !== 'title') continue;
      if (t?.type !== 'plain_text' || !t.text || t.text.length > 24) return 'invalid_arguments';
    }
    for (const b of view.blocks) {
      if (b.type !== 'input') continue;
      if (!b.label?.text || b.label.text.length > 2000 || b.element?.type !== 'plain_text_input' || !b.element.action_id) return 'invalid_arguments';
      if (b.element.placeholder && b.element.placeholder.text.length > 150) return 'invalid_arguments';
    }
  }
  return slackRejects({ text: 'view', blocks: view.blocks.filter((b: any) => b.type !== 'input') });
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
  /** Workspaces by bot token (the default one, and those added for OAuth tests). */
  readonly workspaces = new Map<string, FakeWorkspace>();
  /** OAuth codes Slack would hand the browser after "Allow", and the workspace each installs. */
  readonly codes = new Map<string, FakeWorkspace>();
  /** Views published on Home tabs, by user id (the latest). */
  readonly homes = new Map<string, any>();
  /** 429s to answer per Web API method, consumed in order (rateLimit). */
  private readonly limits = new Map<string, { left: number; retryAfter: number; header: boolean }>();

  private constructor(
    private readonly server: Server,
    readonly botToken: string,
  ) {
    this.workspaces.set(botToken, { team: TEAM_ID, name: 'Fake', botToken, botUserId: BOT_USER_ID, botId: BOT_ID });
  }

  /**
   * Another workspace the app can be installed in through OAuth: the code `code` (what Slack
   * appends to the redirect after "Allow") gets its installation from oauth.v2.access.
   */
  addWorkspace(team: string, code: string): FakeWorkspace {
    const n = this.workspaces.size + 1;
    const w: FakeWorkspace = { team, name: `Workspace ${team}`, botToken: `xoxb-${team.toLowerCase()}-fake-token-${randomUUID().slice(0, 8)}`, botUserId: `UBOT${team.slice(-4)}`, botId: `BBOT000${n}` };
    this.workspaces.set(w.botToken, w);
    this.codes.set(code, w);
    return w;
  }

  /** A bot token stops working (uninstalled, revoked): calls with it get invalid_auth. */
  revoke(token: string): void {
    this.workspaces.delete(token);
  }

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
    if (method === 'oauth.v2.access') return this.oauthAccess(args);
    const ws = token ? this.workspaces.get(token) : undefined;
    if (!ws) return { ok: false, error: 'invalid_auth' };
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: ws.name, user: 'dealbot', team_id: ws.team, user_id: ws.botUserId, bot_id: ws.botId, is_enterprise_install: false };
      case 'views.open': {
        if (typeof args.trigger_id !== 'string' || !args.trigger_id) return { ok: false, error: 'invalid_trigger_id' };
        const view = typeof args.view === 'string' ? JSON.parse(args.view) : args.view;
        const problem = viewRejects(view);
        return problem ? { ok: false, error: problem } : { ok: true, view: { id: `V${++this.seq}`, ...view } };
      }
      case 'views.publish': {
        const view = typeof args.view === 'string' ? JSON.parse(args.view) : args.view;
        if (typeof args.user_id !== 'string') return { ok: false, error: 'invalid_arguments' };
        const problem = viewRejects(view);
        if (problem) return { ok: false, error: problem };
        this.homes.set(args.user_id, view);
        return { ok: true, view: { id: `V${++this.seq}`, ...view } };
      }
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
        const found = this.users.get(id);
        if (!found) return { ok: false, error: 'user_not_found' };
        // Like Slack: the locale only when asked for (include_locale).
        const { locale, ...user } = found;
        const withLocale = args.include_locale === true || args.include_locale === 'true';
        return { ok: true, user: { id, team_id: ws.team, deleted: false, is_bot: false, is_admin: false, is_owner: false, is_primary_owner: false, ...user, ...(withLocale ? { locale: locale ?? 'en-US' } : {}) } };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /** oauth.v2.access: the code of a workspace's "Allow" for its installation, with the app's credentials. */
  private oauthAccess(args: Record<string, unknown>): ApiAnswer {
    if (args.client_id !== CLIENT_ID || args.client_secret !== CLIENT_SECRET) return { ok: false, error: 'invalid_client_id' };
    const w = this.codes.get(String(args.code ?? ''));
    if (!w) return { ok: false, error: 'invalid_code' };
    this.codes.delete(String(args.code)); // a code is good once
    return {
      ok: true,
      app_id: 'A0FAKE01',
      authed_user: { id: 'U0INSTALL1' },
      scope: 'app_mentions:read,chat:write,commands',
      token_type: 'bot',
      access_token: w.botToken,
      bot_user_id: w.botUserId,
      team: { id: w.team, name: w.name },
      enterprise: null,
      is_enterprise_install: false,
    };
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
    out[k] = (k === 'blocks' || k === 'attachments' || k === 'metadata' || k === 'view') && /^[[{]/.test(v) ? JSON.parse(v) : v;
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

export function slashCommand(input: { text: string; responseUrl: string; user?: string; userName?: string; channel?: string; command?: string; triggerId?: string; team?: string }): SignedRequest {
  const params = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: input.team ?? TEAM_ID,
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
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`, team = TEAM_ID, botUserId = BOT_USER_ID): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: team,
    api_app_id: 'A0FAKE01',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: team, user_id: botUserId, is_bot: true, is_enterprise_install: false }],
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

/** A press on Slack's native feedback buttons (a feedback_buttons element): the value of the half pressed. */
export function feedbackPayload(input: { value: string; responseUrl: string; user?: string; channel?: string; triggerId?: string }): Record<string, unknown> {
  const base = blockActionsPayload({ value: input.value, responseUrl: input.responseUrl, ...(input.user ? { user: input.user } : {}), ...(input.channel ? { channel: input.channel } : {}), actionId: 'dealbot_feedback' });
  return {
    ...base,
    trigger_id: input.triggerId ?? `${Date.now()}.${randomUUID().slice(0, 8)}.trigger`,
    actions: [{ type: 'feedback_buttons', action_id: 'dealbot_feedback', block_id: 'fb', text: { type: 'plain_text', text: input.value.startsWith('up') ? '👍' : '👎' }, value: input.value, action_ts: `${Date.now() / 1000}` }],
  };
}

/** A press on a button of a message, or (with `home`) of the App Home tab, which has no channel. */
export function buttonPayload(input: { actionId: string; value: string; responseUrl?: string; user?: string; channel?: string; home?: boolean; team?: string }): Record<string, unknown> {
  const user = input.user ?? 'U0ASKER01';
  const action = { type: 'button', action_id: input.actionId, block_id: 'b', text: { type: 'plain_text', text: 'x' }, value: input.value, action_ts: `${Date.now() / 1000}` };
  const common = {
    type: 'block_actions',
    user: { id: user, username: 'alice', name: 'alice', team_id: input.team ?? TEAM_ID },
    api_app_id: 'A0FAKE01',
    token: 'deprecated-verification-token',
    trigger_id: `${Date.now()}.${randomUUID().slice(0, 8)}.trigger`,
    team: { id: input.team ?? TEAM_ID, domain: 'fake' },
    actions: [action],
  };
  if (input.home) return { ...common, container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home', blocks: [] } };
  const channel = input.channel ?? 'C0CHAN001';
  return { ...common, container: { type: 'message', message_ts: '1700000000.000001', channel_id: channel, is_ephemeral: true }, channel: { id: channel, name: 'general' }, response_url: input.responseUrl };
}

/** A message shortcut ("Ask dealbot about this") on a message, as Slack sends it. */
export function messageShortcutPayload(input: { text: string; responseUrl: string; user?: string; channel?: string; callbackId?: string; team?: string }): Record<string, unknown> {
  const channel = input.channel ?? 'C0CHAN001';
  return {
    type: 'message_action',
    token: 'deprecated-verification-token',
    action_ts: `${Date.now() / 1000}`,
    team: { id: input.team ?? TEAM_ID, domain: 'fake' },
    user: { id: input.user ?? 'U0ASKER01', username: 'alice', name: 'alice', team_id: input.team ?? TEAM_ID },
    channel: { id: channel, name: 'general' },
    is_enterprise_install: false,
    callback_id: input.callbackId ?? 'dealbot_msg_ask',
    trigger_id: `${Date.now()}.${randomUUID().slice(0, 8)}.trigger`,
    response_url: input.responseUrl,
    message_ts: '1700000100.000200',
    message: { type: 'message', user: 'U0SOMEONE', text: input.text, ts: '1700000100.000200' },
  };
}

/** The submission of one of our modals, with each input's value under its block and action id. */
export function viewSubmissionPayload(input: { view: any; values: Record<string, string>; user?: string; team?: string }): Record<string, unknown> {
  const values = Object.fromEntries(Object.entries(input.values).map(([id, value]) => [id, { [id]: { type: 'plain_text_input', value } }]));
  return {
    type: 'view_submission',
    team: { id: input.team ?? TEAM_ID, domain: 'fake' },
    user: { id: input.user ?? 'U0ASKER01', username: 'alice', name: 'alice', team_id: input.team ?? TEAM_ID },
    api_app_id: 'A0FAKE01',
    token: 'deprecated-verification-token',
    trigger_id: `${Date.now()}.${randomUUID().slice(0, 8)}.trigger`,
    view: { id: 'VMODAL', team_id: input.team ?? TEAM_ID, type: 'modal', ...input.view, state: { values }, hash: 'h' },
  };
}

/** A POST to the app with an interactive payload (buttons, shortcuts, modal submissions), form-encoded as Slack sends it. */
export function interactiveRequest(payload: Record<string, unknown>): SignedRequest {
  return blockActionsRequest(payload);
}
