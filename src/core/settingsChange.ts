// An admin's `/ballast admin settings <key> <value>`: validated into one change, or refused with an example.
import type { OrgSettings } from './settings';
import type { IsoDate } from './types';
import { isIsoDate, parseHHMM, weekdayFromName } from './time';

export const SETTING_KEYS = [
  'budget_percent', 'checkin_time', 'quiet_hours', 'digest_day', 'digest_time', 'holidays', 'hourly_cost',
  'currency', 'manager_alerts', 'min_group_size', 'retention_days',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** Below three, a "team figure" of strain answers would point at individuals. */
export const MIN_GROUP_FLOOR = 3;

export type SettingChange =
  | { kind: 'settings'; patch: Partial<OrgSettings> }
  | { kind: 'holiday'; action: 'add' | 'remove'; date: IsoDate };

export type SettingResult = { ok: true; change: SettingChange } | { ok: false; message: string; example: string };

const EXAMPLES: Record<SettingKey, string> = {
  budget_percent: '/ballast admin settings budget_percent 10',
  checkin_time: '/ballast admin settings checkin_time 16:30',
  quiet_hours: '/ballast admin settings quiet_hours 08:00-19:00',
  digest_day: '/ballast admin settings digest_day monday',
  digest_time: '/ballast admin settings digest_time 09:00',
  holidays: '/ballast admin settings holidays add 2026-12-24',
  hourly_cost: '/ballast admin settings hourly_cost 55 EUR',
  currency: '/ballast admin settings currency EUR',
  manager_alerts: '/ballast admin settings manager_alerts off',
  min_group_size: '/ballast admin settings min_group_size 5',
  retention_days: '/ballast admin settings retention_days 30',
};

/** How long an uninstalled workspace's data may be kept (days): a year at most, a day at least. */
export const RETENTION_DAYS = { min: 1, max: 365 } as const;

const CURRENCY = /^[A-Z]{3}$/;

function refuse(key: SettingKey, message: string): SettingResult {
  return { ok: false, message, example: EXAMPLES[key] };
}

function settings(patch: Partial<OrgSettings>): SettingResult {
  return { ok: true, change: { kind: 'settings', patch } };
}

function onOff(v: string): boolean | null {
  const s = v.toLowerCase();
  if (['on', 'yes', 'true'].includes(s)) return true;
  if (['off', 'no', 'false'].includes(s)) return false;
  return null;
}

export function parseSettingChange(rawKey: string, rawValue: string): SettingResult {
  const key = rawKey.toLowerCase().replace(/-/g, '_') as SettingKey;
  const value = rawValue.trim();
  if (!SETTING_KEYS.includes(key)) {
    return { ok: false, message: `"${rawKey}" is not a setting. Settings: ${SETTING_KEYS.join(', ')}.`, example: EXAMPLES.budget_percent };
  }
  switch (key) {
    case 'budget_percent': {
      const n = Number(value);
      if (!/^\d+(\.\d+)?$/.test(value) || n < 1 || n > 50) return refuse(key, 'The budget percent is a number from 1 to 50 (percent of contracted hours).');
      return settings({ budgetPercent: n });
    }
    case 'checkin_time':
    case 'digest_time': {
      const t = parseHHMM(value);
      if (t === null) return refuse(key, `"${value}" is not a time; use 24-hour HH:MM.`);
      return settings(key === 'checkin_time' ? { checkinTime: t } : { digestTime: t });
    }
    case 'quiet_hours': {
      const m = /^(\S+)\s*-\s*(\S+)$/.exec(value);
      const start = m ? parseHHMM(m[1]) : null;
      const end = m ? parseHHMM(m[2]) : null;
      if (start === null || end === null) return refuse(key, 'Give the hours Ballast may send DMs as HH:MM-HH:MM.');
      if (start >= end) return refuse(key, 'The start of the allowed hours must be before their end, on the same day.');
      return settings({ quietStart: start, quietEnd: end });
    }
    case 'digest_day': {
      const d = weekdayFromName(value);
      if (d === null) return refuse(key, `"${value}" is not a weekday.`);
      return settings({ digestDay: d });
    }
    case 'holidays': {
      const m = /^(add|remove)\s+(\S+)$/i.exec(value);
      if (!m) return refuse(key, 'Say add or remove, then the date as YYYY-MM-DD.');
      if (!isIsoDate(m[2])) return refuse(key, `"${m[2]}" is not a date; use YYYY-MM-DD.`);
      return { ok: true, change: { kind: 'holiday', action: m[1].toLowerCase() as 'add' | 'remove', date: m[2] } };
    }
    case 'hourly_cost': {
      if (['off', 'none'].includes(value.toLowerCase())) return settings({ hourlyCost: null });
      const m = /^(\d+(?:\.\d{1,2})?)(?:\s+([A-Za-z]{3}))?$/.exec(value);
      if (!m || Number(m[1]) <= 0 || Number(m[1]) > 100000) {
        return refuse(key, 'The hourly cost is a positive amount with up to two decimals, optionally followed by a currency code, or off.');
      }
      return settings({ hourlyCost: Number(m[1]), ...(m[2] ? { currency: m[2].toUpperCase() } : {}) });
    }
    case 'currency': {
      if (!CURRENCY.test(value.toUpperCase()) || value.length !== 3) return refuse(key, 'A currency is a three-letter code such as EUR or USD.');
      return settings({ currency: value.toUpperCase() });
    }
    case 'manager_alerts': {
      const on = onOff(value);
      if (on === null) return refuse(key, 'Manager alerts are on or off.');
      return settings({ managerAlerts: on });
    }
    case 'min_group_size': {
      const n = Number(value);
      if (!/^\d+$/.test(value) || n < MIN_GROUP_FLOOR || n > 100) {
        return refuse(key, `The minimum group size is a whole number from ${MIN_GROUP_FLOOR} to 100; smaller groups would reveal individuals.`);
      }
      return settings({ minGroupSize: n });
    }
    case 'retention_days': {
      const n = Number(value);
      if (!/^\d+$/.test(value) || n < RETENTION_DAYS.min || n > RETENTION_DAYS.max) {
        return refuse(key, `Keep an uninstalled workspace's data for a whole number of days from ${RETENTION_DAYS.min} to ${RETENTION_DAYS.max}.`);
      }
      return settings({ retentionDays: n });
    }
  }
}
