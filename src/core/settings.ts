// Org settings: their defaults, and the validation of an admin's change.
import type { HHMM, IsoDate } from './types';

export interface OrgSettings {
  budgetPercent: number;
  checkinTime: HHMM;
  quietStart: HHMM;
  quietEnd: HHMM;
  /** ISO weekday of the manager digest, 1 = Monday. */
  digestDay: number;
  digestTime: HHMM;
  /** Money per hour of an employee's time, for the admin's cost report; null = not set. */
  hourlyCost: number | null;
  currency: string;
  managerAlerts: boolean;
  minGroupSize: number;
  /** Many-workspace mode: days an uninstalled tenant's data is kept, so a reinstall resumes; then it is deleted. */
  retentionDays: number;
}

export const DEFAULT_SETTINGS: OrgSettings = {
  budgetPercent: 10,
  checkinTime: '16:30',
  quietStart: '08:00',
  quietEnd: '19:00',
  digestDay: 1,
  digestTime: '09:00',
  hourlyCost: null,
  currency: 'USD',
  managerAlerts: true,
  minGroupSize: 5,
  retentionDays: 30,
};

export type SettingsRow = Partial<Record<keyof OrgSettings, unknown>>;

/** Stored values over the defaults; anything malformed in storage falls back to the default. */
export function withDefaults(stored: SettingsRow): OrgSettings {
  const out: OrgSettings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof OrgSettings)[]) {
    const v = stored[key];
    if (v === undefined) continue;
    const def = DEFAULT_SETTINGS[key];
    if (key === 'hourlyCost' ? v === null || typeof v === 'number' : typeof v === typeof def) {
      (out as unknown as Record<string, unknown>)[key] = v;
    }
  }
  return out;
}

export type Holidays = ReadonlySet<IsoDate>;
