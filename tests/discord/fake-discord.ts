// A local Discord for tests and benchmarks: the REST API under /api/v10 and a gateway WebSocket
// on the same loopback port. It records every REST request, enforces what real Discord enforces
// where our code could get it wrong (one callback per interaction, 3 s to answer, bot auth,
// Discord's limits on message and autocomplete bodies: 50035 Invalid Form Body, and close() then
// fails), and lets a test dispatch gateway events (interactions, messages) to the connected client.
import { generateKeyPairSync, randomBytes, randomUUID, sign as signBytes, type KeyObject } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, e.g. /interactions/1/tok/callback */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: any;
  /** performance.now() when the request arrived. */
  at: number;
  /** The HTTP status the fake answered with (set once routed). */
  status?: number;
  /** Why the body was refused with 50035 Invalid Form Body, in Discord's `errors` shape. */
  errors?: FormErrors;
  /** Files of a multipart request (`files[n]`), with the JSON of `payload_json` as `body`. */
  files?: { field: string; name: string; type: string; data: Buffer }[];
}

export interface FakeDiscordOptions {
  /** The bot token the fake accepts (REST Authorization and gateway IDENTIFY). */
  token?: string;
  applicationId?: string;
  /** Interactions answered later than this are "Unknown interaction", like Discord's 3 s. */
  interactionWindowMs?: number;
  /** The heartbeat interval sent in HELLO (Discord: 41,250 ms). */
  heartbeatIntervalMs?: number;
  /**
   * Let close() succeed even though over-limit bodies were refused (tests of the fake itself).
   * Otherwise close() throws after cleaning up, so a test whose bot sent one fails.
   */
  allowInvalidBodies?: boolean;
}

/** A heartbeat (op 1) the fake received: `d` is the last sequence number the client saw. */
export interface ReceivedHeartbeat {
  d: number | null;
  /** The sequence number the fake had last sent on that socket. */
  seq: number;
  at: number;
}

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

interface InteractionState {
  id: string;
  token: string;
  dispatchedAt: number;
  acknowledged: boolean;
  original?: any;
  channelId: string;
  /** Over HTTP: the endpoint's answer (status and JSON body), once it came. */
  http?: Promise<{ status: number; body: any }>;
  /** The modal the bot answered with (callback type 9). */
  modal?: any;
  /** Over HTTP: the exact request sent (to replay it). */
  sent?: { body: string; headers: Record<string, string> };
}

// Permission bits as Discord sends them (decimal strings).
export const PERM = {
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  UseApplicationCommands: 1n << 31n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  Administrator: 1n << 3n,
} as const;
const MEMBER_PERMS = PERM.ViewChannel | PERM.SendMessages | PERM.EmbedLinks | PERM.ReadMessageHistory | PERM.UseApplicationCommands;

let snowflakeCounter = 0n;
/** Snowflakes with a real timestamp part, so discord.js dates make sense. */
export function snowflake(): string {
  const ms = BigInt(Date.now()) - 1420070400000n;
  snowflakeCounter = (snowflakeCounter + 1n) % 4096n;
  return String((ms << 22n) | snowflakeCounter);
}

/** How long Discord remembers a nonce for enforce_nonce ("the past few minutes"). */
const NONCE_WINDOW_MS = 2 * 60_000;

export class FakeDiscord extends EventEmitter {
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: FakeUser;
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly adminRoleId = snowflake();
  /** The role Discord creates for the bot when it joins (managed, tagged with the bot's id). */
  readonly botRoleId = snowflake();
  readonly owner: FakeUser = user('owner');
  /** A member with no moderation rights. */
  readonly alice: FakeUser = user('alice');
  /** A member whose role has Manage Server. */
  readonly moderator: FakeUser = user('mod');
  readonly otherBot: FakeUser = { ...user('otherbot'), bot: true };
  readonly requests: RecordedRequest[] = [];
  readonly identifies: any[] = [];
  readonly heartbeats: ReceivedHeartbeat[] = [];
  /** Requests refused with 50035 Invalid Form Body (over Discord's limits), kept across forget(). */
  readonly invalidBodies: RecordedRequest[] = [];
  /** Registered commands by scope: "global" or a guild id. */
  readonly commands = new Map<string, any[]>();
  /** Messages created through REST or interactions, by id. */
  readonly messages = new Map<string, any>();
  /** Message id → the nonce it was created with (kept aside: a fetched message does not show it). */
  private readonly nonces = new Map<string, string>();
  readonly interactions = new Map<string, InteractionState>();
  private readonly dmChannels = new Map<string, string>(); // user id → DM channel id
  /** Waiters for one exact "METHOD /path" (callbacks): found without scanning every waiter. */
  private readonly pathWaiters = new Map<string, ((r: RecordedRequest) => void)[]>();
  private readonly sockets = new Set<GatewaySocket>();
  private readonly window: number;
  private readonly heartbeatInterval: number;
  private readonly allowInvalid: boolean;
  private server!: Server;
  private wss!: WebSocketServer;
  port = 0;
  /** Until when (Date.now()) the gateway drops every new connection at once. */
  private refuseGatewayUntil = 0;
  /** Gateway connections accepted so far (a reconnect adds one). */
  gatewayConnections = 0;
  /** Users whose DMs are closed to the bot (opening one answers 50007). */
  readonly closedDms = new Set<string>();
  /** Text channels of the guild besides `channelId` (addChannel). */
  private readonly extraChannels = new Set<string>();
  /**
   * A slow platform: a channel message POST is taken (and the message created) at once, and the
   * answer comes this many ms later — a client that gives up meanwhile does not know it landed.
   */
  channelPostDelayMs: number | (() => number) = 0;
  /** How a channel message POST answers once the message exists (drawn per call): normally, with a proxy's 502, or by dropping the connection. */
  channelPostOutcome: () => 'ok' | 'bad-gateway' | 'reset' = () => 'ok';
  /** 429s to answer, consumed in order, for requests whose "METHOD /path" matches. */
  private readonly limits: { match: RegExp; left: number; retryAfter: number; header: boolean }[] = [];

  constructor(opts: FakeDiscordOptions = {}) {
    super();
    this.setMaxListeners(0);
    this.token = opts.token ?? `MTAxNDk3.fake.${randomBytes(16).toString('base64url')}`;
    this.applicationId = opts.applicationId ?? snowflake();
    this.botUser = { id: this.applicationId, username: 'dealbot', global_name: null, discriminator: '0', avatar: null, bot: true };
    this.window = opts.interactionWindowMs ?? 3000;
    this.heartbeatInterval = opts.heartbeatIntervalMs ?? 41_250;
    this.allowInvalid = opts.allowInvalidBodies ?? false;
  }

  static async start(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(opts);
    await fake.listen();
    return fake;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Env variables pointing the bot at this fake. */
  env(): NodeJS.ProcessEnv {
    return { DISCORD_TOKEN: this.token, DISCORD_APPLICATION_ID: this.applicationId, DISCORD_API_URL: this.apiUrl };
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => this.onHttp(req, res));
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (ws) => this.onSocket(ws));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.ws.terminate();
    this.sockets.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.invalidBodies.length && !this.allowInvalid) {
      const list = this.invalidBodies.map((r) => `${r.method} ${r.path}: ${JSON.stringify(r.errors)}`);
      throw new Error(`fake Discord refused ${list.length} over-limit request(s) (50035 Invalid Form Body):\n${list.join('\n')}`);
    }
  }

  // ---------------------------------------------------------------- REST

  // Lean on purpose: the benchmark times callbacks by when this records them, so every bit of
  // work here before `at` is taken would count against the bot.
  private onHttp(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      const at = performance.now();
      // Uploads (a message with files) come as multipart/form-data: payload_json plus files[n].
      if (String(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
        void readMultipart(Buffer.concat(chunks), String(req.headers['content-type'])).then(
          ({ json, files }) => this.handleHttp(req, res, at, json, files),
          () => res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Cannot parse multipart body', code: 50035 })),
        );
        return;
      }
      const raw = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
      let body: any = undefined;
      if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw;
        }
      }
      this.handleHttp(req, res, at, body);
    });
  }

  private handleHttp(req: IncomingMessage, res: ServerResponse, at: number, body: any, files?: RecordedRequest['files']): void {
    {
      const target = req.url ?? '/';
      const q = target.indexOf('?');
      const path = decodeURIComponent(q < 0 ? target : target.slice(0, q)).replace(/^\/api\/v10/, '');
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path,
        query: new URLSearchParams(q < 0 ? '' : target.slice(q + 1)),
        headers: req.headers,
        body,
        at,
        ...(files ? { files } : {}),
      };
      this.requests.push(record);
      const [status, payload] = this.limited(record) ?? this.route(record);
      record.status = status;
      if (status === 400 && (payload as { code?: number }).code === 50035) {
        record.errors = (payload as { errors: FormErrors }).errors;
        this.invalidBodies.push(record);
      }
      const isPost = record.method === 'POST' && /^\/channels\/\d+\/messages$/.test(record.path);
      const outcome = isPost && status === 200 ? this.channelPostOutcome() : 'ok';
      const write = () => {
        if (outcome === 'reset') res.socket?.destroy();
        else if (outcome === 'bad-gateway') res.writeHead(502, { 'content-type': 'text/html' }).end('<html>502 Bad Gateway</html>');
        else if (status === 204) res.writeHead(204).end();
        else if (status === 429 && (payload as { header?: boolean }).header) {
          const { header: _h, ...body } = payload as { header?: boolean; retry_after: number };
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(Math.ceil(body.retry_after)) }).end(JSON.stringify(body));
        } else if (status === 429) {
          const { header: _h, ...body } = payload as { header?: boolean };
          res.writeHead(429, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        } else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      };
      const delay = typeof this.channelPostDelayMs === 'function' ? this.channelPostDelayMs() : this.channelPostDelayMs;
      if (delay > 0 && isPost) setTimeout(write, delay);
      else write();
      const key = `${record.method} ${record.path}`;
      const waiting = this.pathWaiters.get(key);
      if (waiting) {
        this.pathWaiters.delete(key);
        for (const resolve of waiting) resolve(record);
      }
      this.emit('request', record);
    }
  }

  /**
   * The next `count` requests matching `match` ("METHOD /path", e.g. /^POST \/interactions\//) get
   * 429 with `retry_after` (seconds) in the JSON body, and in a Retry-After header only when `header`.
   */
  rateLimit(match: RegExp, count: number, opts: { retryAfter?: number; header?: boolean } = {}): void {
    this.limits.push({ match, left: count, retryAfter: opts.retryAfter ?? 0.5, header: opts.header ?? false });
  }

  private limited(r: RecordedRequest): [number, unknown] | undefined {
    const hit = this.limits.find((l) => l.left > 0 && l.match.test(`${r.method} ${r.path}`));
    if (!hit) return undefined;
    hit.left--;
    return [429, { message: 'You are being rate limited.', retry_after: hit.retryAfter, global: false, header: hit.header }];
  }

  /** A new text channel of the guild (summary posts to many channels). */
  addChannel(): string {
    const id = snowflake();
    this.extraChannels.add(id);
    return id;
  }

  private authorized(r: RecordedRequest): boolean {
    return r.headers.authorization === `Bot ${this.token}`;
  }

  private route(r: RecordedRequest): [number, unknown] {
    const m = (re: RegExp) => re.exec(r.path);
    let hit: RegExpExecArray | null;
    const { method } = r;

    // Interaction callbacks and webhooks are authenticated by their token, not the bot's.
    if (method === 'POST' && (hit = m(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      return this.callback(hit[1]!, hit[2]!, r);
    }
    if ((hit = m(/^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/))) {
      return this.webhook(hit[2]!, hit[3], r);
    }

    if (!this.authorized(r)) return [401, { message: '401: Unauthorized', code: 0 }];

    if (method === 'GET' && r.path === '/gateway/bot') {
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    if (method === 'GET' && r.path === '/users/@me') return [200, this.botUser];
    if (method === 'GET' && r.path === '/applications/@me') {
      return [200, { id: this.applicationId, name: 'dealbot', description: '', bot_public: true, flags: 0, icon: null }];
    }
    if ((hit = m(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      if (hit[1] !== this.applicationId) return [403, { message: 'Missing Access', code: 50001 }];
      const scope = hit[2] ?? 'global';
      if (hit[2] && hit[2] !== this.guildId) return [403, { message: 'Missing Access', code: 50001 }];
      if (method === 'GET') {
        const saved = this.commands.get(scope) ?? [];
        // Like Discord: the full localization dictionaries only when asked for.
        return [200, r.query.get('with_localizations') === 'true' ? saved : saved.map(withoutLocalizations)];
      }
      if (method === 'PUT') return [200, this.putCommands(scope, r.body)];
    }
    if (method === 'POST' && r.path === '/users/@me/channels') {
      // Opening a DM with a user (what User#send does first).
      const recipient = String(r.body?.recipient_id ?? '');
      if (this.closedDms.has(recipient)) return [403, { message: 'Cannot send messages to this user', code: 50007 }];
      return [200, this.channelObject(this.dmChannelOf(this.userById(recipient)))];
    }
    if ((hit = m(/^\/channels\/(\d+)\/messages$/)) && method === 'POST') {
      const channelId = hit[1]!;
      if (!this.knownChannel(channelId)) return [404, { message: 'Unknown Channel', code: 10003 }];
      const invalid = messageErrors(r.body) ?? attachmentErrors(r.body, r.files ?? []);
      if (invalid) return [400, invalidFormBody(invalid)];
      // enforce_nonce: the same author's message with this nonce in the last few minutes comes back instead of a new one.
      const nonce = r.body?.nonce;
      if (nonce !== undefined && r.body?.enforce_nonce) {
        const earlier = [...this.messages.values()].find((x) => x.channel_id === channelId && this.nonces.get(x.id) === String(nonce) && Date.now() - Date.parse(x.timestamp) < NONCE_WINDOW_MS);
        if (earlier) return [200, { ...earlier, nonce }];
      }
      const created = this.createMessage(channelId, this.botUser, r.body);
      if (nonce !== undefined) this.nonces.set(created.id, String(nonce));
      return [200, nonce !== undefined ? { ...created, nonce } : created];
    }
    if ((hit = m(/^\/channels\/(\d+)\/messages$/)) && method === 'GET') {
      // Newest first, after a snowflake; like Discord, a nonce is not part of a fetched message.
      const channelId = hit[1]!;
      if (!this.knownChannel(channelId)) return [404, { message: 'Unknown Channel', code: 10003 }];
      const after = BigInt(r.query.get('after') ?? '0');
      const limit = Math.min(100, Number(r.query.get('limit') ?? 50));
      const list = [...this.messages.values()].filter((x) => x.channel_id === channelId && BigInt(x.id) > after);
      return [200, list.sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1)).slice(0, limit)];
    }
    if ((hit = m(/^\/channels\/(\d+)$/)) && method === 'GET') {
      const channel = this.channelObject(hit[1]!);
      return channel ? [200, channel] : [404, { message: 'Unknown Channel', code: 10003 }];
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }

  private callback(id: string, token: string, r: RecordedRequest): [number, unknown] {
    const state = this.interactions.get(id);
    if (!state || state.token !== token || r.at - state.dispatchedAt > this.window) {
      return [404, { message: 'Unknown interaction', code: 10062 }];
    }
    if (state.acknowledged) return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
    const { type, data } = r.body ?? {};
    // A refused body leaves the interaction unacknowledged, as on Discord.
    const invalid = callbackErrors(type, data);
    if (invalid) return [400, invalidFormBody(invalid)];
    this.acknowledge(state, type, data);
    if (r.query.get('with_response') === 'true') {
      return [200, { interaction: { id, type: 2 }, resource: { type, ...(state.original ? { message: state.original } : {}) } }];
    }
    return [204, undefined];
  }

  /** What a first response (callback POST or HTTP answer) does to the interaction and its message. */
  private acknowledge(state: InteractionState, type: number, data: any): void {
    state.acknowledged = true;
    if (type === 4) state.original = this.createMessage(state.channelId, this.botUser, data, { webhook: true });
    if (type === 5) state.original = this.createMessage(state.channelId, this.botUser, { flags: (data?.flags ?? 0) | 128 }, { webhook: true });
    if (type === 7 && state.original) Object.assign(state.original, data);
    if (type === 9) state.modal = data;
  }

  // ---------------------------------------------------------------- the Interactions Endpoint

  /** The application's Ed25519 key pair: the bot checks signatures with `publicKeyHex` (DISCORD_PUBLIC_KEY). */
  private readonly signingKey: { publicKey: KeyObject; privateKey: KeyObject } = generateKeyPairSync('ed25519');
  get publicKeyHex(): string {
    return Buffer.from(this.signingKey.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  }
  /** Set: interactions go to this URL as signed HTTP POSTs (the Interactions Endpoint URL) instead of the gateway. */
  interactionsUrl: string | undefined;

  /** Discord's signature headers for a body (Ed25519 over timestamp + body). */
  signInteraction(body: string, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
    return { 'x-signature-ed25519': signBytes(null, Buffer.from(timestamp + body), this.signingKey.privateKey).toString('hex'), 'x-signature-timestamp': timestamp };
  }

  private deliverInteraction(state: InteractionState, payload: any): void {
    if (!this.interactionsUrl) {
      this.dispatch('INTERACTION_CREATE', payload);
      return;
    }
    const url = this.interactionsUrl;
    const body = JSON.stringify(payload);
    const headers = { 'content-type': 'application/json', ...this.signInteraction(body) };
    state.sent = { body, headers };
    state.http = fetch(url, { method: 'POST', headers, body }).then(async (res) => {
      const text = await res.text();
      const json = text ? JSON.parse(text) : undefined;
      if (res.status === 200 && json && !state.acknowledged) {
        // Discord checks the answer like a callback body, within the same 3 s.
        const invalid = callbackErrors(json.type, json.data);
        if (!invalid && performance.now() - state.dispatchedAt <= this.window) this.acknowledge(state, json.type, json.data);
      }
      return { status: res.status, body: json };
    });
  }

  private webhook(token: string, messageId: string | undefined, r: RecordedRequest): [number, unknown] {
    const state = [...this.interactions.values()].find((s) => s.token === token);
    if (!state || !state.acknowledged) return [404, { message: 'Unknown Webhook', code: 10015 }];
    if (r.method === 'POST' || r.method === 'PATCH') {
      const invalid = messageErrors(r.body);
      if (invalid) return [400, invalidFormBody(invalid)];
    }
    if (!messageId && r.method === 'POST') {
      return [200, this.createMessage(state.channelId, this.botUser, r.body, { webhook: true })];
    }
    const message = messageId === '@original' ? state.original : this.messages.get(messageId ?? '');
    if (!message) return [404, { message: 'Unknown Message', code: 10008 }];
    if (r.method === 'PATCH') Object.assign(message, r.body, { flags: (message.flags ?? 0) & ~128 });
    if (r.method === 'DELETE') return [204, undefined];
    return [200, message];
  }

  private putCommands(scope: string, body: any[]): any[] {
    const before = this.commands.get(scope) ?? [];
    const saved = body.map((c) => {
      const old = before.find((o) => o.name === c.name);
      // What Discord adds to what it was given.
      return {
        id: old?.id ?? snowflake(),
        application_id: this.applicationId,
        version: snowflake(),
        default_member_permissions: null,
        type: 1,
        nsfw: false,
        ...(scope === 'global' ? {} : { guild_id: scope }),
        ...c,
        options: (c.options ?? []).map((o: any) => ({ ...o })),
      };
    });
    this.commands.set(scope, saved);
    return saved;
  }

  /** The fields every message object carries, for a message the bot sent in `channelId`. */
  private messageShape(channelId: string): any {
    return {
      id: snowflake(),
      type: 0,
      channel_id: channelId,
      author: this.botUser,
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
    };
  }

  createMessage(channelId: string, author: FakeUser, data: any = {}, opts: { webhook?: boolean } = {}): any {
    const message = {
      id: snowflake(),
      type: data?.message_reference ? 19 : 0,
      channel_id: channelId,
      author,
      content: data?.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: data?.embeds ?? [],
      components: data?.components ?? [],
      pinned: false,
      flags: data?.flags ?? 0,
      ...(opts.webhook ? { webhook_id: this.applicationId, application_id: this.applicationId } : {}),
      ...(data?.message_reference ? { message_reference: data.message_reference } : {}),
      ...(channelId === this.channelId || this.threads.has(channelId) || this.extraChannels.has(channelId) ? { guild_id: this.guildId } : {}),
    };
    this.messages.set(message.id, message);
    return message;
  }

  private knownChannel(id: string): boolean {
    return id === this.channelId || this.threads.has(id) || this.extraChannels.has(id) || [...this.dmChannels.values()].includes(id);
  }

  private channelObject(id: string): any {
    if (id === this.channelId) return this.textChannel();
    if (this.threads.has(id)) return this.threadObject(id);
    if (this.extraChannels.has(id)) return { ...this.textChannel(), id, name: `channel-${id.slice(-4)}` };
    const userId = [...this.dmChannels.entries()].find(([, c]) => c === id)?.[0];
    if (!userId) return undefined;
    return { id, type: 1, last_message_id: null, recipients: [this.userById(userId)], flags: 0 };
  }

  private textChannel(): any {
    return {
      id: this.channelId,
      type: 0,
      guild_id: this.guildId,
      name: 'general',
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
    };
  }

  private userById(id: string): FakeUser {
    return [this.owner, this.alice, this.moderator, this.otherBot, this.botUser].find((u) => u.id === id) ?? user('someone', id);
  }

  dmChannelOf(u: FakeUser): string {
    let id = this.dmChannels.get(u.id);
    if (!id) {
      id = snowflake();
      this.dmChannels.set(u.id, id);
    }
    return id;
  }

  // ---------------------------------------------------------------- gateway

  /**
   * Drops every gateway connection without a close frame (the client sees 1006, abnormal
   * closure) and, for `refuseMs`, drops new ones at once too. Resuming is always refused.
   */
  dropGateway(refuseMs = 0): void {
    this.refuseGatewayUntil = Date.now() + refuseMs;
    for (const s of this.sockets) s.ws.terminate();
    this.sockets.clear();
  }

  private onSocket(ws: WebSocket): void {
    if (Date.now() < this.refuseGatewayUntil) {
      ws.terminate();
      return;
    }
    this.gatewayConnections++;
    const socket: GatewaySocket = { ws, seq: 0, identified: false };
    this.sockets.add(socket);
    ws.on('close', () => this.sockets.delete(socket));
    ws.on('error', () => this.sockets.delete(socket));
    ws.on('message', (data) => {
      let packet: any;
      try {
        packet = JSON.parse(String(data));
      } catch {
        ws.close(4002, 'Decode error');
        return;
      }
      if (packet.op === 1) {
        const beat: ReceivedHeartbeat = { d: packet.d ?? null, seq: socket.seq, at: performance.now() };
        this.heartbeats.push(beat);
        this.send(socket, { op: 11, d: null });
        this.emit('heartbeat', beat);
      }
      else if (packet.op === 2) this.onIdentify(socket, packet.d);
      else if (packet.op === 6) this.send(socket, { op: 9, d: false }); // no resume: identify again
    });
    this.send(socket, { op: 10, d: { heartbeat_interval: this.heartbeatInterval } });
  }

  private onIdentify(socket: GatewaySocket, d: any): void {
    this.identifies.push(d);
    if (d?.token !== this.token) {
      socket.ws.close(4004, 'Authentication failed.');
      return;
    }
    socket.identified = true;
    this.dispatchTo(socket, 'READY', {
      v: 10,
      user: this.botUser,
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: randomBytes(8).toString('hex'),
      resume_gateway_url: this.gatewayUrl,
      shard: Array.isArray(d?.shard) ? d.shard : [0, 1],
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      user_settings: {},
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
    });
    this.dispatchTo(socket, 'GUILD_CREATE', this.guildPayload());
    this.emit('identified', d);
  }

  private guildPayload(): any {
    const now = new Date().toISOString();
    return {
      id: this.guildId,
      name: 'Fake Guild',
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: this.owner.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_progress_bar_enabled: false,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      vanity_url_code: null,
      preferred_locale: 'en-US',
      features: [],
      emojis: [],
      stickers: [],
      roles: [
        role(this.guildId, '@everyone', MEMBER_PERMS, 0),
        role(this.adminRoleId, 'Moderators', MEMBER_PERMS | PERM.ManageGuild, 1),
        { ...role(this.botRoleId, 'dealbot', MEMBER_PERMS, 2), managed: true, tags: { bot_id: this.botUser.id } },
      ],
      joined_at: now,
      large: false,
      unavailable: false,
      member_count: 5,
      voice_states: [],
      members: [this.memberPayload(this.botUser)],
      channels: [this.textChannel()],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /** Roles and permissions of a guild member, as Discord computes them for an interaction. */
  private memberPayload(u: FakeUser, withPermissions = false): any {
    const roles = u.id === this.moderator.id ? [this.adminRoleId] : u.id === this.botUser.id ? [this.botRoleId] : [];
    let permissions = MEMBER_PERMS;
    if (u.id === this.moderator.id) permissions |= PERM.ManageGuild;
    if (u.id === this.owner.id) permissions = (1n << 50n) - 1n; // owners hold every permission
    return {
      user: u,
      nick: null,
      avatar: null,
      banner: null,
      roles,
      joined_at: new Date().toISOString(),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
      ...(withPermissions ? { permissions: String(permissions) } : {}),
    };
  }

  private send(socket: { ws: WebSocket }, packet: unknown): void {
    if (socket.ws.readyState === socket.ws.OPEN) socket.ws.send(JSON.stringify(packet));
  }

  private dispatchTo(socket: { ws: WebSocket; seq: number }, t: string, d: unknown): void {
    socket.seq += 1;
    this.send(socket, { op: 0, t, s: socket.seq, d });
  }

  /** Sends a gateway event to every identified client. */
  dispatch(t: string, d: unknown): void {
    for (const s of this.sockets) if (s.identified) this.dispatchTo(s, t, d);
  }

  /** Gateway connections identified right now (one per shard of each connected client). */
  get identifiedSockets(): number {
    return [...this.sockets].filter((s) => s.identified).length;
  }

  /** Resolves once a client has identified (and received READY and GUILD_CREATE). */
  async identified(timeoutMs = 5000): Promise<void> {
    if ([...this.sockets].some((s) => s.identified)) return;
    await this.waitForEvent('identified', timeoutMs);
  }

  // ---------------------------------------------------------------- events a test dispatches

  private newInteraction(channelId: string): InteractionState {
    const state: InteractionState = {
      id: snowflake(),
      // randomUUID draws from a pooled buffer: no system call per interaction in a burst of fifty.
      token: `aW50ZXJhY3Rpb24.${randomUUID()}`,
      dispatchedAt: performance.now(),
      acknowledged: false,
      channelId,
    };
    this.interactions.set(state.id, state);
    return state;
  }

  /** The clock of an interaction starts once its frame is written to the socket. */
  private sent(state: InteractionState): InteractionState {
    state.dispatchedAt = performance.now();
    return state;
  }

  private interactionBase(state: InteractionState, opts: { user?: FakeUser; dm?: boolean; locale?: string; guildLocale?: string }): any {
    const u = opts.user ?? this.alice;
    const common = {
      id: state.id,
      application_id: this.applicationId,
      token: state.token,
      version: 1,
      locale: opts.locale ?? 'en-US',
      entitlements: [],
      attachment_size_limit: 8 * 1024 * 1024,
      app_permissions: String(MEMBER_PERMS),
    };
    if (opts.dm) {
      return {
        ...common,
        channel_id: state.channelId,
        channel: { id: state.channelId, type: 1, recipients: [u], flags: 0, last_message_id: null },
        user: u,
        context: 1,
        authorizing_integration_owners: { '0': this.guildId },
      };
    }
    return {
      ...common,
      guild_id: this.guildId,
      guild: { id: this.guildId, locale: opts.guildLocale ?? 'en-US', features: [] },
      guild_locale: opts.guildLocale ?? 'en-US',
      channel_id: state.channelId,
      channel: { ...this.textChannel(), permissions: String(MEMBER_PERMS) },
      member: this.memberPayload(u, true),
      context: 0,
      authorizing_integration_owners: { '0': this.guildId },
    };
  }

  /** Dispatches `/deal` (chat input) and returns the interaction's id and token. */
  slash(opts: { query?: string; public?: boolean; user?: FakeUser; dm?: boolean; locale?: string; guildLocale?: string } = {}): InteractionState {
    const channelId = opts.dm ? this.dmChannelOf(opts.user ?? this.alice) : this.channelId;
    const state = this.newInteraction(channelId);
    const options: any[] = [];
    if (opts.query !== undefined) options.push({ name: 'query', type: 3, value: opts.query });
    if (opts.public !== undefined) options.push({ name: 'public', type: 5, value: opts.public });
    this.deliverInteraction(state, {
      ...this.interactionBase(state, opts),
      type: 2,
      data: { id: this.commandId('deal'), name: 'deal', type: 1, options, ...(opts.dm ? {} : { guild_id: this.guildId }) },
    });
    return this.sent(state);
  }

  /** Dispatches an autocomplete interaction for /deal's query option. */
  autocomplete(value: string, opts: { user?: FakeUser; option?: string; locale?: string } = {}): InteractionState {
    const state = this.newInteraction(this.channelId);
    this.deliverInteraction(state, {
      ...this.interactionBase(state, opts),
      type: 4,
      data: {
        id: this.commandId('deal'),
        name: 'deal',
        type: 1,
        guild_id: this.guildId,
        options: [{ name: opts.option ?? 'query', type: 3, value, focused: true }],
      },
    });
    return this.sent(state);
  }

  /** Dispatches a button press on a message the bot sent (e.g. the ephemeral answer). */
  button(customId: string, message: any, opts: { user?: FakeUser; locale?: string } = {}): InteractionState {
    const state = this.newInteraction(message.channel_id ?? this.channelId);
    state.original = message;
    this.deliverInteraction(state, {
      ...this.interactionBase(state, opts),
      type: 3,
      // Discord sends the whole message object: what a test leaves out gets the values of one the bot sent.
      message: { ...this.messageShape(message.channel_id ?? this.channelId), ...message },
      data: { custom_id: customId, component_type: 2 },
    });
    return this.sent(state);
  }

  /**
   * Dispatches a message command ("Ask dealbot about this") on `target`: an APPLICATION_COMMAND of
   * type 3 with the message in data.resolved, as Discord sends it (its content included, without
   * the Message Content intent).
   */
  messageCommand(name: string, target: any, opts: { user?: FakeUser; locale?: string } = {}): InteractionState {
    const state = this.newInteraction(target.channel_id ?? this.channelId);
    this.deliverInteraction(state, {
      ...this.interactionBase(state, opts),
      type: 2,
      data: { id: this.commandId(name), name, type: 3, target_id: target.id, guild_id: this.guildId, resolved: { messages: { [target.id]: target } } },
    });
    return this.sent(state);
  }

  /** Dispatches a modal submission (type 5): each text input's value by its custom_id. */
  modalSubmit(customId: string, values: Record<string, string>, opts: { user?: FakeUser; locale?: string; message?: any } = {}): InteractionState {
    const state = this.newInteraction(opts.message?.channel_id ?? this.channelId);
    this.deliverInteraction(state, {
      ...this.interactionBase(state, opts),
      type: 5,
      ...(opts.message ? { message: opts.message } : {}),
      data: { custom_id: customId, components: Object.entries(values).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] })) },
    });
    return this.sent(state);
  }

  /** Threads created so far (channel id → parent channel id). */
  readonly threads = new Map<string, string>();

  /** Creates a public thread in the guild channel (THREAD_CREATE), as when someone starts one. */
  thread(name = 'a thread'): string {
    const id = snowflake();
    this.threads.set(id, this.channelId);
    this.dispatch('THREAD_CREATE', this.threadObject(id, name));
    return id;
  }

  private threadObject(id: string, name = 'a thread'): any {
    return {
      id,
      type: 11,
      guild_id: this.guildId,
      parent_id: this.threads.get(id),
      owner_id: this.alice.id,
      name,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
      member_count: 1,
      message_count: 0,
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
      newly_created: true,
    };
  }

  /**
   * Dispatches MESSAGE_CREATE: in the guild channel (or `channel`, a thread), or as a DM when `dm`
   * is set; `replyTo` makes it a reply (type 19) carrying the referenced message, as Discord does.
   */
  message(content: string, opts: { author?: FakeUser; dm?: boolean; mentionBot?: boolean; type?: number; id?: string; replyTo?: any; channel?: string } = {}): any {
    const author = opts.author ?? this.alice;
    const channelId = opts.dm ? this.dmChannelOf(author) : (opts.channel ?? this.channelId);
    const mentions = (opts.mentionBot ?? content.includes(`<@${this.botUser.id}>`)) ? [this.botUser] : [];
    const reply = opts.replyTo ? { message_reference: { type: 0, message_id: opts.replyTo.id, channel_id: channelId, ...(opts.dm ? {} : { guild_id: this.guildId }) }, referenced_message: opts.replyTo } : {};
    const message = {
      id: opts.id ?? snowflake(),
      type: opts.type ?? (opts.replyTo ? 19 : 0),
      ...reply,
      channel_id: channelId,
      // Discord sends the channel type with MESSAGE_CREATE; discord.js needs it to build an uncached DM channel.
      channel_type: opts.dm ? 1 : this.threads.has(channelId) ? 11 : 0,
      author,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions,
      // Like Discord: every role mention in the text, in order.
      mention_roles: opts.dm ? [] : [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]),
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
      ...(opts.dm ? {} : { guild_id: this.guildId, member: { ...this.memberPayload(author), user: undefined } }),
    };
    this.dispatch('MESSAGE_CREATE', message);
    return message;
  }

  private commandId(name: string): string {
    const all = [...this.commands.values()].flat();
    return all.find((c) => c.name === name)?.id ?? '1000000000000000001';
  }

  // ---------------------------------------------------------------- waiting

  /** The first recorded request matching `pred`, waiting for it if needed. */
  waitForRequest(pred: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.waitForRecord('request', this.requests, pred, timeoutMs);
  }

  /** The first heartbeat (op 1) received matching `pred`, waiting for it if needed. */
  waitForHeartbeat(pred: (b: ReceivedHeartbeat) => boolean, timeoutMs = 5000): Promise<ReceivedHeartbeat> {
    return this.waitForRecord('heartbeat', this.heartbeats, pred, timeoutMs);
  }

  /** The first of `recorded` (or of the next ones, emitted as `event`) that `pred` accepts. */
  private async waitForRecord<T>(event: string, recorded: readonly T[], pred: (x: T) => boolean, timeoutMs: number): Promise<T> {
    const found = recorded.find(pred);
    if (found) return found;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off(event, listener);
        reject(new Error(`fake Discord: no matching ${event} in time`));
      }, timeoutMs);
      const listener = (x: T) => {
        if (!pred(x)) return;
        clearTimeout(timer);
        this.off(event, listener);
        resolve(x);
      };
      this.on(event, listener);
    });
  }

  /** The first recorded request with this method and path, waiting for it if needed. */
  async waitForPath(method: string, path: string, timeoutMs = 5000): Promise<RecordedRequest> {
    const found = this.requests.find((r) => r.method === method && r.path === path);
    if (found) return found;
    const key = `${method} ${path}`;
    return new Promise((resolve, reject) => {
      const waiter = (r: RecordedRequest) => {
        clearTimeout(timer);
        resolve(r);
      };
      const timer = setTimeout(() => {
        const list = this.pathWaiters.get(key)?.filter((w) => w !== waiter) ?? [];
        if (list.length) this.pathWaiters.set(key, list);
        else this.pathWaiters.delete(key);
        reject(new Error(`fake Discord: no ${key} in time`));
      }, timeoutMs);
      this.pathWaiters.set(key, [...(this.pathWaiters.get(key) ?? []), waiter]);
    });
  }

  /** The callback request of one interaction. */
  callbackOf(state: InteractionState, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitForPath('POST', `/interactions/${state.id}/${state.token}/callback`, timeoutMs);
  }

  /**
   * Drops what was recorded so far (requests, answered interactions, messages). Benchmarks call it
   * between bursts: a history of thousands of payloads would make the fake's own garbage
   * collections slow, and their pauses would be timed as the bot's latency.
   */
  forget(): void {
    this.requests.length = 0;
    for (const [id, state] of this.interactions) if (state.acknowledged) this.interactions.delete(id);
    this.messages.clear();
    this.nonces.clear();
  }

  /** Requests made with an interaction's token (follow-ups and edits). */
  webhookCalls(state: InteractionState): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith(`/webhooks/${this.applicationId}/${state.token}`));
  }

  private waitForEvent(name: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake Discord: no ${name} in time`)), timeoutMs);
      this.once(name, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

interface GatewaySocket {
  ws: WebSocket;
  /** The last sequence number sent on this socket. */
  seq: number;
  identified: boolean;
}

/** A saved command as GET returns it without with_localizations=true: no *_localizations. */
function withoutLocalizations(value: any): any {
  if (Array.isArray(value)) return value.map(withoutLocalizations);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (!key.endsWith('_localizations')) out[key] = withoutLocalizations(value[key]);
  }
  return out;
}

function user(name: string, id = snowflake()): FakeUser {
  return { id, username: name, global_name: name[0]!.toUpperCase() + name.slice(1), discriminator: '0', avatar: null };
}

function role(id: string, name: string, permissions: bigint, position: number): any {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: String(permissions),
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

// ---------------------------------------------------------------- Discord's limits on bodies
// Discord's own numbers, written out here rather than imported from the renderer, so a wrong
// limit there cannot make the fake agree with it. Lengths are UTF-16 code units (JS .length).
// Plain loops and early exits: this runs on every message the bot sends, benchmark included.

export const DISCORD_API_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowComponents: 5,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;
const LIM = DISCORD_API_LIMITS;

type ErrorList = { code: string; message: string }[];
/** Discord's `errors` object: nested by path, each leaf `{ _errors: [{ code, message }] }`. */
export interface FormErrors {
  [key: string]: FormErrors | ErrorList;
}

/** Collects errors by path, creating the nesting only when something is wrong. */
class FormProblems {
  errors: FormErrors | undefined;

  add(path: readonly (string | number)[], code: string, message: string): void {
    let node = (this.errors ??= {});
    for (const key of path) node = (node[String(key)] ??= {}) as FormErrors;
    ((node._errors ??= []) as ErrorList).push({ code, message });
  }

  tooLong(path: readonly (string | number)[], max: number): void {
    this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }

  missing(path: readonly (string | number)[]): void {
    this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
  }
}

// Predicates first, paths built only on a violation: the valid path allocates nothing per field.
function over(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.length > max;
}

function blank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim().length === 0;
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}

function checkMessage(p: FormProblems, at: readonly (string | number)[], body: any): void {
  if (!body || typeof body !== 'object') return;
  if (over(body.content, LIM.content)) p.tooLong([...at, 'content'], LIM.content);
  const embeds = body.embeds;
  if (Array.isArray(embeds)) {
    if (embeds.length > LIM.embeds) p.tooLong([...at, 'embeds'], LIM.embeds);
    let total = 0;
    for (let i = 0; i < embeds.length; i++) {
      const e = embeds[i];
      if (!e || typeof e !== 'object') continue;
      if (over(e.title, LIM.title)) p.tooLong([...at, 'embeds', i, 'title'], LIM.title);
      if (over(e.description, LIM.description)) p.tooLong([...at, 'embeds', i, 'description'], LIM.description);
      if (over(e.footer?.text, LIM.footer)) p.tooLong([...at, 'embeds', i, 'footer', 'text'], LIM.footer);
      if (over(e.author?.name, LIM.authorName)) p.tooLong([...at, 'embeds', i, 'author', 'name'], LIM.authorName);
      total += lengthOf(e.title) + lengthOf(e.description) + lengthOf(e.footer?.text) + lengthOf(e.author?.name);
      const fields = e.fields;
      if (!Array.isArray(fields)) continue;
      if (fields.length > LIM.fields) p.tooLong([...at, 'embeds', i, 'fields'], LIM.fields);
      for (let j = 0; j < fields.length; j++) {
        const f = fields[j] ?? {};
        if (blank(f.name)) p.missing([...at, 'embeds', i, 'fields', j, 'name']);
        else if (over(f.name, LIM.fieldName)) p.tooLong([...at, 'embeds', i, 'fields', j, 'name'], LIM.fieldName);
        if (blank(f.value)) p.missing([...at, 'embeds', i, 'fields', j, 'value']);
        else if (over(f.value, LIM.fieldValue)) p.tooLong([...at, 'embeds', i, 'fields', j, 'value'], LIM.fieldValue);
        total += lengthOf(f.name) + lengthOf(f.value);
      }
    }
    if (total > LIM.embedTotal) p.add([...at, 'embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${LIM.embedTotal}`);
  }
  const rows = body.components;
  if (Array.isArray(rows)) {
    if (rows.length > LIM.actionRows) p.tooLong([...at, 'components'], LIM.actionRows);
    for (let i = 0; i < rows.length; i++) {
      const inner = rows[i]?.components;
      if (!Array.isArray(inner)) continue;
      if (inner.length > LIM.rowComponents) p.tooLong([...at, 'components', i, 'components'], LIM.rowComponents);
      for (let j = 0; j < inner.length; j++) {
        const c = inner[j] ?? {};
        if (over(c.custom_id, LIM.customId)) p.tooLong([...at, 'components', i, 'components', j, 'custom_id'], LIM.customId);
        if (over(c.label, LIM.buttonLabel)) p.tooLong([...at, 'components', i, 'components', j, 'label'], LIM.buttonLabel);
      }
    }
  }
}

function checkChoices(p: FormProblems, choices: unknown): void {
  if (!Array.isArray(choices)) return;
  if (choices.length > LIM.choices) p.tooLong(['data', 'choices'], LIM.choices);
  for (let i = 0; i < choices.length; i++) {
    const c = choices[i] ?? {};
    if (typeof c.name !== 'string' || c.name.length === 0) p.missing(['data', 'choices', i, 'name']);
    else if (over(c.name, LIM.choiceName)) p.tooLong(['data', 'choices', i, 'name'], LIM.choiceName);
    // Values of string options are strings of 1..100; integer and number options send numbers.
    if (typeof c.value === 'number') continue;
    if (typeof c.value !== 'string' || c.value.length === 0) p.missing(['data', 'choices', i, 'value']);
    else if (over(c.value, LIM.choiceValue)) p.tooLong(['data', 'choices', i, 'value'], LIM.choiceValue);
  }
}

/** Why Discord would refuse a message body (create or edit), or undefined if it would not. */
export function messageErrors(body: unknown): FormErrors | undefined {
  const p = new FormProblems();
  checkMessage(p, [], body);
  return p.errors;
}

/** An upload Discord would refuse: over 10 MiB, an attachment without its file, alt text over 1,024 characters. */
export function attachmentErrors(body: any, files: NonNullable<RecordedRequest['files']>): FormErrors | undefined {
  const p = new FormProblems();
  const attachments: any[] = Array.isArray(body?.attachments) ? body.attachments : [];
  attachments.forEach((a, i) => {
    if (!files.some((f) => f.field === `files[${a.id}]`)) p.add(['attachments', i, 'id'], 'ATTACHMENT_NOT_FOUND', 'Attachment data not found');
    if (typeof a.description === 'string' && [...a.description].length > 1024) p.tooLong(['attachments', i, 'description'], 1024);
  });
  for (const f of files) if (f.data.length > 10 * 1024 * 1024) p.add(['files'], 'BASE_TYPE_MAX_LENGTH', 'File too large');
  return p.errors;
}

async function readMultipart(data: Buffer, contentType: string): Promise<{ json: any; files: NonNullable<RecordedRequest['files']> }> {
  const form = await new Response(new Uint8Array(data), { headers: { 'content-type': contentType } }).formData();
  const files: NonNullable<RecordedRequest['files']> = [];
  let json: any;
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') json = JSON.parse(value);
    } else files.push({ field, name: value.name, type: value.type, data: Buffer.from(await value.arrayBuffer()) });
  }
  return { json, files };
}

/** Why Discord would refuse an interaction callback body, or undefined if it would not. */
export function callbackErrors(type: unknown, data: unknown): FormErrors | undefined {
  if (type !== 4 && type !== 7 && type !== 8 && type !== 9) return undefined;
  const p = new FormProblems();
  if (type === 8) checkChoices(p, (data as { choices?: unknown } | undefined)?.choices);
  else if (type === 9) checkModal(p, data);
  else checkMessage(p, ['data'], data);
  return p.errors;
}

/** A modal (callback type 9): custom_id, title ≤ 45, 1–5 rows each holding one text input (label ≤ 45, style 1 or 2). */
function checkModal(p: FormProblems, data: any): void {
  if (blank(data?.custom_id)) p.missing(['data', 'custom_id']);
  else if (over(data.custom_id, LIM.customId)) p.tooLong(['data', 'custom_id'], LIM.customId);
  if (blank(data?.title)) p.missing(['data', 'title']);
  else if (over(data.title, 45)) p.tooLong(['data', 'title'], 45);
  const rows = data?.components;
  if (!Array.isArray(rows) || rows.length < 1 || rows.length > 5) return p.add(['data', 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
  rows.forEach((row: any, i: number) => {
    const inputs = row?.components;
    if (row?.type !== 1 || !Array.isArray(inputs) || inputs.length !== 1) return p.add(['data', 'components', i], 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'An action row in a modal holds one text input');
    const t = inputs[0];
    const at = ['data', 'components', i, 'components', 0];
    if (t?.type !== 4) p.add([...at, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of (4,).');
    if (t?.style !== 1 && t?.style !== 2) p.add([...at, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of (1, 2).');
    if (blank(t?.custom_id)) p.missing([...at, 'custom_id']);
    if (blank(t?.label)) p.missing([...at, 'label']);
    else if (over(t.label, 45)) p.tooLong([...at, 'label'], 45);
    if (over(t?.placeholder, 100)) p.tooLong([...at, 'placeholder'], 100);
    if (typeof t?.max_length === 'number' && (t.max_length < 1 || t.max_length > 4000)) p.add([...at, 'max_length'], 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 4000.');
  });
}

function invalidFormBody(errors: FormErrors): { code: number; message: string; errors: FormErrors } {
  return { code: 50035, message: 'Invalid Form Body', errors };
}
