// App Home: your week with a "Log time" button, then sections that other features add by role.
import type { HomeView } from '@slack/types';
import type { WeekModel } from '../../core/week';
import { ACTIONS } from '../ids';
import { actions, button, context, divider, type KnownBlock } from './kit';
import { weekBlocks } from './week';

export interface HomeModel {
  week: WeekModel;
  openAssignments?: string[];
  /** Further sections (team, assignment board, org totals), already rendered, in order. */
  sections?: KnownBlock[][];
}

export function homeView(m: HomeModel): HomeView {
  const blocks: KnownBlock[] = [
    ...weekBlocks(m.week, { title: 'Your week', openAssignments: m.openAssignments }),
    actions([button('Log time', ACTIONS.openLogModal, 'home', 'primary')], 'home_actions'),
    context('Or type `/ballast log 30m reply` anywhere. `/ballast help` lists everything.'),
  ];
  for (const s of m.sections ?? []) {
    if (blocks.length + s.length + 1 > 100) break;
    blocks.push(divider(), ...s);
  }
  return { type: 'home', blocks };
}
