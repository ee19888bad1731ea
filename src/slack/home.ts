// Publishing App Home, the control centre: the person's week (or an earlier one) with the reason for
// its level, their open assignments with their buttons, their recent entries, their settings as
// controls, then whatever sections their roles add (team, assignment board, org totals).
import type { Person } from '../core/model';
import type { IsoDate } from '../core/types';
import { shownWeek } from '../core/history';
import { addDays, localDate } from '../core/time';
import type { Deps } from '../services/ports';
import { loadWeek } from '../services/week';
import { recentEntries } from '../services/entries';
import { homeView } from './blocks/home';
import { settingsBlocks } from './blocks/settings';
import { openAssignmentsOf } from '../services/assignments';
import type { KnownBlock } from './blocks/kit';
import { publishHomeWithChart } from './homeChart';

export interface HomeOptions {
  /** A day of the week to show (a button's value: held to the last 8 weeks); default the current week. */
  weekOf?: IsoDate | null;
  /** The index of the first report on the team section's page (its paging buttons). */
  teamStart?: number;
  /** Shown at the top, once (e.g. "that would put you over budget" with Accept anyway). */
  notice?: KnownBlock[];
}

/** A role-specific section of App Home (team, assignment board, org totals); null when it does not apply. */
export type HomeSection = (deps: Deps, person: Person, opts: HomeOptions) => Promise<KnownBlock[] | null>;

export async function publishHome(
  deps: Deps, person: Person, sections: readonly HomeSection[] = [], opts: HomeOptions = {},
): Promise<void> {
  // Read fresh: a setting just changed (from a DM or a modal) shows as it now is.
  const me = (await deps.store.people.get(person.id)) ?? person;
  const today = localDate(deps.clock.now(), me.tz);
  const shown = shownWeek(opts.weekOf, today);
  // A finished week is read as of its Sunday, as it stood when it ended.
  const week = await loadWeek(deps, me, shown.current ? today : addDays(shown.start, 6));
  const extra: KnownBlock[][] = [];
  for (const s of sections) {
    const blocks = await s(deps, me, opts);
    if (blocks?.length) extra.push(blocks);
  }
  const settings = settingsBlocks(me, await deps.store.settings.get(), today);
  // The level's reason comes with the week's own blocks (weekBlocks' level line).
  const view = homeView({
    week, shown, notice: opts.notice, zone: me.tz,
    assignments: await openAssignmentsOf(deps, me),
    recent: await recentEntries(deps, me),
    settings,
    sections: extra,
  });
  // The week's chart at the top of the week section, as a PNG (App Home takes no data_visualization).
  await publishHomeWithChart(deps, me, week, view);
}
