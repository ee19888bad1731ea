// Publishing App Home: the person's week, then whatever sections their roles add.
import type { Person } from '../core/model';
import type { Deps } from '../services/ports';
import { loadWeek } from '../services/week';
import { homeView } from './blocks/home';
import { openAssignmentLines } from './blocks/assignment';
import { openAssignmentsOf } from '../services/assignments';
import type { KnownBlock } from './blocks/kit';

/** A role-specific section of App Home (team, assignment board, org totals); null when it does not apply. */
export type HomeSection = (deps: Deps, person: Person) => Promise<KnownBlock[] | null>;

export async function publishHome(deps: Deps, person: Person, sections: readonly HomeSection[] = []): Promise<void> {
  const week = await loadWeek(deps, person);
  const extra: KnownBlock[][] = [];
  for (const s of sections) {
    const blocks = await s(deps, person);
    if (blocks?.length) extra.push(blocks);
  }
  const openAssignments = openAssignmentLines(await openAssignmentsOf(deps, person), person.tz);
  await deps.slack.publishHome(person.id, homeView({ week, openAssignments, sections: extra }));
}
