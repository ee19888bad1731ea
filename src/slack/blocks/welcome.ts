// The welcome DM at a person's first contact: what Ballast is for, their budget and how it was set,
// who sees what (the same lines as `/ballast privacy`), and buttons to log, set a check-in, pause.
import type { OutgoingMessage } from '../../services/ports';
import type { WelcomeModel } from '../../services/welcome';
import { checkinTimeOf } from '../../core/schedule';
import { ACTIONS, BLOCKS } from '../ids';
import { fmt } from './format';
import { actions, button, context, section, type KnownBlock } from './kit';
import { privacyLines } from './privacy';

/** How the budget was set, in words: the default sum, or who set it. */
export function budgetHow(m: Pick<WelcomeModel, 'budget'>): string {
  const b = m.budget;
  if (b.source === 'explicit') return b.setBy ? `set for you by <@${b.setBy}>` : 'set for you explicitly';
  return `the default: ${b.budgetPercent}% of your ${b.weeklyHours} contracted hours`;
}

export function welcomeMessage(m: WelcomeModel): OutgoingMessage {
  const { person, budget, settings } = m;
  const who = privacyLines(person, settings);
  const checkin = person.checkinEnabled
    ? `A check-in comes at ${checkinTimeOf(person, settings)} (${person.tz}) on your check-in days: one click logs the day.`
    : 'Your daily check-in is off.';
  const blocks: KnownBlock[] = [
    section(
      ':wave: *Welcome to Ballast.* Social engagement for the company is a side job with a budget: ' +
        'Ballast makes the hours visible so they never quietly crowd out your day job.',
    ),
    section(
      '*Relationship work counts.* Replying to people, commenting on their posts and keeping conversations going ' +
        'count as much as posting (more, in fact): log them all, not only the posts you write.',
    ),
    section(
      `*Your budget* is *${fmt(budget.minutes)} a week* (${budgetHow(m)}). ${checkin}` +
        (budget.source === 'default' ? ' Not on a 40-hour week? `/ballast hours <n>` fixes it.' : ''),
    ),
    section(`*Who sees what*\n• ${who.onlyYou}\n• ${who.manager}\n• ${who.leads}\n• ${who.admins}`),
    actions([
      button('Log time', ACTIONS.openLogModal, undefined, 'primary'),
      button('Set check-in time', ACTIONS.openCheckinSettings),
      button('Pause', ACTIONS.openPause),
    ], BLOCKS.welcomeButtons),
    context('`/ballast help` shows your commands. You can also type them to me here, e.g. `log 30m reply`.'),
  ];
  return {
    text: `Welcome to Ballast. Your budget is ${fmt(budget.minutes)} a week (${budgetHow(m)}). Relationship work counts: replying, commenting and conversations, not only posting.`,
    blocks,
  };
}
