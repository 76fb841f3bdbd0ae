// A post's claim is held for as long as the post takes. Before the platform is called the lease is
// renewed (and the post abandoned if another process took the claim over meanwhile), then renewed
// every third of the lease until the call returns: however slow the platform, a live process never
// loses a claim to another one, and a dead one loses it a lease after its last renewal — long after
// the request it sent reached the platform, where the taker-over then finds it (findPosted).
import type { Clock } from './clock.ts';
import type { Claim, PostLedger } from './ledger.ts';

/** This process no longer holds the claim (taken over while it looked in the channel): it must not post. */
export class ClaimLostError extends Error {
  constructor(claim: Claim) {
    super(`the claim of ${claim.channel.platform}:${claim.channel.id} ${claim.slot} was taken over meanwhile`);
    this.name = 'ClaimLostError';
  }
}

/**
 * Runs `work` holding `claim`: renews the lease first (throws ClaimLostError when it is lost), then
 * every leaseMs/3 while `work` runs. `at()` is the ledger's time (the run's instant moved on by the
 * clock), so renewals never shorten a lease.
 */
export async function holding<T>(ledger: PostLedger, claim: Claim, leaseMs: number, clock: Clock, at: () => number, work: () => Promise<T>): Promise<T> {
  if (!(await ledger.extend(claim, at() + leaseMs))) throw new ClaimLostError(claim);
  let timer: unknown;
  let done = false;
  const beat = () => {
    timer = clock.setTimeout(() => {
      if (done) return;
      void ledger.extend(claim, at() + leaseMs).catch(() => undefined).finally(() => {
        if (!done) beat();
      });
    }, Math.max(100, Math.floor(leaseMs / 3)));
  };
  beat();
  try {
    return await work();
  } finally {
    done = true;
    clock.clearTimeout(timer);
  }
}
