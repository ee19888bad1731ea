// Admin replies: org settings, reporting lines and roles.
import type { OrgSettings } from '../../core/settings';
import type { IsoDate } from '../../core/types';
import { context, escape, header, section, type KnownBlock } from './kit';
import type { Reply } from './replies';

const DAY = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function settingsLines(s: OrgSettings, holidays: IsoDate[]): string[] {
  return [
    `*budget_percent*: ${s.budgetPercent}% of contracted hours`,
    `*checkin_time*: ${s.checkinTime}`,
    `*quiet_hours*: DMs only ${s.quietStart}-${s.quietEnd}`,
    `*digest_day*: ${DAY[s.digestDay] ?? s.digestDay}`,
    `*digest_time*: ${s.digestTime}`,
    `*holidays*: ${holidays.length ? holidays.join(', ') : 'none'}`,
    `*hourly_cost*: ${s.hourlyCost === null ? 'not set' : `${s.hourlyCost} ${escape(s.currency)}`}`,
    `*currency*: ${escape(s.currency)}`,
    `*manager_alerts*: ${s.managerAlerts ? 'on' : 'off'}`,
    `*min_group_size*: ${s.minGroupSize}`,
    `*retention_days*: ${s.retentionDays} (many workspaces: how long an uninstalled workspace's data is kept)`,
  ];
}

export function settingsReply(s: OrgSettings, holidays: IsoDate[], note?: string): Reply {
  const blocks: KnownBlock[] = [
    header('Org settings'),
    ...(note ? [section(`:white_check_mark: ${escape(note)}`)] : []),
    section(settingsLines(s, holidays).join('\n')),
    context('Change one with `/ballast admin settings <key> <value>`, e.g. `quiet_hours 08:00-19:00`, `holidays add 2026-12-24`, `hourly_cost 55 EUR`.'),
  ];
  return { text: `${note ? `${note} ` : ''}Org settings: ${settingsLines(s, holidays).map((l) => l.replace(/\*/g, '')).join('; ')}`, blocks };
}
