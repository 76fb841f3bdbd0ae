// Starts the Slack side: checks the token (auth.test), then listens — Socket Mode when an app
// token is set, otherwise HTTP on PORT at /slack/events with signature verification — and reports
// the connection to the supervisor: down the moment the socket closes, up when Slack says hello.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi, type HTTPReceiver, type SocketModeReceiver } from '@slack/bolt';
import type { PlatformRuntime, RunningPlatform } from '../contract.ts';
import { createSlackApp, EVENTS_PATH, INSTALL_PATH, type SlackAppOptions } from './app.ts';
import type { SlackConfig } from './config.ts';
import { installedClients, slackPublisher } from './publisher.ts';

export interface RunningSlack extends RunningPlatform {
  /** HTTP mode: the events URL actually listened on (port 0 picks a free port). */
  eventsUrl?: string;
}

export async function startSlack(config: SlackConfig, runtime: PlatformRuntime, opts: SlackAppOptions = {}): Promise<RunningSlack> {
  // In HTTP mode the runtime's routes share this port: health, and other platforms' endpoints.
  const customRoutes = runtime.routes.map((r) => ({ path: r.path, method: r.method === 'POST' ? ['POST'] : ['GET', 'HEAD'], handler: r.handler }));
  const { app, receiver, client, installations, work, watch } = createSlackApp(runtime.policy, config, runtime.logger, { customRoutes, ...(runtime.installations ? { installations: runtime.installations } : {}), ...opts });
  const log = runtime.logger.child({ platform: 'slack' });
  try {
    await app.init(); // auth.test (token mode; OAuth mode has no app-wide token to check)
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    if (code) throw new Error(`Slack refused SLACK_BOT_TOKEN (auth.test: ${code}). Copy the Bot User OAuth Token again from "OAuth & Permissions".`);
    throw new Error(`Could not reach Slack at ${config.apiUrl ?? 'https://slack.com/api/'} to check SLACK_BOT_TOKEN: ${(err as Error).message}`);
  }
  if (config.oauth && runtime.installations) {
    const installed = await runtime.installations.list('slack');
    log.info({ workspaces: installed.length, install: INSTALL_PATH }, 'slack: OAuth mode (each workspace answered with its own installation)');
  }
  const clientOptions = { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), retryConfig: { retries: config.retries } };
  const publisher = installations ? slackPublisher(installedClients(installations, clientOptions, webApi.WebClient), log) : slackPublisher(client!, log);

  let connected = false;
  let stopped = false;
  let eventsUrl: string | undefined;
  let reconnect = async (): Promise<void> => {};

  if (config.mode === 'socket') {
    const socket = (receiver as SocketModeReceiver).client;
    socket.on('connected', () => {
      connected = true;
      log.info('slack: socket mode connected');
      runtime.connection.up();
    });
    // Auto-reconnect is off: a closed socket stays closed until the supervisor calls reconnect().
    socket.on('disconnected', (err?: unknown) => {
      const was = connected;
      connected = false;
      if (stopped) return;
      if (was) log.warn({ err }, 'slack: socket mode disconnected');
      runtime.connection.down({ reason: 'socket mode disconnected', gaveUp: true });
    });
    socket.on('reconnecting', () => {
      connected = false;
    });
    reconnect = async () => {
      if (stopped) return;
      await socket.start(); // apps.connections.open, then the socket; rejects when either fails
    };
    await app.start();
    connected = true;
  } else {
    const server = (await (receiver as HTTPReceiver).start({ port: config.port, ...(config.host ? { host: config.host } : {}) })) as Server;
    watch(server);
    const address = server.address() as AddressInfo;
    const host = config.host ?? 'localhost';
    eventsUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}${EVENTS_PATH}`;
    connected = true;
    server.on('close', () => {
      connected = false;
      if (!stopped) runtime.connection.down({ reason: 'HTTP server closed', gaveUp: false });
    });
    log.info({ port: address.port, path: EVENTS_PATH }, 'slack: HTTP mode listening');
  }

  return {
    publisher,
    connected: () => connected && !stopped,
    reconnect: () => reconnect(),
    ...(eventsUrl ? { eventsUrl, servesRoutes: true } : {}),
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
