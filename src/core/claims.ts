// When a claim still stands, and when it may be taken over: a row left 'claimed' by a holder that
// died mid-send would otherwise be a miss forever. docs/RELIABILITY.md §9 "Claim leases".
import type { Claim } from './model';

/** A claim still 'claimed' whose lease ran out at or before `now`: its holder is presumed dead. */
export function isTakeable(c: Claim, now: number): boolean {
  return c.status === 'claimed' && c.leaseUntil !== null && c.leaseUntil <= now;
}

/** True when a claim exists and stands (finished, or held inside its lease): nothing to send. */
export function claimStands(c: Claim | undefined, now: number): boolean {
  return c !== undefined && !isTakeable(c, now);
}
