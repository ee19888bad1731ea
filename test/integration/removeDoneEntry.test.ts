// Undoing or deleting the entry an assignment's Done logged: the entry goes, the assignment stays done
// with its minutes, and only its link to the entry is dropped (the foreign key used to refuse the delete,
// which the button fuzz found). The same on both kinds of database.
import type { SlackProfile } from '../../src/core/model';
import { STORE_KINDS } from '../support/storeKinds';

const profile = (id: string): SlackProfile => ({
  id, teamId: 'T1', name: id.toLowerCase(), realName: id, email: null, tz: 'Europe/Berlin',
  isBot: false, deleted: false, statusText: '', statusEmoji: '', statusExpiration: 0,
});

describe.each(STORE_KINDS)('%s', (_kind, open) => {
  it('removes an entry an assignment was done with, keeping the assignment done, and refuses a stranger', async () => {
    const { store, close } = await open();
    try {
      for (const id of ['UADA', 'ULEAD', 'UEVE']) await store.people.upsertProfile(profile(id), 1);
      const { assignment } = await store.assignments.create(
        { leadId: 'ULEAD', assigneeId: 'UADA', link: 'https://x.com/1', brief: null, estimateMinutes: 15, dueAt: 100 }, 2);
      const { entry } = await store.entries.add({
        personId: 'UADA', minutes: 20, kind: 'respond', date: '2026-11-26', weekKey: '2026-W48', source: 'assignment',
        assignmentId: assignment.id, dedupeKey: `assignment:${assignment.id}`,
      }, 3);
      expect(await store.assignments.transition(assignment.id, 'offered', 'done', 4, { doneMinutes: 20, entryId: entry.id })).toBe(true);

      expect(await store.entries.remove(entry.id, 'UEVE')).toBe(false);
      expect(await store.assignments.get(assignment.id)).toMatchObject({ state: 'done', entryId: entry.id });

      expect(await store.entries.remove(entry.id, 'UADA')).toBe(true);
      expect(await store.entries.get(entry.id)).toBeUndefined();
      expect(await store.assignments.get(assignment.id)).toMatchObject({ state: 'done', doneMinutes: 20, entryId: null });
    } finally {
      await close();
    }
  });
});
