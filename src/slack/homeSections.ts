// App Home sections for managers (their team's last full week) and admins (the programme's cost).
import type { HomeSection } from './home';
import { teamDigest } from '../services/digests';
import { isAdmin } from '../services/people';
import { loadOrgReport } from '../services/admin';
import { digestBlocks, orgReportBlocks } from './blocks/digest';

export const teamHomeSection: HomeSection = async (deps, person) => {
  const r = await teamDigest(deps, person);
  return r.ok ? digestBlocks(r.value, { title: 'Your team, last full week' }) : null;
};

export const adminHomeSection: HomeSection = async (deps, person) => {
  if (!isAdmin(deps, person)) return null;
  return orgReportBlocks(await loadOrgReport(deps, person), { title: 'Programme cost (admins)', maxTeams: 15 });
};
