// Why a week sits at its level, in words a reader understands. Every surface that shows a level
// (App Home, `/ballast week`, warnings, digests) shows this reason with it, so "crowding" at 106%
// never appears without its cause.
import { levelOf, type LevelInput, usePercent } from './budget';
import type { Level } from './types';

export type LevelCause =
  | 'under'
  | 'near'
  | 'over'
  | 'over-twice'
  | 'far-over'
  | 'strain'
  | 'zero-budget';

/** The rule that set the level, in DESIGN.md's order (strain first, then the minutes). */
export function levelCause(input: LevelInput): LevelCause {
  const level: Level = levelOf(input);
  const { minutes, budget } = input;
  if (level === 'crowding') {
    if (input.strainBackWeeksOfLast3 >= 2) return 'strain';
    if (budget <= 0) return 'zero-budget';
    if (minutes * 100 >= budget * 150) return 'far-over';
    return 'over-twice';
  }
  if (level === 'over') return 'over';
  if (level === 'near') return 'near';
  return 'under';
}

/** Someone other than the person reading about them (a manager, in a digest or on App Home). */
export interface OtherReader {
  /** How to name the person ("Ana", or a Slack mention). */
  subject: string;
  /** Whether this reader may see the person's strain answers (DESIGN.md privacy: only if they opted in). */
  seesStrain: boolean;
}

/**
 * One sentence, written to the person ("you"), or about them to `other` ("Ana"). The numbers stay
 * out: the line that shows the level already shows minutes and percent. A reader who may not see
 * strain answers is not told that strain is the cause.
 */
export function levelReason(input: LevelInput, other?: OtherReader): string {
  const subject = other?.subject;
  const you = subject === undefined;
  const who = you ? 'you' : subject;
  const were = you ? 'were' : 'was';
  const your = you ? 'your' : 'their';
  const pct = usePercent(input.minutes, input.budget);
  switch (levelCause(input)) {
    case 'strain':
      if (other && !other.seesStrain) return `Counts as crowding this week, for a reason ${subject} has not chosen to share; ask how their week is going.`;
      return `${you ? 'Your' : `${subject}’s`} pulse said advocacy pushed ${your} core work back in two of the last three weeks, so this counts as crowding whatever the minutes.`;
    case 'zero-budget':
      return `${you ? 'Your' : `${subject}’s`} budget is zero this week, so any advocacy time crowds out core work.`;
    case 'far-over':
      return `At ${pct}% of budget, half as much again as agreed: that crowds out core work.`;
    case 'over-twice':
      return `Over budget for a second week running (${who} ${were} over last week too).`;
    case 'over':
      return `At or past this week’s budget.`;
    case 'near':
      return `Past 80% of this week’s budget.`;
    case 'under':
      return `Comfortably inside this week’s budget.`;
  }
}
