// Warnings at the budget's edges: once per level per week, crowding also to the manager.
import { logEngagement, undoLast } from '../../src/services/entries';
import { recordStrain } from '../../src/services/strain';
import { runNudges } from '../../src/jobs/nudges';
import { startJobsHarness, type JobsHarness } from '../support/jobs';

// Thursday 2026-11-26, 16:30 in Berlin. The default budget is 240 minutes (10% of 40 hours).
const AT = '2026-11-26T15:30:00Z';

let h: JobsHarness;
beforeEach(async () => {
  h = await startJobsHarness({ now: AT });
  await h.addPerson({ id: 'U9BOSS', tz: 'Europe/Berlin' });
  await h.addPerson({ id: 'U1ADA', tz: 'Europe/Berlin', managerId: 'U9BOSS' });
});
afterEach(() => h.close());

async function log(minutes: number, date?: string) {
  const r = await logEngagement(h.deps, await h.person('U1ADA'), { minutes, kind: 'respond', source: 'command', date });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const warnings = (id = 'U1ADA') => h.fake.messagesTo(id).filter((m) => (m.text ?? '').startsWith('Heads up'));
const managerAlerts = () => h.fake.messagesTo('U9BOSS').filter((m) => (m.text ?? '').includes('crowding out their core work'));

it('says nothing at 79% of the budget', async () => {
  await log(190);
  expect(warnings()).toHaveLength(0);
});

it('warns once on reaching 80%, saying where the person stands and what to do', async () => {
  await log(190);
  await log(2);
  expect(warnings()).toHaveLength(1);
  expect(warnings()[0].text).toContain('nearing');
  expect(warnings()[0].text).toContain('3h 12m of 4h, 80%');
  expect(JSON.stringify(warnings()[0].blocks)).toContain('left this week');
  await log(5);
  expect(warnings()).toHaveLength(1);
});

it('warns again at 100% and at 150%, and tells the manager about crowding', async () => {
  await log(192);
  await log(48);
  expect(warnings().map((m) => m.text)).toEqual([expect.stringContaining('nearing'), expect.stringContaining('over this week')]);
  await log(119);
  expect(warnings()).toHaveLength(2);
  expect(managerAlerts()).toHaveLength(0);
  await log(1);
  expect(warnings()).toHaveLength(3);
  expect(warnings()[2].text).toContain('crowding out your core work');
  expect(managerAlerts()).toHaveLength(1);
  expect(managerAlerts()[0].text).toContain('<@U1ADA>');
  expect(managerAlerts()[0].text).toContain('150%');
});

it('sends one warning for the highest level when one entry jumps past several, and never the lower one later', async () => {
  await log(250);
  expect(warnings()).toHaveLength(1);
  expect(warnings()[0].text).toContain('over this week');
  await undoLast(h.deps, await h.person('U1ADA'));
  await log(200);
  await log(60);
  expect(warnings()).toHaveLength(1);
});

it('never warns twice for the same level in the same week, even after an undo and a relog', async () => {
  await log(200);
  await undoLast(h.deps, await h.person('U1ADA'));
  await log(200);
  expect(warnings()).toHaveLength(1);
});

it('warns afresh in a new week', async () => {
  await log(200);
  h.clock.set('2026-12-01T15:30:00Z');
  await log(200);
  expect(warnings()).toHaveLength(2);
});

it('calls it crowding when the person is over budget two weeks running', async () => {
  await log(240, '2026-11-18');
  const before = warnings().length;
  await log(240);
  const fresh = warnings().slice(before);
  expect(fresh).toHaveLength(1);
  expect(fresh[0].text).toContain('crowding out your core work');
  expect(JSON.stringify(fresh[0].blocks)).toContain('Over budget for a second week running (you were over last week too)');
});

it('calls it crowding when the pulse says "pushed it back" twice in three weeks', async () => {
  const ada = await h.person('U1ADA');
  await recordStrain(h.deps, ada, '2026-W47', 'back');
  expect(warnings()).toHaveLength(0);
  await recordStrain(h.deps, ada, '2026-W48', 'back');
  expect(warnings()).toHaveLength(1);
  expect(warnings()[0].text).toContain('crowding');
  expect(JSON.stringify(warnings()[0].blocks)).toContain('pushed your core work back in two of the last three weeks');
  expect(managerAlerts()).toHaveLength(1);
  // The same answer clicked again changes nothing.
  await recordStrain(h.deps, ada, '2026-W48', 'back');
  expect(warnings()).toHaveLength(1);
  expect(await h.store.strain.ofPerson('U1ADA')).toHaveLength(2);
});

it('does not alert the manager when the org turned manager alerts off', async () => {
  await h.store.settings.set('managerAlerts', false);
  await log(360);
  expect(warnings()).toHaveLength(1);
  expect(managerAlerts()).toHaveLength(0);
});

it('holds a manager alert until the manager is inside their sending hours, then sends it once', async () => {
  await h.addPerson({ id: 'U8FARBOSS', tz: 'Pacific/Auckland' });
  await h.store.people.setManager('U1ADA', 'U8FARBOSS');
  await log(360);
  expect(warnings()).toHaveLength(1);
  const toFarBoss = () => h.fake.messagesTo('U8FARBOSS');
  // 15:30 UTC is 04:30 in Auckland.
  expect(toFarBoss()).toHaveLength(0);
  await runNudges(h.deps, h.clock.now(), { dryRun: false });
  expect(toFarBoss()).toHaveLength(0);
  h.clock.set('2026-11-26T20:00:00Z'); // 09:00 in Auckland
  const r = await runNudges(h.deps, h.clock.now(), { dryRun: false });
  expect(r.lines.some((l) => l.startsWith('U8FARBOSS') && l.includes('sent'))).toBe(true);
  expect(toFarBoss()).toHaveLength(1);
  await runNudges(h.deps, h.clock.now(), { dryRun: false });
  expect(toFarBoss()).toHaveLength(1);
});
