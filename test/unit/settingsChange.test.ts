import { parseSettingChange } from '../../src/core/settingsChange';

describe('parseSettingChange', () => {
  it.each<[string, string, unknown]>([
    ['budget_percent', '10', { kind: 'settings', patch: { budgetPercent: 10 } }],
    ['budget_percent', '12.5', { kind: 'settings', patch: { budgetPercent: 12.5 } }],
    ['budget-percent', '1', { kind: 'settings', patch: { budgetPercent: 1 } }],
    ['budget_percent', '50', { kind: 'settings', patch: { budgetPercent: 50 } }],
    ['checkin_time', '9:05', { kind: 'settings', patch: { checkinTime: '09:05' } }],
    ['quiet_hours', '08:00-19:00', { kind: 'settings', patch: { quietStart: '08:00', quietEnd: '19:00' } }],
    ['quiet_hours', '7:30 - 18:00', { kind: 'settings', patch: { quietStart: '07:30', quietEnd: '18:00' } }],
    ['digest_day', 'tuesday', { kind: 'settings', patch: { digestDay: 2 } }],
    ['digest_day', 'Mon', { kind: 'settings', patch: { digestDay: 1 } }],
    ['digest_time', '10:30', { kind: 'settings', patch: { digestTime: '10:30' } }],
    ['holidays', 'add 2026-12-24', { kind: 'holiday', action: 'add', date: '2026-12-24' }],
    ['holidays', 'REMOVE 2026-12-24', { kind: 'holiday', action: 'remove', date: '2026-12-24' }],
    ['hourly_cost', '55', { kind: 'settings', patch: { hourlyCost: 55 } }],
    ['hourly_cost', '55.50 eur', { kind: 'settings', patch: { hourlyCost: 55.5, currency: 'EUR' } }],
    ['hourly_cost', 'off', { kind: 'settings', patch: { hourlyCost: null } }],
    ['currency', 'gbp', { kind: 'settings', patch: { currency: 'GBP' } }],
    ['manager_alerts', 'off', { kind: 'settings', patch: { managerAlerts: false } }],
    ['manager_alerts', 'on', { kind: 'settings', patch: { managerAlerts: true } }],
    ['min_group_size', '3', { kind: 'settings', patch: { minGroupSize: 3 } }],
    ['min_group_size', '100', { kind: 'settings', patch: { minGroupSize: 100 } }],
  ])('accepts %s %j', (key, value, change) => {
    expect(parseSettingChange(key, value)).toEqual({ ok: true, change });
  });

  it.each<[string, string, RegExp]>([
    ['colour', 'blue', /"colour" is not a setting/],
    ['budget_percent', '0', /1 to 50/],
    ['budget_percent', '51', /1 to 50/],
    ['budget_percent', 'ten', /1 to 50/],
    ['checkin_time', '25:00', /not a time/],
    ['digest_time', 'noon', /not a time/],
    ['quiet_hours', '08:00', /HH:MM-HH:MM/],
    ['quiet_hours', '19:00-08:00', /before their end/],
    ['quiet_hours', '08:00-08:00', /before their end/],
    ['digest_day', 'someday', /not a weekday/],
    ['holidays', '2026-12-24', /add or remove/],
    ['holidays', 'add 2026-02-30', /not a date/],
    ['holidays', 'add tomorrow', /not a date/],
    ['hourly_cost', '-5', /positive amount/],
    ['hourly_cost', '0', /positive amount/],
    ['hourly_cost', '12.345', /positive amount/],
    ['hourly_cost', '50 euros', /positive amount/],
    ['currency', 'EURO', /three-letter/],
    ['manager_alerts', 'maybe', /on or off/],
    ['min_group_size', '2', /3 to 100/],
    ['min_group_size', '4.5', /3 to 100/],
  ])('refuses %s %j with an example', (key, value, message) => {
    const r = parseSettingChange(key, value);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(message);
      expect(r.example).toMatch(/^\/ballast admin settings /);
    }
  });
});
