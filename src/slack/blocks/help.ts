// `/ballast help`: the person's own commands first (everyone's, then manager, lead, admin as their
// roles allow), each with an example; `help all` for every command, `help <topic>` for one.
import { DATE_FORMS, DURATION_FORMS, USAGE } from '../../core/usage';
import { MAX_DAYS_BACK } from '../../core/limits';
import { NETWORKS } from '../../core/types';
import { nearest } from '../../core/fuzzy';
import type { Roles } from '../../services/roles';
import { context, divider, escape, header, section, type KnownBlock } from './kit';
import type { Reply } from './replies';

/** One line of the short list: an example to copy and what it does. */
interface Line {
  example: string;
  what: string;
}

const EVERYONE: Line[] = [
  { example: 'log 30m reply linkedin', what: 'record time; kind, network, date, link and note in any order' },
  { example: 'week', what: 'your week against your budget (`week last` for the one before)' },
  { example: 'undo', what: 'remove your last entry' },
  { example: 'entries', what: 'your last 14 days, with Edit and Delete' },
  { example: 'budget', what: 'your weekly budget and how it was set' },
  { example: 'hours 32', what: 'your contracted hours a week (your default budget follows them)' },
  { example: 'checkin 16:30 mon-fri', what: 'when the daily check-in comes (`checkin off` stops it)' },
  { example: 'pause until monday', what: 'no check-ins, nudges or assignments until then (`resume` ends it)' },
  { example: 'nudges off', what: 'stop the inactivity and mix nudges' },
  { example: 'assignments', what: 'conversations you were asked to take' },
  { example: 'privacy', what: 'exactly what your manager, leads and admins see' },
  { example: 'export', what: 'your own entries as a CSV, by DM' },
];
const MANAGER: Line[] = [
  { example: 'team', what: "your direct reports' digest, now" },
  { example: 'budget @dana 3h', what: "set a report's weekly budget (they are told)" },
];
const LEAD: Line[] = [
  { example: 'assign @dana https://x.com/acme/status/1 est 20m', what: 'offer a conversation to an advocate' },
  { example: 'assign https://x.com/acme/status/1', what: 'without a person: the three with most room' },
  { example: 'assignments', what: 'the ones you handed out, and their state' },
];
const ADMIN: Line[] = [
  { example: 'admin manager @dana @sam', what: 'set who someone reports to' },
  { example: 'admin role @dana lead', what: 'make someone a social lead, an admin, or neither' },
  { example: 'admin settings', what: 'view or change the org settings' },
  { example: 'admin report', what: 'the cost in hours, FTE and money' },
  { example: 'budget @dana 3h', what: "set anyone's weekly budget" },
];

const KINDS_TEXT = 'Kinds: `reply` (or `respond`), `comment`, `share` (replying, commenting and sharing are relationship work), ' +
  '`post` (or `create`, `content`), `monitor` (or `read`), `other` when none is given.';

/** Topics beyond the subcommands' own usage. */
const EXTRA: Record<string, () => Reply> = {
  durations: () => note('Durations', `${DURATION_FORMS}.`, '/ballast log 1h30m reply'),
  dates: () => note('Dates', `${DATE_FORMS}; up to ${MAX_DAYS_BACK} days back, never ahead.`, '/ballast log 20m comment yesterday'),
  kinds: () => note('Kinds', KINDS_TEXT, '/ballast log 15m share'),
  networks: () => note('Networks', `${NETWORKS.map((n) => `\`${n}\``).join(', ')} (\`twitter\` is \`x\`).`, '/ballast log 30m reply mastodon'),
  manager: () => roleReply('As a manager', MANAGER),
  lead: () => roleReply('As a social lead', LEAD),
  admin: () => roleReply('As an admin', ADMIN),
};
const ALIASES: Record<string, string> = { managers: 'manager', leads: 'lead', admins: 'admin', duration: 'durations', date: 'dates', kind: 'kinds', network: 'networks' };

/** Every topic `help <topic>` knows, for the near-miss suggestion and the list. */
export const HELP_TOPICS: readonly string[] = [...new Set([...Object.keys(USAGE), ...Object.keys(EXTRA)])];

const ALL_ORDER = [
  'week', 'log', 'undo', 'entries', 'budget', 'hours', 'pause', 'resume', 'checkin', 'nudges', 'team', 'assign',
  'assignments', 'privacy', 'export', 'admin manager', 'admin role', 'admin settings', 'admin report', 'help',
];

const lineText = (l: Line): string => `\`/ballast ${escape(l.example)}\`  ${l.what}`;

function note(title: string, body: string, example: string): Reply {
  return { text: `${title}: ${body}`, blocks: [section(`*${title}*\n${body}`), context(`Example: \`${escape(example)}\``)] };
}

function roleReply(title: string, lines: Line[]): Reply {
  return { text: `${title}: ${lines.map((l) => `/ballast ${l.example}`).join(', ')}`, blocks: [section(`*${title}*\n${lines.map(lineText).join('\n')}`)] };
}

const FOOT = '`/ballast help all` lists every command; `/ballast help <topic>` explains one (`help log`, `help durations`, `help dates`).';

/** The short help: your own commands, by the hats you wear. */
function ownHelp(roles: Roles): Reply {
  const blocks: KnownBlock[] = [
    header('Ballast: keep advocacy in bounds'),
    section(`*Your commands*\n${EVERYONE.map(lineText).join('\n')}`),
  ];
  const names: string[] = ['your own'];
  if (roles.manager) {
    blocks.push(section(`*As a manager*\n${MANAGER.map(lineText).join('\n')}`));
    names.push('manager');
  }
  if (roles.lead) {
    blocks.push(section(`*As a social lead*\n${LEAD.map(lineText).join('\n')}`));
    names.push('lead');
  }
  if (roles.admin) {
    blocks.push(section(`*As an admin*\n${ADMIN.map(lineText).join('\n')}`));
    names.push('admin');
  }
  blocks.push(context('You can type these to me in the Messages tab too, without `/ballast`: `log 30m reply`.'), context(FOOT));
  return { text: `Ballast help: ${names.join(', ')} commands. Try /ballast log 30m reply linkedin. /ballast help all lists every command.`, blocks };
}

function allHelp(): Reply {
  const lines = ALL_ORDER.map((k) => `\`${escape(USAGE[k].usage)}\`\n${USAGE[k].summary}`);
  return {
    text: 'Every Ballast command: ' + ALL_ORDER.join(', '),
    blocks: [
      header('Ballast: every command'),
      section(lines.slice(0, 7).join('\n')),
      section(lines.slice(7, 14).join('\n')),
      section(lines.slice(14).join('\n')),
      divider(),
      context(
        `Durations: ${DURATION_FORMS}. Kinds: reply, comment, share, post, monitor, other. ` +
          `Dates: ${DATE_FORMS} (up to ${MAX_DAYS_BACK} days back). A note that starts with one of these words goes in quotes.`,
      ),
    ],
  };
}

export function helpReply(topic: string | undefined, roles: Roles): Reply {
  if (topic === undefined) return ownHelp(roles);
  const t = topic.toLowerCase().trim().replace(/^\/?ballast\s+/, '');
  if (t === 'all') return allHelp();
  const key = ALIASES[t] ?? t;
  if (EXTRA[key]) return EXTRA[key]();
  const u = USAGE[key];
  if (u) {
    return {
      text: `${u.usage}: ${u.summary} Example: ${u.example}`,
      blocks: [section(`*\`${escape(u.usage)}\`*\n${u.summary}`), context(`Example: \`${escape(u.example)}\``)],
    };
  }
  const guess = nearest(t, HELP_TOPICS) ?? nearest(t.split(/\s+/)[0] ?? '', HELP_TOPICS);
  const sorry = `There's no help on \`${escape(clipTopic(t))}\`.${guess ? ` Did you mean \`/ballast help ${guess}\`?` : ''}`;
  return {
    text: `${sorry} Topics: ${HELP_TOPICS.join(', ')}.`,
    blocks: [section(`:grey_question: ${sorry}`), context(`Topics: ${HELP_TOPICS.map((x) => `\`${x}\``).join(', ')}, or \`all\`.`)],
  };
}

const clipTopic = (t: string): string => (t.length > 40 ? `${t.slice(0, 39)}…` : t);
