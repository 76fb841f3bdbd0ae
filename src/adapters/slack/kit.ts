// What the Slack handlers share (the policy, who people are, the job runner, where answers go),
// and the receiver: Socket Mode, or HTTP with the OAuth install routes in OAuth mode.
import { HTTPReceiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { Delivery, DeliveryPolicy } from '../../core/delivery.ts';
import type { Lang } from '../../facts/schema.ts';
import { MAX_BODY_BYTES } from '../../ops/http-server.ts';
import type { Logger } from '../../ops/log.ts';
import type { UserDirectory } from './admin.ts';
import type { boltLogger } from './bolt-logger.ts';
import type { SlackConfig } from './config.ts';
import type { People } from './inbound.ts';
import type { SealedInstallationStore } from './installation-store.ts';
import { BOT_SCOPES } from './manifest.ts';
import { EVENTS_PATH, INSTALL_PATH, REDIRECT_PATH } from './paths.ts';
import { responder, type Respond } from './response-url.ts';
import type { WorkQueue } from './work-queue.ts';

/** What every handler shares: the policy, who people are, the job runner, where answers go. */
export interface SlackKit {
  policy: DeliveryPolicy;
  log: Logger;
  /** Who people are in a workspace, through that workspace's client. */
  people(client: webApi.WebClient, team: string | undefined): People;
  /** Runs one delivery job after the ack; a failure gets the policy's one apology, to the asker. */
  job(what: string, lang: () => Lang, run: () => Promise<void>, apologise: (d: Delivery) => Promise<unknown>): void;
  /** Answers go to the request's response_url through our lean poster (Bolt's respond() otherwise). */
  respondTo(url: string | undefined, boltRespond: Respond): Respond;
}

export function slackKit(policy: DeliveryPolicy, log: Logger, users: UserDirectory, work: WorkQueue): SlackKit {
  return {
    policy,
    log,
    people: (client, team) => ({ isAdmin: (user) => users.isAdmin(client, team, user), lang: (user) => users.lang(client, team, user) }),
    job(what, lang, run, apologise) {
      work.push(async () => {
        try {
          await run();
        } catch (err) {
          log.error({ err, event: what }, `slack: ${what} failed`);
          await apologise(policy.apology(lang())).catch((again: unknown) => log.error({ err: again }, 'slack: could not send the apology either'));
        }
      });
    },
    respondTo: (url, boltRespond) => (url ? responder(url) : boltRespond),
  };
}

/**
 * Socket Mode, or HTTP at /slack/events (with /slack/install and /slack/oauth_redirect in OAuth mode). In
 * HTTP mode the receiver is never started: our server (http-server.ts) routes requests to its listener.
 */
export function receiverOf(config: SlackConfig, blog: ReturnType<typeof boltLogger>, clientOptions: webApi.WebClientOptions, store?: SealedInstallationStore) {
  // The supervisor reconnects (with backoff, errors caught): the library's own retry gives up for good.
  if (config.mode === 'socket') return new SocketModeReceiver({ appToken: config.appToken ?? '', logger: blog, autoReconnectEnabled: false, installerOptions: { clientOptions: { ...clientOptions } } });
  const oauth = config.oauth && store
    ? {
        clientId: config.oauth.clientId,
        clientSecret: config.oauth.clientSecret,
        stateSecret: config.oauth.stateSecret,
        scopes: [...BOT_SCOPES],
        installationStore: store,
        installerOptions: { installPath: INSTALL_PATH, redirectUriPath: REDIRECT_PATH, clientOptions: { ...clientOptions } },
      }
    : {};
  // Every request reaches Bolt through our events handler (http-events.ts), which has checked its
  // signature, timestamp and replay already: Bolt checking the signature again would cost a second
  // HMAC and a synchronous randomBytes (tsscmp) per request, on the ack path.
  return new HTTPReceiver({ signingSecret: config.signingSecret ?? '', signatureVerification: false, endpoints: EVENTS_PATH, logger: blog, bodyLimit: MAX_BODY_BYTES, ...oauth });
}
