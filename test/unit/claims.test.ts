// When a claim stands and when its lease lets another pass take it over (core/claims.ts).
import { claimStands, isTakeable } from '../../src/core/claims';
import type { Claim, ClaimStatus } from '../../src/core/model';

const claim = (status: ClaimStatus, leaseUntil: number | null): Claim => ({
  job: 'checkin', subject: 'U1', period: '2026-11-26', status, detail: null, channel: null, ts: null,
  claimedAt: 0, doneAt: null, holder: leaseUntil === null ? null : 'h#1', leaseUntil, attempts: 1,
});

describe('isTakeable and claimStands', () => {
  it.each([
    ['claimed, inside its lease', claim('claimed', 100), 99, false],
    ['claimed, at the end of its lease', claim('claimed', 100), 100, true],
    ['claimed, past its lease', claim('claimed', 100), 5000, true],
    ['claimed without a lease', claim('claimed', null), 1e15, false],
    ['sent, lease long over', claim('sent', 100), 5000, false],
    ['failed, lease long over', claim('failed', 100), 5000, false],
    ['skipped, lease long over', claim('skipped', 100), 5000, false],
  ])('%s: takeable %#', (_what, c, now, takeable) => {
    expect(isTakeable(c, now)).toBe(takeable);
    expect(claimStands(c, now)).toBe(!takeable);
  });

  it('says nothing stands when there is no claim', () => {
    expect(claimStands(undefined, 0)).toBe(false);
  });
});
