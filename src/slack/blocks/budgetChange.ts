// The DM telling a person someone else changed their weekly budget: who, the new value, from which week.
import type { BudgetChange } from '../../services/budget';
import type { OutgoingMessage } from '../../services/ports';
import { context, section } from './kit';
import { dayLabel, fmt } from './format';

export function budgetChangedMessage(c: BudgetChange): OutgoingMessage {
  const who = c.setBy === 'roster' ? 'A roster import' : `<@${c.setBy}>`;
  const value = c.budget.source === 'explicit'
    ? `*${fmt(c.budget.minutes)}*`
    : `the default, *${fmt(c.budget.minutes)}* (${c.budget.budgetPercent}% of your ${c.budget.weeklyHours} contracted hours)`;
  const line = `${who} set your weekly advocacy budget to ${value}, from the week of ${dayLabel(c.from)}.`;
  return {
    text: line.replace(/\*/g, ''),
    blocks: [
      section(`:scales: ${line}`),
      context('Weeks that have ended keep the budget they had. `/ballast budget` shows yours; talk to your manager if it looks wrong.'),
    ],
  };
}
