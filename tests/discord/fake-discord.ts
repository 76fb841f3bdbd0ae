// A local Discord for tests and benchmarks: the REST API under /api/v10 and a gateway WebSocket
// on the same loopback port. It records every REST request, enforces what real Discord enforces
// where our code could get it wrong (one callback per interaction, 3 s to answer, bot auth),
// and lets a test dispatch gateway events (interactions, messages) to the connected client.
import { randomBytes } from 'node:crypto';
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
}

export interface FakeDiscordOptions {
  /** The bot token the fake accepts (REST Authorization and gateway IDENTIFY). */
  token?: string;
  applicationId?: string;
  /** Interactions answered later than this are "Unknown interaction", like Discord's 3 s. */
  interactionWindowMs?: number;
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

export class FakeDiscord extends EventEmitter {
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: FakeUser;
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly adminRoleId = snowflake();
  readonly owner: FakeUser = user('owner');
  /** A member with no moderation rights. */
  readonly alice: FakeUser = user('alice');
  /** A member whose role has Manage Server. */
  readonly moderator: FakeUser = user('mod');
  readonly otherBot: FakeUser = { ...user('otherbot'), bot: true };
  readonly requests: RecordedRequest[] = [];
  readonly identifies: any[] = [];
  /** Registered commands by scope: "global" or a guild id. */
  readonly commands = new Map<string, any[]>();
  /** Messages created through REST or interactions, by id. */
  readonly messages = new Map<string, any>();
  readonly interactions = new Map<string, InteractionState>();
  private readonly dmChannels = new Map<string, string>(); // user id → DM channel id
  /** Waiters for one exact "METHOD /path" (callbacks): found without scanning every waiter. */
  private readonly pathWaiters = new Map<string, ((r: RecordedRequest) => void)[]>();
  private readonly sockets = new Set<{ ws: WebSocket; seq: number; identified: boolean }>();
  private readonly window: number;
  private server!: Server;
  private wss!: WebSocketServer;
  port = 0;

  constructor(opts: FakeDiscordOptions = {}) {
    super();
    this.setMaxListeners(0);
    this.token = opts.token ?? `MTAxNDk3.fake.${randomBytes(16).toString('base64url')}`;
    this.applicationId = opts.applicationId ?? snowflake();
    this.botUser = { id: this.applicationId, username: 'dealbot', global_name: null, discriminator: '0', avatar: null, bot: true };
    this.window = opts.interactionWindowMs ?? 3000;
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
  }

  // ---------------------------------------------------------------- REST

  // Lean on purpose: the benchmark times callbacks by when this records them, so every bit of
  // work here before `at` is taken would count against the bot.
  private onHttp(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => {
      const at = performance.now();
      const raw = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
      const target = req.url ?? '/';
      const q = target.indexOf('?');
      const path = decodeURIComponent(q < 0 ? target : target.slice(0, q)).replace(/^\/api\/v10/, '');
      let body: any = undefined;
      if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw;
        }
      }
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path,
        query: new URLSearchParams(q < 0 ? '' : target.slice(q + 1)),
        headers: req.headers,
        body,
        at,
      };
      this.requests.push(record);
      const [status, payload] = this.route(record);
      if (status === 204) {
        res.writeHead(204).end();
      } else {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      }
      const key = `${record.method} ${record.path}`;
      const waiting = this.pathWaiters.get(key);
      if (waiting) {
        this.pathWaiters.delete(key);
        for (const resolve of waiting) resolve(record);
      }
      this.emit('request', record);
    });
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
      if (method === 'GET') return [200, this.commands.get(scope) ?? []];
      if (method === 'PUT') return [200, this.putCommands(scope, r.body)];
    }
    if ((hit = m(/^\/channels\/(\d+)\/messages$/)) && method === 'POST') {
      const channelId = hit[1]!;
      if (!this.knownChannel(channelId)) return [404, { message: 'Unknown Channel', code: 10003 }];
      return [200, this.createMessage(channelId, this.botUser, r.body)];
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
    state.acknowledged = true;
    const { type, data } = r.body ?? {};
    if (type === 4) state.original = this.createMessage(state.channelId, this.botUser, data, { webhook: true });
    if (type === 5) state.original = this.createMessage(state.channelId, this.botUser, { flags: (data?.flags ?? 0) | 128 }, { webhook: true });
    if (type === 7 && state.original) Object.assign(state.original, data);
    if (r.query.get('with_response') === 'true') {
      return [200, { interaction: { id, type: 2 }, resource: { type, ...(state.original ? { message: state.original } : {}) } }];
    }
    return [204, undefined];
  }

  private webhook(token: string, messageId: string | undefined, r: RecordedRequest): [number, unknown] {
    const state = [...this.interactions.values()].find((s) => s.token === token);
    if (!state || !state.acknowledged) return [404, { message: 'Unknown Webhook', code: 10015 }];
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
      ...(channelId === this.channelId ? { guild_id: this.guildId } : {}),
    };
    this.messages.set(message.id, message);
    return message;
  }

  private knownChannel(id: string): boolean {
    return id === this.channelId || [...this.dmChannels.values()].includes(id);
  }

  private channelObject(id: string): any {
    if (id === this.channelId) return this.textChannel();
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

  private onSocket(ws: WebSocket): void {
    const socket = { ws, seq: 0, identified: false };
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
      if (packet.op === 1) this.send(socket, { op: 11, d: null });
      else if (packet.op === 2) this.onIdentify(socket, packet.d);
      else if (packet.op === 6) this.send(socket, { op: 9, d: false }); // no resume: identify again
    });
    this.send(socket, { op: 10, d: { heartbeat_interval: 41_250 } });
  }

  private onIdentify(socket: { ws: WebSocket; seq: number; identified: boolean }, d: any): void {
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
      shard: [0, 1],
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
    const roles = u.id === this.moderator.id ? [this.adminRoleId] : [];
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

  /** Resolves once a client has identified (and received READY and GUILD_CREATE). */
  async identified(timeoutMs = 5000): Promise<void> {
    if ([...this.sockets].some((s) => s.identified)) return;
    await this.waitForEvent('identified', timeoutMs);
  }

  // ---------------------------------------------------------------- events a test dispatches

  private newInteraction(channelId: string): InteractionState {
    const state: InteractionState = {
      id: snowflake(),
      token: `aW50ZXJhY3Rpb24.${randomBytes(24).toString('base64url')}`,
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

  private interactionBase(state: InteractionState, opts: { user?: FakeUser; dm?: boolean; locale?: string }): any {
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
      guild: { id: this.guildId, locale: 'en-US', features: [] },
      guild_locale: 'en-US',
      channel_id: state.channelId,
      channel: { ...this.textChannel(), permissions: String(MEMBER_PERMS) },
      member: this.memberPayload(u, true),
      context: 0,
      authorizing_integration_owners: { '0': this.guildId },
    };
  }

  /** Dispatches `/deal` (chat input) and returns the interaction's id and token. */
  slash(opts: { query?: string; public?: boolean; user?: FakeUser; dm?: boolean; locale?: string } = {}): InteractionState {
    const channelId = opts.dm ? this.dmChannelOf(opts.user ?? this.alice) : this.channelId;
    const state = this.newInteraction(channelId);
    const options: any[] = [];
    if (opts.query !== undefined) options.push({ name: 'query', type: 3, value: opts.query });
    if (opts.public !== undefined) options.push({ name: 'public', type: 5, value: opts.public });
    this.dispatch('INTERACTION_CREATE', {
      ...this.interactionBase(state, opts),
      type: 2,
      data: { id: this.commandId('deal'), name: 'deal', type: 1, options, ...(opts.dm ? {} : { guild_id: this.guildId }) },
    });
    return this.sent(state);
  }

  /** Dispatches an autocomplete interaction for /deal's query option. */
  autocomplete(value: string, opts: { user?: FakeUser; option?: string } = {}): InteractionState {
    const state = this.newInteraction(this.channelId);
    this.dispatch('INTERACTION_CREATE', {
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
    this.dispatch('INTERACTION_CREATE', {
      ...this.interactionBase(state, opts),
      type: 3,
      message,
      data: { custom_id: customId, component_type: 2 },
    });
    return this.sent(state);
  }

  /** Dispatches MESSAGE_CREATE: in the guild channel, or as a DM when `dm` is set. */
  message(content: string, opts: { author?: FakeUser; dm?: boolean; mentionBot?: boolean } = {}): any {
    const author = opts.author ?? this.alice;
    const channelId = opts.dm ? this.dmChannelOf(author) : this.channelId;
    const mentions = (opts.mentionBot ?? content.includes(`<@${this.botUser.id}>`)) ? [this.botUser] : [];
    const message = {
      id: snowflake(),
      type: 0,
      channel_id: channelId,
      // Discord sends the channel type with MESSAGE_CREATE; discord.js needs it to build an uncached DM channel.
      channel_type: opts.dm ? 1 : 0,
      author,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions,
      mention_roles: [],
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
  async waitForRequest(pred: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const found = this.requests.find(pred);
    if (found) return found;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('request', listener);
        reject(new Error('fake Discord: no matching request in time'));
      }, timeoutMs);
      const listener = (r: RecordedRequest) => {
        if (!pred(r)) return;
        clearTimeout(timer);
        this.off('request', listener);
        resolve(r);
      };
      this.on('request', listener);
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
