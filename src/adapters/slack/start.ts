// Starts the Slack side: checks the token (auth.test), then listens — Socket Mode when an app
// token is set, otherwise HTTP on PORT at /slack/events with signature verification.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Bot } from '../../core/bot.ts';
import type { ChannelPublisher } from '../../core/command.ts';
import type { Logger } from '../../ops/log.ts';
import { createSlackApp, EVENTS_PATH, type SlackAppOptions } from './app.ts';
import type { SlackConfig } from './config.ts';

export interface RunningSlack {
  stop(): Promise<void>;
  connected(): boolean;
  publisher: ChannelPublisher;
  /** HTTP mode: the events URL actually listened on (port 0 picks a free port). */
  eventsUrl?: string;
}

export async function startSlack(
  bot: Bot,
  config: SlackConfig,
  logger: Logger,
  opts: SlackAppOptions = {},
): Promise<RunningSlack> {
  const { app, receiver, publisher, work, watch } = createSlackApp(bot, config, logger, opts);
  const log = logger.child({ platform: 'slack' });
  try {
    await app.init(); // auth.test
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    if (code) throw new Error(`Slack refused SLACK_BOT_TOKEN (auth.test: ${code}). Copy the Bot User OAuth Token again from "OAuth & Permissions".`);
    throw new Error(`Could not reach Slack at ${config.apiUrl ?? 'https://slack.com/api/'} to check SLACK_BOT_TOKEN: ${(err as Error).message}`);
  }

  let connected = false;
  let stopped = false;
  let eventsUrl: string | undefined;

  if (config.mode === 'socket') {
    const socket = (receiver as SocketModeReceiver).client;
    socket.on('connected', () => {
      connected = true;
      log.info('slack: socket mode connected');
    });
    socket.on('disconnected', () => {
      connected = false;
      if (!stopped) log.warn('slack: socket mode disconnected');
    });
    socket.on('reconnecting', () => {
      connected = false;
    });
    await app.start();
    connected = true;
  } else {
    const server = (await (receiver as HTTPReceiver).start({
      port: config.port,
      ...(config.host ? { host: config.host } : {}),
    })) as Server;
    watch(server);
    const address = server.address() as AddressInfo;
    const host = config.host ?? 'localhost';
    eventsUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}${EVENTS_PATH}`;
    connected = true;
    server.on('close', () => {
      connected = false;
    });
    log.info({ port: address.port, path: EVENTS_PATH }, 'slack: HTTP mode listening');
  }

  return {
    publisher,
    connected: () => connected && !stopped,
    ...(eventsUrl ? { eventsUrl } : {}),
    async stop() {
      if (stopped) return;
      stopped = true;
      connected = false;
      await app.stop(); // no new requests
      // Answers already acked still go out (bounded: Slack users would rather wait than lose them).
      if (!(await work.drain(10_000))) log.warn({ pending: work.pending }, 'slack: stopped with answers still pending');
    },
  };
}
