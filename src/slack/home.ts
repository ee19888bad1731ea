// Publishing App Home: the person's week (or an earlier one), their recent entries, then whatever
// sections their roles add.
import type { Person } from '../core/model';
import type { IsoDate } from '../core/types';
import { shownWeek } from '../core/history';
import { addDays, localDate } from '../core/time';
import type { Deps } from '../services/ports';
import { loadWeek } from '../services/week';
import { recentEntries } from '../services/entries';
import { homeView } from './blocks/home';
import { openAssignmentLines } from './blocks/assignment';
import { openAssignmentsOf } from '../services/assignments';
import type { KnownBlock } from './blocks/kit';
import { withHomeChart } from './homeChart';

/** A role-specific section of App Home (team, assignment board, org totals); null when it does not apply. */
export type HomeSection = (deps: Deps, person: Person) => Promise<KnownBlock[] | null>;

export interface HomeOptions {
  /** A day of the week to show (a button's value: held to the last 8 weeks); default the current week. */
  weekOf?: IsoDate | null;
}

export async function publishHome(
  deps: Deps, person: Person, sections: readonly HomeSection[] = [], opts: HomeOptions = {},
): Promise<void> {
  const today = localDate(deps.clock.now(), person.tz);
  const shown = shownWeek(opts.weekOf, today);
  // A finished week is read as of its Sunday, as it stood when it ended.
  const week = await loadWeek(deps, person, shown.current ? today : addDays(shown.start, 6));
  const extra: KnownBlock[][] = [];
  for (const s of sections) {
    const blocks = await s(deps, person);
    if (blocks?.length) extra.push(blocks);
  }
  const openAssignments = openAssignmentLines(await openAssignmentsOf(deps, person), person.tz);
  const recent = await recentEntries(deps, person);
  const view = homeView({ week, shown, openAssignments, recent, sections: extra });
  // Charts (r3-words): the week's chart at the top of the week section, as a PNG (App Home takes no data_visualization).
  await deps.slack.publishHome(person.id, await withHomeChart(deps, person, week, view));
}
