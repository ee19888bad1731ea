// team, admin manager|role|settings|report, privacy share-strain, export.
import { errorReply, textReply } from '../../../blocks/replies';
import { digestBlocks, digestText, orgReportBlocks, orgReportText } from '../../../blocks/digest';
import { settingsReply } from '../../../blocks/admin';
import { teamDigest } from '../../../../services/digests';
import { changeSetting, orgReport, setManager, setRole, viewSettings } from '../../../../services/admin';
import { exportOwnEntries, setShareStrain } from '../../../../services/dataOut';
import { failureReply } from '../../failure';
import type { HandlerTable } from './types';

const ROLE_TEXT = { lead: 'a social lead', admin: 'a Ballast admin', none: 'no special role' } as const;

export const managers: HandlerTable = {
  async team({ deps, person }) {
    const r = await teamDigest(deps, person);
    if (!r.ok) return errorReply(r.error);
    return { text: digestText(r.value), blocks: digestBlocks(r.value, { title: 'Your team, last full week', chart: true }) };
  },
  async 'admin-manager'({ deps, person }, c) {
    const r = await setManager(deps, person, c.employeeId, c.managerId);
    if (!r.ok) return errorReply(r.error);
    return textReply(`<@${c.employeeId}> now reports to <@${c.managerId}>.`, `<@${c.managerId}> will get their weekly digest.`);
  },
  async 'admin-role'({ deps, person }, c) {
    const r = await setRole(deps, person, c.userId, c.role);
    if (!r.ok) return errorReply(r.error);
    return textReply(`<@${c.userId}> is now ${ROLE_TEXT[c.role]}.`);
  },
  async 'admin-settings'({ deps, person }) {
    const r = await viewSettings(deps, person);
    if (!r.ok) return errorReply(r.error);
    return settingsReply(r.value.settings, r.value.holidays);
  },
  async 'admin-settings-set'({ deps, person }, c) {
    const r = await changeSetting(deps, person, c.key, c.value);
    if (!r.ok) return errorReply(r.error);
    return settingsReply(r.value.settings, r.value.holidays, r.value.summary);
  },
  async 'admin-report'({ deps, person }) {
    const r = await orgReport(deps, person);
    if (!r.ok) return errorReply(r.error);
    return { text: orgReportText(r.value), blocks: orgReportBlocks(r.value) };
  },
  async 'privacy-share-strain'({ deps, person }, c) {
    const r = await setShareStrain(deps, person, c.on);
    if (!r.ok) return errorReply(r.error);
    return c.on
      ? textReply('Your manager will now see your strain answers by name in their digest.', '`/ballast privacy share-strain off` stops that at any time.')
      : textReply('Your strain answers are private again: your manager sees them only inside a team figure.', '`/ballast privacy` shows exactly what others see.');
  },
  async export({ deps, person, respond }) {
    const r = await exportOwnEntries(deps, person);
    if (!r.ok) return errorReply(r.error);
    const { send, filename, count } = r.value;
    return {
      ...textReply(`:inbox_tray: Sending you ${filename} with your ${count} ${count === 1 ? 'entry' : 'entries'} in a DM.`),
      // The upload takes three Web API calls: after the reply, and if it fails the person hears why.
      after: [async () => {
        try {
          await send();
        } catch (err) {
          await respond(failureReply(deps.log.child({ userId: person.id }), err, 'export upload failed'));
        }
      }],
    };
  },
};
