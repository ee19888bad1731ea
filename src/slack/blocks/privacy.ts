// `/ballast privacy`: exactly what others can see about the person asking. The welcome DM quotes the
// same lines, so the two can never disagree.
import type { Person } from '../../core/model';
import type { OrgSettings } from '../../core/settings';
import { context, divider, header, section, type KnownBlock } from './kit';
import type { Reply } from './replies';

/** Who sees what, one line per audience, as DESIGN.md's privacy section has it. */
export interface PrivacyLines {
  onlyYou: string;
  manager: string;
  leads: string;
  admins: string;
}

export function privacyLines(person: Person, settings: OrgSettings): PrivacyLines {
  const manager = person.managerId ? `<@${person.managerId}>` : 'your manager (none is set in Ballast yet)';
  const strain = person.shareStrain
    ? 'your answers to the Friday strain question, because you chose to share them (`/ballast privacy share-strain off` stops that)'
    : `your strain answers only inside a team figure, and only when at least ${settings.minGroupSize} people who keep theirs private answered; ` +
      'they never change the level your manager sees (`/ballast privacy share-strain on` shares yours by name)';
  return {
    onlyYou: '*Only you* see your notes and links, your entries one by one, and your check-in answers.',
    manager:
      `*${manager}* sees, for their direct reports only: your minutes against budget each week, your level, ` +
      `your six-week trend, your mix of kinds, how many assignments you finished or have open, and ${strain}.`,
    leads:
      '*Social leads* see only a capacity band (plenty, some, none) when they pick someone for a conversation, and the ' +
      'state of the assignments they gave you, including the link they sent. Never your minutes or notes.',
    admins: '*Admins* see organisation and team totals (hours, FTE, cost) and who is over budget. Never your notes.',
  };
}

export function privacyReply(person: Person, settings: OrgSettings): Reply {
  const lines = privacyLines(person, settings);
  const blocks: KnownBlock[] = [
    header('What others can see about you'),
    section(lines.onlyYou),
    divider(),
    section(lines.manager),
    section(lines.leads),
    section(lines.admins),
    context('Ballast is not a surveillance tool: nobody sees what you wrote, and nobody else can log time as you.'),
  ];
  return { text: 'Only you see your notes and links. Your manager sees totals, level and trend; leads see capacity bands; admins see totals.', blocks };
}
