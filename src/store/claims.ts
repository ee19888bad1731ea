// Once-only sends: a (job, subject, period) row is claimed before anything goes out.
import type { Db } from './db';
import type { Claim, ClaimStatus } from '../core/model';
import type { ClaimKey } from '../core/records';

/** A row as both databases return it (shared with store/postgres/claims.ts). */
export interface ClaimRow {
  job: string; subject: string; period: string; status: ClaimStatus; detail: string | null;
  channel: string | null; ts: string | null; claimed_at: number; done_at: number | null;
  holder: string | null; lease_until: number | null; attempts: number;
}

export const toClaim = (r: ClaimRow): Claim => ({
  job: r.job, subject: r.subject, period: r.period, status: r.status, detail: r.detail, channel: r.channel,
  ts: r.ts, claimedAt: r.claimed_at, doneAt: r.done_at, holder: r.holder,
  leaseUntil: r.lease_until, attempts: r.attempts,
});

/** A claim held under a lease: who holds it, and until when (epoch ms) nobody else may take it. */
export interface Lease {
  holder: string;
  until: number;
}

/**
 * The claim, as one statement on both databases: insert the row, or, if a row is there, take it over
 * only if it is still 'claimed' and its lease ran out (compare-and-set on the row; of several takers
 * at once exactly one changes it). claimed_at keeps the first claim's time: it is when the send was
 * due, which the passes read (a nudge's 14 days, a warning's week).
 */
export const CLAIM_SQL = (p: (n: number) => string): string =>
  `INSERT INTO claims (job, subject, period, claimed_at, holder, lease_until) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)})
   ON CONFLICT (job, subject, period) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until,
     attempts = claims.attempts + 1
   WHERE claims.status = 'claimed' AND claims.lease_until IS NOT NULL AND claims.lease_until <= ${p(7)}
     AND excluded.holder IS NOT NULL`;

export type { ClaimKey } from '../core/records';

export function claimsStore(db: Db) {
  const insert = db.prepare(CLAIM_SQL(() => '?'));
  // Only the holder recorded on the row may finish it, and only once: a holder whose lease was taken
  // over finds its name gone and changes nothing.
  const finish = db.prepare(
    `UPDATE claims SET status = ?, detail = ?, channel = ?, ts = ?, done_at = ?
     WHERE job = ? AND subject = ? AND period = ? AND status = 'claimed' AND holder IS ?`);
  const get = db.prepare<[string, string, string], ClaimRow>(
    'SELECT * FROM claims WHERE job = ? AND subject = ? AND period = ?');
  const release = db.prepare("DELETE FROM claims WHERE job = ? AND subject = ? AND period = ? AND status = 'claimed'");
  const byJob = db.prepare<[string], ClaimRow>('SELECT * FROM claims WHERE job = ? ORDER BY claimed_at');
  const byJobSince = db.prepare<[string, number], ClaimRow>('SELECT * FROM claims WHERE job = ? AND claimed_at >= ? ORDER BY claimed_at');
  const latestForSubject = db.prepare<[string, string], ClaimRow>(
    'SELECT * FROM claims WHERE job = ? AND subject = ? ORDER BY claimed_at DESC LIMIT 1');

  return {
    /**
     * True if this call won the claim: it was free, or still 'claimed' under a lease that ran out by
     * `now`; false if someone (any process) has it.
     */
    async claim(k: ClaimKey, now: number, lease?: Lease): Promise<boolean> {
      return insert.run(k.job, k.subject, k.period, now, lease?.holder ?? null, lease?.until ?? null, now).changes === 1;
    },
    /** Record the outcome; false (nothing written) when `holder` no longer holds the claim, or it is finished. */
    async finish(
      k: ClaimKey, status: Exclude<ClaimStatus, 'claimed'>, now: number,
      extra: { detail?: string; channel?: string; ts?: string } = {}, holder: string | null = null,
    ): Promise<boolean> {
      return finish.run(status, extra.detail ?? null, extra.channel ?? null, extra.ts ?? null, now, k.job, k.subject, k.period, holder)
        .changes === 1;
    },
    /** Give back a claim that never sent anything, so a later pass may try again. */
    async release(k: ClaimKey): Promise<void> {
      release.run(k.job, k.subject, k.period);
    },
    async get(k: ClaimKey): Promise<Claim | undefined> {
      const r = get.get(k.job, k.subject, k.period);
      return r ? toClaim(r) : undefined;
    },
    async ofJob(job: string): Promise<Claim[]> {
      return byJob.all(job).map(toClaim);
    },
    /** Claims of a job made at or after `since` (epoch ms). */
    async ofJobSince(job: string, since: number): Promise<Claim[]> {
      return byJobSince.all(job, since).map(toClaim);
    },
    async latest(job: string, subject: string): Promise<Claim | undefined> {
      const r = latestForSubject.get(job, subject);
      return r ? toClaim(r) : undefined;
    },
  };
}

export type ClaimsStore = ReturnType<typeof claimsStore>;
