// The discord.js client with the least it needs: no privileged intent (Discord sends the
// content of messages that mention the bot and of DMs anyway) and no mention ever parsed.
import { Client, GatewayIntentBits, Partials, type RESTOptions } from 'discord.js';
import { silentLogger, type Logger } from '../../ops/log.ts';
import type { DiscordConfig } from './config.ts';
import { checkedGateway } from './payloads.ts';
import { rateLimitedRequests } from './rest.ts';

export interface ClientTuning {
  /** Extra REST options, e.g. `{ retries: 0, timeout: 2000 }` in tests. */
  rest?: Partial<RESTOptions>;
}

export function createDiscordClient(config: DiscordConfig, tuning: ClientTuning = {}, log: Logger = silentLogger): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // DM channels are not cached before their first message: without this partial DMs are dropped.
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    // The gateway URL is read from this API's /gateway/bot, so one override moves the whole client.
    // 429s read the header and the body, with a budget per request (rest.ts).
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), makeRequest: rateLimitedRequests(log), ...tuning.rest },
    // A gateway event that does not fit its schema is dropped before discord.js builds anything from it.
    ws: { buildStrategy: checkedGateway(log) },
    // discord.js's internal sharding: "auto" takes Discord's recommended count; N runs shards 0…N-1.
    ...(config.shards === 'auto' ? { shards: 'auto' as const } : config.shards ? { shards: Array.from({ length: config.shards }, (_, i) => i), shardCount: config.shards } : {}),
  });
}
