// The same store calls on SQLite and on PostgreSQL give the same answers: every method of every group,
// the dedupe keys, the compare-and-set transitions, the orderings and the budget history's as-of rules.
// Each scenario writes a transcript of what the store answered; the two kinds' transcripts must match,
// and a few facts in them are pinned outright so that "equal" cannot mean "equally wrong".
import { STORE_KINDS } from '../support/storeKinds';
import { normaliser, pinned, scenarios } from '../support/storeScenarios';

describe.each(Object.keys(scenarios))('%s', (scenario) => {
  it('answers the same on SQLite and on PostgreSQL', async () => {
    const transcripts: Record<string, Record<string, unknown>> = {};
    for (const [kind, open] of STORE_KINDS) {
      const opened = await open();
      const transcript: Record<string, unknown> = {};
      const walk = normaliser();
      try {
        await scenarios[scenario](opened.store, (label, value) => {
          transcript[label] = walk(value);
        });
      } finally {
        await opened.close();
      }
      transcripts[kind] = transcript;
    }
    expect(transcripts.PostgreSQL).toEqual(transcripts.SQLite);
    pinned[scenario]?.(transcripts.PostgreSQL);
  });
});

