import { quoteMrkdwn, quoteText } from '../../src/core/slackText';
import { instantFor } from '../../src/slack/blocks/format';
import { assigneeMessage, leadParent, leadZones } from '../../src/slack/blocks/assignment';
import type { Assignment } from '../../src/core/model';

// Wed 9 Dec 2026 16:00 UTC: 17:00 in Berlin, 08:00 in Los Angeles.
const DUE = Date.parse('2026-12-09T16:00:00Z');

describe('quotes drawn as quotes', () => {
  it.each([
    ['>brief', '> brief'],
    ['> two\n> lines', '> two\n> lines'],
    ['plain & <b>', '> plain &amp; &lt;b&gt;'],
    ['>a\nb', '> a\n> b'],
  ])('draws %p as %p', (input, expected) => {
    expect(quoteText(input)).toBe(expected);
  });

  it('takes a message line Slack sent as &gt; as a quote mark, keeping its markup', () => {
    expect(quoteMrkdwn('&gt; said <@U1>\nok &amp; done')).toBe('> said <@U1>\n> ok &amp; done');
  });
});

describe('times in the reader’s zone, the other’s named when it differs', () => {
  it('names the writer’s zone for the reader', () => {
    expect(instantFor(DUE, 'Europe/Berlin', 'America/Los_Angeles')).toBe('Wed 9 Dec, 17:00 your time (08:00 in Los Angeles)');
  });
  it('says nothing more when both clocks agree', () => {
    expect(instantFor(DUE, 'Europe/Berlin', 'Europe/Paris')).toBe('Wed 9 Dec, 17:00');
  });
  it('gives the other’s whole date when it differs', () => {
    expect(instantFor(Date.parse('2026-12-09T06:00:00Z'), 'Europe/Berlin', 'America/Los_Angeles')).toBe('Wed 9 Dec, 07:00 your time (Tue 8 Dec, 22:00 in Los Angeles)');
  });

  const a = {
    id: 1, leadId: 'ULEAD', assigneeId: 'UADA', link: 'https://x.com/t/1', brief: '>Reply kindly', estimateMinutes: 15,
    dueAt: DUE, state: 'offered',
  } as unknown as Assignment;

  it('shows the advocate in Berlin the due time in Berlin, with the lead’s Los Angeles time, and the brief as a quote', () => {
    const m = JSON.stringify(assigneeMessage(a, { zone: { reader: 'Europe/Berlin', other: 'America/Los_Angeles' } }).blocks);
    expect(m).toContain('Wed 9 Dec, 17:00 your time (08:00 in Los Angeles)');
    expect(m).toContain('"> Reply kindly"');
  });

  it('names the advocate’s zone in the lead’s own copy', () => {
    const m = JSON.stringify(leadParent(a, leadZones(a, 'America/Los_Angeles', 'Europe/Berlin')).blocks);
    expect(m).toContain('Wed 9 Dec, 08:00 your time (17:00 for <@UADA> in Berlin)');
    expect(m).toContain('> Reply kindly');
  });
});
