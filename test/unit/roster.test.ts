import { parseCsv } from '../../src/core/csv';
import { checkReportingLines, cycleThrough, parseRoster, reportingLineProblem } from '../../src/core/roster';

function rows(text: string) {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.message);
  return parseRoster(r.records);
}

describe('parseRoster', () => {
  it('reads ids, emails, hours, budgets as durations or minutes, and roles; skips the header', () => {
    const { lines, errors } = rows(
      'person,manager,weekly_hours,budget,role\nU100ADA,sam@example.com,32,3h,lead\nbo@example.com,,,,\nU100CY,U100ADA,20,90,ADMIN\n',
    );
    expect(errors).toEqual([]);
    expect(lines).toEqual([
      { line: 2, person: { kind: 'id', id: 'U100ADA' }, manager: { kind: 'email', email: 'sam@example.com' }, weeklyHours: 32, budgetMinutes: 180, role: 'lead' },
      { line: 3, person: { kind: 'email', email: 'bo@example.com' }, manager: null, weeklyHours: 40, budgetMinutes: null, role: 'none' },
      { line: 4, person: { kind: 'id', id: 'U100CY' }, manager: { kind: 'id', id: 'U100ADA' }, weeklyHours: 20, budgetMinutes: 90, role: 'admin' },
    ]);
  });

  it.each<[string, string, RegExp]>([
    ['too few columns', 'U100ADA,U100SAM,40', /expected 5 columns.*found 3/],
    ['too many columns', 'U100ADA,U100SAM,40,,,extra', /expected 5 columns.*found 6/],
    ['a person that is neither id nor email', 'ada,U100SAM,40,,', /person "ada" is neither/],
    ['a manager that is neither id nor email', 'U100ADA,@sam,40,,', /manager "@sam" is neither/],
    ['hours of zero', 'U100ADA,,0,,', /weekly hours "0" must be a number from 1 to 80/],
    ['hours over 80', 'U100ADA,,81,,', /weekly hours "81"/],
    ['hours that are not a number', 'U100ADA,,forty,,', /weekly hours "forty"/],
    ['negative hours', 'U100ADA,,-5,,', /weekly hours "-5"/],
    ['a budget under 15 minutes', 'U100ADA,,40,10,', /budget "10" must be a duration/],
    ['a budget over 40 hours', 'U100ADA,,40,41h,', /budget "41h"/],
    ['a budget that is not a duration', 'U100ADA,,40,lots,', /budget "lots"/],
    ['an unknown role', 'U100ADA,,40,,boss', /role "boss" must be lead, admin, none/],
  ])('refuses %s, naming the line', (_name, line, message) => {
    const { lines, errors } = rows(`person,manager,weekly_hours,budget,role\n${line}\n`);
    expect(lines).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(2);
    expect(errors[0].message).toMatch(message);
  });

  it('refuses the same person twice, pointing at the first line', () => {
    const { errors } = rows('U100ADA,,40,,\nU100BO,,40,,\nU100ADA,,20,,\n');
    expect(errors).toEqual([{ line: 3, message: expect.stringMatching(/already appears on line 1/) }]);
  });

  it('reports every bad line, not just the first', () => {
    const { errors } = rows('U100ADA,,0,,\nU100BO,,40,,\nbad,,40,,\n');
    expect(errors.map((e) => e.line)).toEqual([1, 3]);
  });
});

describe('reporting lines', () => {
  const existing = new Map<string, string | null>([
    ['A', null], ['B', 'A'], ['C', 'B'], ['D', 'C'],
  ]);

  it.each<[string, string, string, string | null]>([
    ['a new line under the top', 'E', 'A', null],
    ['moving someone sideways', 'D', 'B', null],
    ['oneself as manager', 'A', 'A', 'someone cannot be their own manager'],
    ['a two-person loop', 'A', 'B', 'that would make a loop of managers: A → B → A'],
    ['a long loop', 'A', 'D', 'that would make a loop of managers: A → D → C → B → A'],
  ])('judges %s', (_name, employee, manager, problem) => {
    expect(reportingLineProblem(employee, manager, existing)).toBe(problem);
  });

  it('finds loops that only the whole file closes, wherever they start', () => {
    const errors = checkReportingLines(new Map([['X', null], ['Y', null]]), [
      { line: 2, personId: 'X', managerId: 'Y' },
      { line: 3, personId: 'Y', managerId: 'X' },
    ]);
    expect(errors).toEqual([
      { line: 2, message: 'a loop of managers: X → Y → X' },
      { line: 3, message: 'a loop of managers: Y → X → Y' },
    ]);
  });

  it('finds a loop the file closes through people it does not list', () => {
    const errors = checkReportingLines(existing, [{ line: 7, personId: 'A', managerId: 'C' }]);
    expect(errors).toEqual([{ line: 7, message: 'a loop of managers: A → C → B → A' }]);
  });

  it('refuses a self-manager in a file', () => {
    expect(checkReportingLines(existing, [{ line: 4, personId: 'B', managerId: 'B' }])).toEqual([
      { line: 4, message: 'B cannot be their own manager' },
    ]);
  });

  it('stops at a loop above someone without hanging', () => {
    expect(cycleThrough('Z', new Map([['Z', 'P'], ['P', 'Q'], ['Q', 'P']]))).toBeNull();
  });
});
