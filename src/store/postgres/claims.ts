// Once-only sends on PostgreSQL; mirrors src/store/claims.ts. The primary key (job, subject, period)
// is what makes a claim unique across every replica.
import type { Pg } from './db';
import type { Claim, ClaimStatus } from '../../core/model';
import type { ClaimKey, claimsStore } from '../claims';
import { toClaim, type ClaimRow } from '../claims';


export function pgClaimsStore({ pool }: Pg) {
  const list = async (sql: string, values: unknown[]) => (await pool.query<ClaimRow>(sql, values)).rows.map(toClaim);
  const store = {
    async claim(k: ClaimKey, now: number): Promise<boolean> {
      const r = await pool.query('INSERT INTO claims (job, subject, period, claimed_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [k.job, k.subject, k.period, now]);
      return r.rowCount === 1;
    },
    async finish(
      k: ClaimKey, status: Exclude<ClaimStatus, 'claimed'>, now: number,
      extra: { detail?: string; channel?: string; ts?: string } = {},
    ): Promise<void> {
      await pool.query('UPDATE claims SET status = $1, detail = $2, channel = $3, ts = $4, done_at = $5 WHERE job = $6 AND subject = $7 AND period = $8',
        [status, extra.detail ?? null, extra.channel ?? null, extra.ts ?? null, now, k.job, k.subject, k.period]);
    },
    async release(k: ClaimKey): Promise<void> {
      await pool.query("DELETE FROM claims WHERE job = $1 AND subject = $2 AND period = $3 AND status = 'claimed'", [k.job, k.subject, k.period]);
    },
    async get(k: ClaimKey): Promise<Claim | undefined> {
      const r = await pool.query<ClaimRow>('SELECT * FROM claims WHERE job = $1 AND subject = $2 AND period = $3', [k.job, k.subject, k.period]);
      return r.rows[0] ? toClaim(r.rows[0]) : undefined;
    },
    async ofJob(job: string): Promise<Claim[]> {
      return list('SELECT * FROM claims WHERE job = $1 ORDER BY claimed_at', [job]);
    },
    async ofJobSince(job: string, since: number): Promise<Claim[]> {
      return list('SELECT * FROM claims WHERE job = $1 AND claimed_at >= $2 ORDER BY claimed_at', [job, since]);
    },
    async latest(job: string, subject: string): Promise<Claim | undefined> {
      const r = await pool.query<ClaimRow>('SELECT * FROM claims WHERE job = $1 AND subject = $2 ORDER BY claimed_at DESC LIMIT 1', [job, subject]);
      return r.rows[0] ? toClaim(r.rows[0]) : undefined;
    },
  };
  return store satisfies ReturnType<typeof claimsStore>;
}
