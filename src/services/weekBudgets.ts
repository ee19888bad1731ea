// Budgets of many people over a few weeks at once, each week with its own terms (core/budgetHistory.ts):
// one read of the history for everyone, folded into flat arrays, never a query per person.
import type { OrgSettings } from '../core/settings';
import { budgetMinutesFrom, percentsFor } from '../core/budgetHistory';
import type { DigestPerson } from './store';
import type { Deps } from './ports';

/**
 * Budget minutes of each person (by slot) in each of `weekKeys` (sorted, oldest first), in one flat
 * array: person `slot`'s week `i` is at `slot * weekKeys.length + i`. People are the slim rows;
 * `onlyFor` narrows the history read to them (a team).
 */
export async function weekBudgets(
  deps: Deps, people: readonly DigestPerson[], slotOf: ReadonlyMap<string, number>, weekKeys: readonly string[],
  settings: OrgSettings, onlyFor?: readonly string[],
): Promise<Int32Array> {
  const width = weekKeys.length;
  const slots = slotOf.size;
  // Explicit budget (-1: none, the default applies) and contracted hours in effect each week; a person
  // with no history keeps their current values throughout.
  const explicit = new Int32Array(slots * width);
  const hours = new Float64Array(slots * width);
  for (const p of people) {
    const slot = slotOf.get(p.id);
    if (slot === undefined) continue;
    explicit.fill(p.budgetMinutes ?? -1, slot * width, slot * width + width);
    hours.fill(p.weeklyHours, slot * width, slot * width + width);
  }
  // Rows come in week order, so each later change overwrites the weeks from its own on.
  await deps.store.budgetHistory.eachUpTo(weekKeys[width - 1], onlyFor, (personId, weekKey, budgetMinutes, weeklyHours) => {
    const slot = slotOf.get(personId);
    if (slot === undefined) return;
    const at = slot * width;
    for (let i = width - 1; i >= 0 && weekKeys[i] >= weekKey; i--) {
      explicit[at + i] = budgetMinutes ?? -1;
      hours[at + i] = weeklyHours;
    }
  });
  const changes = await deps.store.budgetHistory.percentChanges();
  // The percent of each week depends only on the zone (when a change took effect there): once per zone.
  const percentsIn = new Map<string, number[]>();
  const out = new Int32Array(slots * width);
  for (const p of people) {
    const slot = slotOf.get(p.id);
    if (slot === undefined) continue;
    let percents = percentsIn.get(p.tz);
    if (!percents) percentsIn.set(p.tz, (percents = percentsFor(changes, p.tz, weekKeys, settings.budgetPercent)));
    const at = slot * width;
    for (let i = 0; i < width; i++) {
      const e = explicit[at + i];
      out[at + i] = budgetMinutesFrom(e < 0 ? null : e, hours[at + i], percents[i]);
    }
  }
  return out;
}
