// The subcommands and their usage lines: help and every refusal quote these.

export const SUBCOMMANDS = [
  'week', 'log', 'undo', 'entries', 'budget', 'hours', 'pause', 'resume', 'checkin', 'nudges', 'team',
  'assign', 'assignments', 'privacy', 'admin', 'export', 'help',
] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

export const ADMIN_SUBCOMMANDS = ['manager', 'role', 'settings', 'report'] as const;

export interface Usage {
  usage: string;
  example: string;
  summary: string;
}

/** Keyed by subcommand, and by `admin <sub>` for the admin commands; help and refusals quote these. */
export const USAGE: Record<string, Usage> = {
  week: {
    usage: '/ballast week  |  /ballast week last  |  /ballast week <date>',
    example: '/ballast week last',
    summary: 'Your week: minutes by day and kind, budget use, level, open assignments; or an earlier week, as it stood when it ended.',
  },
  log: {
    usage: '/ballast log <duration> [kind] [network] [date] [link] [note…]',
    example: '/ballast log 30m reply linkedin yesterday great thread',
    summary: 'Record time spent, e.g. `log 1 hour 30 minutes comment last friday`; the reply shows your week against your budget. Put a note in quotes if it starts with a word Ballast knows.',
  },
  undo: { usage: '/ballast undo', example: '/ballast undo', summary: 'Remove your most recent entry.' },
  entries: {
    usage: '/ballast entries',
    example: '/ballast entries',
    summary: 'Your entries of the last 14 days, each with Edit and Delete.',
  },
  budget: {
    usage: '/ballast budget  |  /ballast budget @person <duration>',
    example: '/ballast budget @dana 3h',
    summary: 'See your weekly budget, or (managers, admins) set someone else’s.',
  },
  hours: { usage: '/ballast hours <n>', example: '/ballast hours 37.5', summary: 'Set your contracted weekly hours (1 to 80).' },
  pause: {
    usage: '/ballast pause [until <date> | <n>d]',
    example: '/ballast pause until monday',
    summary: 'Stop check-ins, nudges and assignments, indefinitely or until a date.',
  },
  resume: { usage: '/ballast resume', example: '/ballast resume', summary: 'Restart check-ins, nudges and assignments.' },
  checkin: {
    usage: '/ballast checkin <HH:MM> [days]  |  /ballast checkin off',
    example: '/ballast checkin 16:30 mon-fri',
    summary: 'Set the time and days of your daily check-in, or turn it off.',
  },
  nudges: { usage: '/ballast nudges on|off', example: '/ballast nudges off', summary: 'Turn inactivity and mix nudges on or off.' },
  team: { usage: '/ballast team', example: '/ballast team', summary: 'Managers: the digest for your direct reports, now.' },
  assign: {
    usage: '/ballast assign [@person] <link> [est <duration>] [due <when>] [brief…]',
    example: '/ballast assign @dana https://www.linkedin.com/feed/update/123 est 20m due tomorrow answer the pricing question',
    summary: 'Leads: offer a conversation to an advocate, or get the three with most room.',
  },
  assignments: { usage: '/ballast assignments', example: '/ballast assignments', summary: 'Your assignments, and the ones you handed out.' },
  privacy: {
    usage: '/ballast privacy  |  /ballast privacy share-strain on|off',
    example: '/ballast privacy share-strain on',
    summary: 'Exactly what your manager, leads and admins can see about you.',
  },
  admin: {
    usage: '/ballast admin manager|role|settings|report …',
    example: '/ballast admin manager @dana @sam',
    summary: 'Admins: reporting lines, roles, org settings and the cost report.',
  },
  'admin manager': {
    usage: '/ballast admin manager @employee @manager',
    example: '/ballast admin manager @dana @sam',
    summary: 'Set who someone reports to.',
  },
  'admin role': { usage: '/ballast admin role @person lead|admin|none', example: '/ballast admin role @dana lead', summary: 'Set someone’s role.' },
  'admin settings': {
    usage: '/ballast admin settings [<key> <value>]',
    example: '/ballast admin settings budget_percent 10',
    summary: 'View the org settings, or change one.',
  },
  'admin report': { usage: '/ballast admin report', example: '/ballast admin report', summary: 'The organisation’s advocacy cost in hours, FTE and money.' },
  export: { usage: '/ballast export', example: '/ballast export', summary: 'Download your own entries.' },
  help: { usage: '/ballast help [topic]', example: '/ballast help log', summary: 'Usage, with examples.' },
};

/** How durations can be written, for help and refusals. */
export const DURATION_FORMS = '`30m`, `45 min`, `90 mins`, `1h`, `1 hour`, `1.5 hours`, `2 hrs`, `1h30m`, `1 hour 30 minutes`, `1:30` or a number of minutes';

/** How dates can be written, for help and refusals. */
export const DATE_FORMS = '`today`, `yesterday`, a weekday (`friday`), `last friday`, `3 days ago`, `1 Dec` / `Dec 1` or `2026-11-20`';
