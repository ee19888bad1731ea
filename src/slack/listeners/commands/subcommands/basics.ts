// week, log, undo, budget, hours, privacy, help.
import { errorReply, textReply } from '../../../blocks/replies';
import { helpReply } from '../../../blocks/help';
import { rolesOf } from '../../../../services/roles';
import { context } from '../../../blocks/kit';
import { budgetBlocks, entryLine, loggedBlocks, weekBlocks, weekText } from '../../../blocks/week';
import { budgetChangedMessage } from '../../../blocks/budgetChange';
import { privacyReply } from '../../../blocks/privacy';
import { dayLabel, fmt } from '../../../blocks/format';
import { logEngagement, undoLast } from '../../../../services/entries';
import { announceBudgetChange, setBudget, setHours } from '../../../../services/budget';
import { budgetOf, loadWeek, recentWeeks, weekOf } from '../../../../services/week';
import { openAssignmentsOf } from '../../../../services/assignments';
import { openAssignmentLines } from '../../../blocks/assignment';
import type { HandlerTable } from './types';

export const basics: HandlerTable = {
  async week({ deps, person }, c) {
    if (c.date !== undefined) {
      const r = await weekOf(deps, person, c.date);
      if (!r.ok) return errorReply(r.error);
      // A finished week is shown as it stood when it ended; today's open assignments are not part of it.
      if (r.value.finished) {
        return { text: weekText(r.value), blocks: weekBlocks(r.value, { history: await recentWeeks(deps, person, 8, r.value.start) }) };
      }
    }
    const [week, history] = await Promise.all([loadWeek(deps, person), recentWeeks(deps, person)]);
    const open = openAssignmentLines(await openAssignmentsOf(deps, person), person.tz);
    return { text: weekText(week), blocks: weekBlocks(week, { openAssignments: open, history }) };
  },
  async log({ deps, person }, c) {
    const r = await logEngagement(deps, person, {
      minutes: c.minutes, kind: c.kind, network: c.network, date: c.date, link: c.link, note: c.note, source: 'command',
    }, { deferFollowUps: true });
    if (!r.ok) return errorReply(r.error);
    const { entry, week, followUps } = r.value;
    // The warning DM (if the week crossed a level) follows the reply, never holds it up.
    return { text: `Logged ${entryLine(entry)}. ${weekText(week)}`, blocks: loggedBlocks(entry, week), after: followUps };
  },
  async undo({ deps, person }) {
    const r = await undoLast(deps, person);
    if (!r.ok) return errorReply(r.error);
    const { entry, week } = r.value;
    return textReply(`:leftwards_arrow_with_hook: Removed ${entryLine(entry)}.`, `Your week is now ${fmt(week.total)} of ${fmt(week.budget.minutes)}.`);
  },
  async budget({ deps, person }) {
    const b = await budgetOf(deps, person);
    return { text: `Your weekly advocacy budget is ${fmt(b.minutes)}.`, blocks: budgetBlocks(b, 'Your') };
  },
  async 'budget-set'({ deps, person }, c) {
    const r = await setBudget(deps, person, c.userId, c.minutes);
    if (!r.ok) return errorReply(r.error);
    const { budget, from, change } = r.value;
    const told = change ? ' They will get a DM saying so.' : '';
    return {
      text: `Set <@${c.userId}>'s weekly budget to ${fmt(budget.minutes)}, from the week of ${dayLabel(from)}.${told}`,
      blocks: [
        ...budgetBlocks(budget, `<@${c.userId}>'s`),
        context(`From the week of ${dayLabel(from)}; weeks that have ended keep the budget they had.${told}`),
      ],
      // The person hears of it after the reply has gone; a gone account is logged, not an error here.
      after: change ? [async () => void (await announceBudgetChange(deps, change, budgetChangedMessage(change)))] : [],
    };
  },
  async hours({ deps, person }, c) {
    const r = await setHours(deps, person, c.hours);
    if (!r.ok) return errorReply(r.error);
    const b = r.value.budget;
    return textReply(
      `Your contracted hours are now ${c.hours} a week, from the week of ${dayLabel(r.value.from)}.`,
      (b.source === 'default' ? `Your budget follows them: ${fmt(b.minutes)} a week.` : `Your budget stays at ${fmt(b.minutes)}, as it was set explicitly.`) +
        ' Weeks that have ended keep theirs.',
    );
  },
  async privacy({ deps, person }) {
    return privacyReply(person, await deps.store.settings.get());
  },
  async help({ deps, person }, c) {
    return helpReply(c.topic, await rolesOf(deps, person));
  },
};
