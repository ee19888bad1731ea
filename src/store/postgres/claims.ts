// Once-only sends on PostgreSQL; mirrors src/store/claims.ts. The primary key (job, subject, period)
// is what makes a claim unique across every replica.
import type { Pg } from './db';
import type { Claim, ClaimStatus } from '../../core/model';
import type { ClaimKey, claimsStore, Lease } from '../claims';
import { CLAIM_SQL, toClaim, type ClaimRow } from '../claims';

const CLAIM = CLAIM_SQL((n) => `$${n}`);

export function pgClaimsStore({ pool }: Pg) {
  const list = async (sql: string, values: unknown[]) => (await pool.query<ClaimRow>(sql, values)).rows.map(toClaim);
  const store = {
    // INSERT … ON CONFLICT DO UPDATE … WHERE locks the row it conflicts with and checks the condition
    // on its latest version, so of several replicas taking over one expired lease exactly one wins.
    async claim(k: ClaimKey, now: number, lease?: Lease): Promise<boolean> {
      const r = await pool.query(CLAIM, [k.job, k.subject, k.period, now, lease?.holder ?? null, lease?.until ?? null, now]);
      return r.rowCount === 1;
    },
    async finish(
      k: ClaimKey, status: Exclude<ClaimStatus, 'claimed'>, now: number,
      extra: { detail?: string; channel?: string; ts?: string } = {}, holder: string | null = null,
    ): Promise<boolean> {
      const r = await pool.query(
        `UPDATE claims SET status = $1, detail = $2, channel = $3, ts = $4, done_at = $5
         WHERE job = $6 AND subject = $7 AND period = $8 AND status = 'claimed' AND holder IS NOT DISTINCT FROM $9`,
        [status, extra.detail ?? null, extra.channel ?? null, extra.ts ?? null, now, k.job, k.subject, k.period, holder]);
      return r.rowCount === 1;
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
