// The gateway lease: with several replicas on one store, Discord's gateway runs in exactly one of
// them, the holder of the "discord-gateway" lease in the store, renewed every few seconds. When the
// holder dies, its lease expires and another replica takes it over and connects; a replica that
// finds it lost the lease (it stalled past the lease) disconnects its gateway.
import type { Leases } from '../../store/leases.ts';
import type { Logger } from '../../ops/log.ts';

export const GATEWAY_LEASE = 'discord-gateway';

export interface GatewayLeaseOptions {
  leases: Leases;
  /** This replica's name. */
  holder: string;
  /** How long the lease lasts without renewal (ms): a dead holder is replaced after it. */
  ttlMs: number;
  /** How often the holder renews it and the others try to take it (ms). */
  renewMs: number;
  log: Logger;
  /** This replica runs (or is connecting) the gateway. */
  runs(): boolean;
  /** Skip this turn (stopping, or a connection under way). */
  busy(): boolean;
  /** The lease was taken: connect the gateway (resolves when done, whatever the outcome). */
  take(): Promise<void>;
  /** The lease went to another replica: disconnect the gateway. */
  lose(): Promise<void>;
}

export interface GatewayLease {
  /** Takes (or renews) the lease; false while another replica holds it. */
  acquire(): Promise<boolean>;
  /** Who holds it now, if anyone (for logs). */
  holder(): Promise<string | undefined>;
  /** Gives it up (a failed connection, a stop); never throws. */
  release(): Promise<void>;
  /** Starts the turns (renew, take over, step down). */
  start(): void;
  stop(): void;
}

export function gatewayLease(o: GatewayLeaseOptions): GatewayLease {
  let timer: ReturnType<typeof setInterval> | undefined;
  const acquire = () => o.leases.acquire(GATEWAY_LEASE, o.holder, o.ttlMs);

  /** One turn: the holder renews (or steps down when it lost the lease); the others try to take it. */
  async function turn(): Promise<void> {
    if (o.busy()) return;
    let held: boolean;
    try {
      held = await acquire();
    } catch (err) {
      o.log.warn({ err: (err as Error).message }, 'discord: gateway lease unavailable (store); keeping the current role');
      return;
    }
    if (o.busy()) return;
    if (!held && o.runs()) {
      o.log.warn({ replica: o.holder }, 'discord: gateway lease lost to another replica; disconnecting the gateway');
      await o.lose();
    } else if (held && !o.runs()) {
      o.log.info({ replica: o.holder }, 'discord: gateway lease taken; connecting the gateway');
      await o.take();
    }
  }

  return {
    acquire,
    holder: () => o.leases.holder(GATEWAY_LEASE).catch(() => undefined),
    release: () => o.leases.release(GATEWAY_LEASE, o.holder).catch(() => undefined),
    start() {
      timer = setInterval(() => void turn().catch((err: unknown) => o.log.error({ err }, 'discord: gateway lease turn failed')), o.renewMs);
      timer.unref();
    },
    stop: () => clearInterval(timer),
  };
}
