// The gentle nudge after a long silence.
import { context, section } from './kit';
import type { OutgoingMessage } from '../../services/ports';

export function inactivityNudge(days: number | null): OutgoingMessage {
  const since = days === null ? 'You haven’t logged any advocacy yet' : `It has been ${days} days since you last logged advocacy`;
  const text = `${since}. A short reply to someone in your network is a good way back in.`;
  return {
    text,
    blocks: [
      section(`:wave: ${text}\nLog it with \`/ballast log 15m reply\`, or see conversations waiting for you with \`/ballast assignments\`.`),
      context('Taking a break? `/ballast pause` stops these; `/ballast nudges off` turns nudges off.'),
    ],
  };
}
