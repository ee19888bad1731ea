import { escapeCommandText } from '../../sandbox/workspace';

const people = [
  { id: 'U100ADA', handles: ['ada', 'Ada'] },
  { id: 'U200MAR', handles: ['marta', 'Marta'] },
];

describe('command text as the sandbox sends it, the way Slack escapes it', () => {
  it.each([
    ['log 30m reply', 'log 30m reply'],
    ['budget @ada 3h', 'budget <@U100ADA|ada> 3h'],
    ['admin manager @Ada @marta', 'admin manager <@U100ADA|ada> <@U200MAR|marta>'],
    ['budget @nobody 3h', 'budget @nobody 3h'],
    ['log 20m https://x.com/a/1?b=2&c=3 nice', 'log 20m <https://x.com/a/1?b=2&amp;c=3> nice'],
    ['log 10m note with <b> & such', 'log 10m note with &lt;b&gt; &amp; such'],
    ['budget <@U100ADA|ada> 2h', 'budget <@U100ADA|ada> 2h'],
    ['log 5m <https://example.com|label>', 'log 5m <https://example.com|label>'],
    ['mail ada@example.com', 'mail ada@example.com'],
  ])('sends %j as %j', (typed, sent) => {
    expect(escapeCommandText(typed, people)).toBe(sent);
  });
});
