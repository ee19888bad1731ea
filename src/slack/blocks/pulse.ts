// The Friday strain pulse: three answers, and the relationship-work nudge when the week's mix calls for it.
import type { Strain } from '../../core/types';
import type { Mix } from '../../core/budget';
import { ACTIONS, BLOCKS } from '../ids';
import { actions, button, context, section, type KnownBlock } from './kit';
import { fmt, weekOfKey } from './format';
import type { OutgoingMessage } from '../../services/ports';

export const STRAIN_LABEL: Record<Strain, string> = {
  none: 'Not at all',
  bit: 'Squeezed it a bit',
  back: 'Pushed it back',
};

export const PULSE_ACTION: Record<Strain, string> = {
  none: ACTIONS.pulseNone,
  bit: ACTIONS.pulseBit,
  back: ACTIONS.pulseBack,
};

export function mixNudgeText(mix: Mix): string {
  return (
    `:speech_balloon: *A thought on your mix:* ${fmt(mix.post)} of your ${fmt(mix.total)} this week went to posting and ` +
    `${fmt(mix.relationship)} to replying, commenting and sharing. Relationships are built in the replies: ` +
    'answering people and joining their threads reaches further than another post. `/ballast assignments` lists conversations waiting for you.'
  );
}

export function pulseQuestion(weekKey: string, mix: Mix | null): OutgoingMessage {
  const blocks: KnownBlock[] = [
    section(`*Weekly pulse, ${weekOfKey(weekKey)}:* how did advocacy affect your core work this week?`),
    actions(
      (['none', 'bit', 'back'] as Strain[]).map((s) => button(STRAIN_LABEL[s], PULSE_ACTION[s], weekKey)),
      BLOCKS.pulseButtons,
    ),
    context('Your answer is private unless you share it: `/ballast privacy` shows exactly who sees what.'),
  ];
  if (mix) blocks.push(section(mixNudgeText(mix)));
  return { text: 'Weekly pulse: how did advocacy affect your core work this week?', blocks };
}

export function pulseAnswered(weekKey: string, answer: Strain, advice: string | null): OutgoingMessage {
  const text = `Thanks. Recorded for the ${weekOfKey(weekKey)}: ${STRAIN_LABEL[answer].toLowerCase()}.`;
  const blocks: KnownBlock[] = [section(`:memo: ${text}`)];
  if (advice) blocks.push(context(advice));
  return { text, blocks };
}

/** A pulse answered too late (or for a week not begun): the buttons go, and the message says why. */
export function pulseClosed(weekKey: string): OutgoingMessage {
  const text = `The pulse for the ${weekOfKey(weekKey)} has closed, so nothing was recorded. Ballast takes answers for this week and last; the next pulse comes on Friday.`;
  return { text, blocks: [section(`:hourglass: ${text}`)] };
}
