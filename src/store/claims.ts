// Once-only sends: a (job, subject, period) row is claimed before anything goes out.
import type { Db } from './db';
import type { Claim, ClaimStatus } from '../core/model';
import type { ClaimKey } from '../core/records';

/** A row as both databases return it (shared with store/postgres/claims.ts). */
export interface ClaimRow {
  job: string; subject: string; period: string; status: ClaimStatus; detail: string | null;
  channel: string | null; ts: string | null; claimed_at: number; done_at: number | null;
}

export const toClaim = (r: ClaimRow): Claim => ({
  job: r.job, subject: r.subject, period: r.period, status: r.status, detail: r.detail, channel: r.channel,
  ts: r.ts, claimedAt: r.claimed_at, doneAt: r.done_at,
});

export type { ClaimKey } from '../core/records';

export function claimsStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO claims (job, subject, period, claimed_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const finish = db.prepare(
    'UPDATE claims SET status = ?, detail = ?, channel = ?, ts = ?, done_at = ? WHERE job = ? AND subject = ? AND period = ?');
  const get = db.prepare<[string, string, string], ClaimRow>(
    'SELECT * FROM claims WHERE job = ? AND subject = ? AND period = ?');
  const release = db.prepare("DELETE FROM claims WHERE job = ? AND subject = ? AND period = ? AND status = 'claimed'");
  const byJob = db.prepare<[string], ClaimRow>('SELECT * FROM claims WHERE job = ? ORDER BY claimed_at');
  const byJobSince = db.prepare<[string, number], ClaimRow>('SELECT * FROM claims WHERE job = ? AND claimed_at >= ? ORDER BY claimed_at');
  const latestForSubject = db.prepare<[string, string], ClaimRow>(
    'SELECT * FROM claims WHERE job = ? AND subject = ? ORDER BY claimed_at DESC LIMIT 1');

  return {
    /** True if this call won the claim; false if someone (any process) already has it. */
    async claim(k: ClaimKey, now: number): Promise<boolean> {
      return insert.run(k.job, k.subject, k.period, now).changes === 1;
    },
    async finish(
      k: ClaimKey, status: Exclude<ClaimStatus, 'claimed'>, now: number,
      extra: { detail?: string; channel?: string; ts?: string } = {},
    ): Promise<void> {
      finish.run(status, extra.detail ?? null, extra.channel ?? null, extra.ts ?? null, now, k.job, k.subject, k.period);
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
