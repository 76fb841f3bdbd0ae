// POST /slack/events in HTTP mode, in front of Bolt's receiver: the body is read up to
// MAX_BODY_BYTES (413 past it, on the declared length before reading), then checked like Slack
// says — the v0 signature over timestamp and body, a timestamp at most 5 minutes old *or ahead* —
// and a signature seen in the last minutes is refused as a replay (401), through the store, so
// replicas agree. Only then does Bolt get the request, already buffered (its documented
// BufferedIncomingMessage: Bolt reads `rawBody` instead of the stream, and checks it again).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidSlackRequest, type BufferedIncomingMessage, type HTTPReceiver } from '@slack/bolt';
import { BodyTooLargeError, readBody, refuseTooLarge } from '../../ops/http-server.ts';
import type { Logger } from '../../ops/log.ts';
import type { ReplayGuard } from '../contract.ts';

/** Slack's own bound on a request's age; we hold future timestamps to it too. */
export const SLACK_TIMESTAMP_WINDOW_S = 5 * 60;
/** How long a seen signature is remembered: past the acceptance window on both sides. */
const REMEMBER_MS = 2 * SLACK_TIMESTAMP_WINDOW_S * 1000;

export interface SlackEventsOptions {
  receiver: HTTPReceiver;
  signingSecret: string;
  replays: ReplayGuard;
  log: Logger;
  now?: () => number;
}

function refuse(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-length': '0' });
  res.end();
}

/** Why a request is refused before Bolt sees it, or undefined when it may go on. */
function problem(req: IncomingMessage, body: Buffer, opts: SlackEventsOptions, nowMs: number): string | undefined {
  const signature = req.headers['x-slack-signature'];
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !Number.isInteger(timestamp)) return 'unsigned';
  if (!isValidSlackRequest({ signingSecret: opts.signingSecret, body: body.toString('utf8'), headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp }, nowMilliseconds: nowMs })) {
    return 'bad or stale signature';
  }
  if (timestamp > Math.floor(nowMs / 1000) + SLACK_TIMESTAMP_WINDOW_S) return 'timestamp in the future';
  return undefined;
}

/** Slack's SSL check (`ssl_check=1`, form-encoded) is unsigned by design; Bolt answers it and drops any other field. */
function isSslCheck(req: IncomingMessage, body: Buffer): boolean {
  return req.headers['content-type'] === 'application/x-www-form-urlencoded' && new URLSearchParams(body.toString('utf8')).get('ssl_check') === '1';
}

export function slackEventsHandler(opts: SlackEventsOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const now = opts.now ?? Date.now;
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        opts.log.warn({ limit: err.limit }, 'slack: request body too large; refused before reading it');
        return refuseTooLarge(req, res, err.limit);
      }
      return refuse(res, 400);
    }
    if (!isSslCheck(req, body)) {
      const t = now();
      const why = problem(req, body, opts, t);
      if (why) {
        opts.log.warn({ why }, 'slack: request refused (401)');
        return refuse(res, 401);
      }
      if (!(await opts.replays.firstSeen(`slack:${String(req.headers['x-slack-signature'])}`, REMEMBER_MS))) {
        opts.log.warn({ why: 'replayed signature' }, 'slack: request refused (401): this signed request was already received');
        return refuse(res, 401);
      }
    }
    const buffered = Object.assign(req, { rawBody: body }) satisfies BufferedIncomingMessage;
    opts.receiver.requestListener(buffered, res);
  }
  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      opts.log.error({ err }, 'slack: events endpoint failed');
      refuse(res, 500);
    });
  };
}
