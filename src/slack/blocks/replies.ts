// Help, refusals and short confirmations.
import { USAGE } from '../../core/grammar';
import type { ParseError } from '../../core/types';
import type { UserError } from '../../services/result';
import { context, divider, escape, header, section, type KnownBlock } from './kit';

export interface Reply {
  text: string;
  blocks?: KnownBlock[];
}

export function errorReply(e: UserError | ParseError): Reply {
  const blocks: KnownBlock[] = [section(`:warning: ${e.message}`)];
  if (e.example) blocks.push(context(`For example: \`${escape(e.example)}\``));
  return { text: `${e.message}${e.example ? ` For example: ${e.example}` : ''}`, blocks };
}

export function textReply(text: string, note?: string): Reply {
  return { text, blocks: [section(text), ...(note ? [context(note)] : [])] };
}

const HELP_ORDER = [
  'week', 'log', 'undo', 'entries', 'budget', 'hours', 'pause', 'resume', 'checkin', 'nudges', 'team', 'assign',
  'assignments', 'privacy', 'export', 'admin', 'help',
];

export function helpReply(topic?: string): Reply {
  const key = topic && USAGE[topic.toLowerCase()] ? topic.toLowerCase() : undefined;
  if (key) {
    const u = USAGE[key];
    return {
      text: `${u.usage}: ${u.summary}`,
      blocks: [section(`*\`${escape(u.usage)}\`*\n${u.summary}`), context(`Example: \`${escape(u.example)}\``)],
    };
  }
  const lines = HELP_ORDER.map((k) => `\`${escape(USAGE[k].usage)}\`\n${USAGE[k].summary}`);
  return {
    text: 'Ballast keeps social-media advocacy inside an agreed weekly budget. Commands: ' + HELP_ORDER.join(', '),
    blocks: [
      header('Ballast: keep advocacy in bounds'),
      section('Log the time you spend on social engagement and see your week against your budget.'),
      divider(),
      section(lines.slice(0, 8).join('\n')),
      section(lines.slice(8).join('\n')),
      context(
        'Durations: `30m`, `1h`, `1h30m`, `1.5h`, `1:30` or minutes. Kinds: reply, comment, share, post, monitor, other. ' +
          'Dates: today, yesterday, a weekday or YYYY-MM-DD (up to 14 days back).',
      ),
      context('Example: `/ballast log 25m reply linkedin yesterday answered a customer about pricing`'),
    ],
  };
}
