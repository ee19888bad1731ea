// App Home: your week (stepping back through 8 weeks) with a "Log time" button, your recent entries,
// then sections that other features add by role.
import type { HomeView } from '@slack/types';
import type { Assignment, Entry } from '../../core/model';
import type { ShownWeek } from '../../core/history';
import type { WeekModel } from '../../core/week';
import { ACTIONS, BLOCKS } from '../ids';
import { actions, button, context, divider, section, type KnownBlock } from './kit';
import { weekBlocks } from './week';
import { dayLabel, instantLabel } from './format';
import { homeEntryBlocks } from './entries';
import { STATE_LABEL, linkText } from './assignment';

/** Slack refuses a view of more than 100 blocks. */
export const MAX_VIEW_BLOCKS = 100;
/** Open assignments listed with their buttons; the rest are counted. */
export const HOME_ASSIGNMENTS = 5;

export interface HomeModel {
  week: WeekModel;
  /** Which week is shown and where the arrows lead; absent means the current week, no arrows. */
  shown?: ShownWeek;
  /** The person's open assignments, each shown with Accept (offered) or Done (accepted). */
  assignments?: Assignment[];
  /** The reader's zone, for due times. */
  zone?: string;
  /** A notice at the top (e.g. an accept that would go over budget), already rendered. */
  notice?: KnownBlock[];
  /** The person's settings as controls, already rendered. */
  settings?: KnownBlock[];
  /** The person's entries of the last 14 days, newest first. */
  recent?: Entry[];
  /** Further sections (team, assignment board, org totals), already rendered, in order. */
  sections?: KnownBlock[][];
}

/** "← Earlier week" / "Later week →", each carrying the Monday it leads to. */
export function weekNav(shown: ShownWeek): KnownBlock | null {
  const buttons = [];
  if (shown.earlier) buttons.push(button('← Earlier week', ACTIONS.homeWeekEarlier, shown.earlier));
  if (shown.later) buttons.push(button('Later week →', ACTIONS.homeWeekLater, shown.later));
  return buttons.length ? actions(buttons, BLOCKS.homeWeekNav) : null;
}

/** Open assignments, each with the one button that moves it on: Accept an offer, Done when accepted. */
export function homeAssignmentBlocks(list: readonly Assignment[], zone: string, max = HOME_ASSIGNMENTS): KnownBlock[] {
  if (list.length === 0) return [];
  const blocks: KnownBlock[] = [section('*Your open assignments*', { blockId: BLOCKS.homeAssignments })];
  for (const a of list.slice(0, max)) {
    const line = `${linkText(a.link)} from <@${a.leadId}>: ${STATE_LABEL[a.state]}, due ${instantLabel(a.dueAt, zone)}`;
    const next = a.state === 'offered'
      ? button('Accept', ACTIONS.homeAssignAccept, String(a.id), 'primary')
      : button('Done', ACTIONS.assignDone, String(a.id), 'primary');
    blocks.push(section(line, { accessory: next }));
  }
  blocks.push(context(list.length > max
    ? `…and ${list.length - max} more: \`/ballast assignments\` lists them all. Decline from the offer's DM.`
    : 'Decline from the offer\'s DM; `/ballast assignments` lists every assignment.'));
  return blocks;
}

export function homeView(m: HomeModel): HomeView {
  const current = m.shown?.current ?? true;
  const blocks: KnownBlock[] = [
    ...(m.notice ?? []),
    // No day of a finished week is today: none is highlighted.
    ...weekBlocks(current ? m.week : { ...m.week, today: '' }, {
      title: current ? 'Your week' : `Week of ${dayLabel(m.week.start)}`,
    }),
  ];
  const nav = m.shown ? weekNav(m.shown) : null;
  if (nav) blocks.push(nav);
  blocks.push(
    actions([button('Log time', ACTIONS.openLogModal, 'home', 'primary')], 'home_actions'),
    context('Or type `/ballast log 30m reply` anywhere. `/ballast help` lists everything.'),
  );
  // Open assignments are about now, not about an earlier week.
  const assignments = current ? homeAssignmentBlocks(m.assignments ?? [], m.zone ?? 'UTC') : [];
  if (assignments.length) blocks.push(divider(), ...assignments);
  if (m.recent) blocks.push(divider(), ...homeEntryBlocks(m.recent));
  if (m.settings?.length) blocks.push(divider(), ...m.settings);
  for (const s of m.sections ?? []) {
    if (blocks.length + s.length + 1 > MAX_VIEW_BLOCKS) break;
    blocks.push(divider(), ...s);
  }
  return { type: 'home', blocks };
}
