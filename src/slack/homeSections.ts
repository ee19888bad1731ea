// App Home sections for managers (their team's last full week, a row and actions per report) and
// admins (the programme's cost).
import type { HomeSection } from './home';
import { teamDigest } from '../services/digests';
import { isAdmin } from '../services/people';
import { loadOrgReport } from '../services/admin';
import { orgReportBlocks } from './blocks/digest';
import { teamSectionBlocks } from './blocks/settingsTeam';

export const teamHomeSection: HomeSection = async (deps, person, opts) => {
  const r = await teamDigest(deps, person);
  return r.ok ? teamSectionBlocks(r.value, opts.teamStart ?? 0) : null;
};

export const adminHomeSection: HomeSection = async (deps, person) => {
  if (!isAdmin(deps, person)) return null;
  return orgReportBlocks(await loadOrgReport(deps, person), { title: 'Programme cost (admins)', maxTeams: 15 });
};
