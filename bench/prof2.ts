import { openStore } from '../src/store';
const { store } = openStore('/tmp/bench-keep/bench.db');
const db = store.db;
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const K = '["2026-W43","2026-W44","2026-W45","2026-W46","2026-W47","2026-W48"]';
const base = db.prepare("SELECT person_id, week_key, SUM(minutes) FROM entries WHERE week_key IN (SELECT value FROM json_each(?)) GROUP BY week_key, person_id").raw();
const newq = db.prepare(`SELECT p.rowid, CAST(substr(s.week_key, 1, 4) AS INTEGER) * 100 + CAST(substr(s.week_key, 7) AS INTEGER), s.m, s.r FROM (
  SELECT week_key, person_id, SUM(minutes) AS m, SUM(CASE WHEN kind IN ('respond', 'comment', 'share') THEN minutes ELSE 0 END) AS r
  FROM entries WHERE week_key IN (SELECT value FROM json_each(?)) GROUP BY week_key, person_id) s JOIN people p ON p.id = s.person_id`).raw();
const newq2 = db.prepare(`SELECT person_id, week_key, SUM(minutes) AS m, SUM(CASE WHEN kind IN ('respond', 'comment', 'share') THEN minutes ELSE 0 END) AS r
  FROM entries WHERE week_key IN (SELECT value FROM json_each(?)) GROUP BY week_key, person_id`).raw();
const slot = new Map<string, number>();

console.log(db.prepare('EXPLAIN QUERY PLAN ' + newq.source).all(K).map((r: any) => r.detail));
const arr = new Int32Array(200000);
for (let i = 0; i < 6; i++) {
  let s = cpu(); let n = 0;
  for (const r of base.iterate(K) as Iterable<unknown[]>) { n++; void r; }
  const a = cpu() - s;
  s = cpu();
  for (const r of newq.iterate(K) as Iterable<number[]>) { arr[r[0] * 6 + (r[1] % 6)] = r[2]; }
  const b = cpu() - s;
  s = cpu(); let lk = ''; let w = 0;
  for (const r of newq2.iterate(K) as Iterable<[string, string, number, number]>) { let sl = slot.get(r[0]); if (sl === undefined) { sl = slot.size; slot.set(r[0], sl); } if (r[1] !== lk) { lk = r[1]; w = (w + 1) % 6; } arr[sl * 6 + w] = r[2]; }
  console.log('base', a.toFixed(0), 'new+visit', b.toFixed(0), 'current', (cpu() - s).toFixed(0), n);
}
