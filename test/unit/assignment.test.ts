import { dueProblem, estimateProblem, linkProblem, reminderAt } from '../../src/core/assignment';
import { parseDueText } from '../../src/core/grammar';
import { decodeOffer, decodeReassign, encodeOffer, encodeReassign } from '../../src/slack/blocks/assignment';

const H = 60 * 60_000;

describe('linkProblem', () => {
  it.each<[string, boolean]>([
    ['https://www.linkedin.com/feed/update/urn:li:activity:123', true],
    ['http://forum.example.com/t/42', true],
    ['HTTPS://X.COM/acme/status/1', true],
    ['ftp://example.com/file', false],
    ['javascript:alert(1)', false],
    ['www.example.com', false],
    ['', false],
    ['https://', false],
    [`https://example.com/${'a'.repeat(1000)}`, false],
    [`https://example.com/${'a'.repeat(900)}`, true],
  ])('%s is acceptable: %s', (link, fine) => {
    expect(linkProblem(link) === null).toBe(fine);
  });

  it('says how long a long link is and what the limit is', () => {
    expect(linkProblem(`https://example.com/${'a'.repeat(1200)}`)).toMatch(/1220 characters.*at most 1000/);
  });
});

describe('estimates and due times', () => {
  it.each<[number, boolean]>([[1, true], [15, true], [720, true], [0, false], [721, false], [1.5, false]])(
    'an estimate of %s minutes is acceptable: %s', (m, fine) => expect(estimateProblem(m) === null).toBe(fine));

  const now = Date.parse('2026-11-26T10:00:00Z');
  it.each<[number, boolean]>([[now + 1, true], [now, false], [now - H, false], [now + 30 * 24 * H, true], [now + 30 * 24 * H + 1, false]])(
    'due at %i is acceptable: %s', (due, fine) => expect(dueProblem(due, now) === null).toBe(fine));
});

describe('parseDueText (the modal\'s due field)', () => {
  const ctx = { nowMs: Date.parse('2026-11-26T10:00:00Z'), zone: 'Europe/Berlin' };
  it.each<[string, string]>([
    ['2h', '2026-11-26T12:00:00.000Z'],
    ['tomorrow', '2026-11-27T16:00:00.000Z'],
    ['friday', '2026-11-27T16:00:00.000Z'],
    ['2026-12-01 10:00', '2026-12-01T09:00:00.000Z'],
    ['16:30', '2026-11-26T15:30:00.000Z'],
  ])('reads %s in the lead\'s zone', (text, iso) => {
    const r = parseDueText(text, ctx);
    expect(r.ok && new Date(r.dueMs).toISOString()).toBe(iso);
  });
  it.each(['yesterday', '2020-01-01', 'soonish', '2h please', '2027-06-01'])('refuses %s with a reason', (text) => {
    const r = parseDueText(text, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.length).toBeGreaterThan(10);
  });
});

describe('reminderAt', () => {
  const due = Date.parse('2026-11-26T17:00:00Z');
  it.each<[string, 'offered' | 'accepted' | 'done' | 'declined' | 'expired', number, string | null]>([
    ['nothing two hours before', 'offered', due - 2 * H, null],
    ['nothing a minute before the hour', 'offered', due - H - 60_000, null],
    ['the reminder exactly an hour before', 'offered', due - H, 'remind'],
    ['the reminder for an accepted one too', 'accepted', due - 30 * 60_000, 'remind'],
    ['the lead at due', 'accepted', due, 'due'],
    ['still the lead 23 hours after due', 'offered', due + 23 * H, 'due'],
    ['expiry 24 hours after due', 'offered', due + 24 * H, 'expire'],
    ['expiry long after, not a late reminder', 'accepted', due + 72 * H, 'expire'],
    ['nothing for done', 'done', due - 30 * 60_000, null],
    ['nothing for declined', 'declined', due + 25 * H, null],
    ['nothing for expired', 'expired', due + 25 * H, null],
  ])('%s', (_name, state, at, expected) => {
    expect(reminderAt({ state, dueAt: due }, at)).toBe(expected);
  });
});

describe('button values', () => {
  it('carries a whole offer, a 1000-character link and a 500-character brief with pipes, inside 2000 characters', () => {
    const offer = { to: 'U123ABC', estimate: 20, dueMs: 1795000000000, link: `https://x.com/${'a|'.repeat(493)}`, brief: `say | "hi"\n${'é'.repeat(488)}` };
    const value = encodeOffer(offer);
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(decodeOffer(value)).toEqual(offer);
  });
  it('carries an offer without a brief', () => {
    const offer = { to: 'U123ABC', estimate: 15, dueMs: 1795000000000, link: 'https://x.com/a', brief: null };
    expect(decodeOffer(encodeOffer(offer))).toEqual(offer);
  });
  it.each(['', 'v2|U1|1|1|1|x', 'v1|nobody|15|1|5|https', 'v1|U123ABC|15|1|99|https://x'])('refuses the tampered value %j', (v) => {
    expect(decodeOffer(v)).toBeNull();
  });
  it('round-trips a reassign value and refuses garbage', () => {
    expect(decodeReassign(encodeReassign(42, 'U200BEN'))).toEqual({ assignmentId: 42, to: 'U200BEN' });
    expect(decodeReassign('42|bob')).toBeNull();
  });
});
