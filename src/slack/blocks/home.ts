// App Home: your week (stepping back through 8 weeks) with a "Log time" button, your recent entries,
// then sections that other features add by role.
import type { HomeView } from '@slack/types';
import type { Entry } from '../../core/model';
import type { ShownWeek } from '../../core/history';
import type { WeekModel } from '../../core/week';
import { ACTIONS, BLOCKS } from '../ids';
import { actions, button, context, divider, type KnownBlock } from './kit';
import { weekBlocks } from './week';
import { dayLabel } from './format';
import { homeEntryBlocks } from './entries';

/** Slack refuses a view of more than 100 blocks. */
const MAX_VIEW_BLOCKS = 100;

export interface HomeModel {
  week: WeekModel;
  /** Which week is shown and where the arrows lead; absent means the current week, no arrows. */
  shown?: ShownWeek;
  openAssignments?: string[];
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

export function homeView(m: HomeModel): HomeView {
  const current = m.shown?.current ?? true;
  const blocks: KnownBlock[] = [
    // No day of a finished week is today: none is highlighted.
    ...weekBlocks(current ? m.week : { ...m.week, today: '' }, {
      title: current ? 'Your week' : `Week of ${dayLabel(m.week.start)}`,
      // Open assignments are about now, not about an earlier week.
      openAssignments: current ? m.openAssignments : undefined,
    }),
  ];
  const nav = m.shown ? weekNav(m.shown) : null;
  if (nav) blocks.push(nav);
  blocks.push(
    actions([button('Log time', ACTIONS.openLogModal, 'home', 'primary')], 'home_actions'),
    context('Or type `/ballast log 30m reply` anywhere. `/ballast help` lists everything.'),
  );
  if (m.recent) blocks.push(divider(), ...homeEntryBlocks(m.recent));
  for (const s of m.sections ?? []) {
    if (blocks.length + s.length + 1 > MAX_VIEW_BLOCKS) break;
    blocks.push(divider(), ...s);
  }
  return { type: 'home', blocks };
}
