// `/ballast log` on PostgreSQL: against SQLite (`log-postgres`), and two replicas on one PostgreSQL
// against one (`log-replicas`), each pair measured in the same run under the same load.
import { freshDatabase } from '../test/support/postgres';
import { compare, line, startServer, stopServers, type BenchServer, type Figures } from './log';

const defaults = { seconds: 3, rounds: 4, connections: 10 };

export async function benchLogPostgres(opts: Partial<typeof defaults> = {}): Promise<{ throughputRatio: number; p99Ratio: number }> {
  const o = { ...defaults, ...opts };
  const db = await freshDatabase();
  const servers: BenchServer[] = [];
  let best: Record<'sqlite' | 'postgres', Figures>;
  try {
    const sqlite = await startServer('ballast');
    servers.push(sqlite);
    const pg = await startServer('postgres', { BENCH_DATABASE_URL: db.url });
    servers.push(pg);
    best = await compare({ sqlite: [sqlite], postgres: [pg] }, o);
  } finally {
    stopServers(servers);
    await db.drop();
  }
  const throughputRatio = best.postgres.rps / best.sqlite.rps;
  const p99Ratio = best.postgres.p99 / Math.max(best.sqlite.p99, 1);
  console.log(`\n/ballast log on PostgreSQL vs SQLite, one process each (best of ${o.rounds} alternating ${o.seconds}s rounds, ${o.connections} connections)`);
  console.log(line('sqlite', best.sqlite));
  console.log(line('postgres', best.postgres));
  console.log(`  throughput ratio ${throughputRatio.toFixed(2)}, p99 ratio ${p99Ratio.toFixed(2)}, CPU per request ${(best.postgres.cpuPerRequestUs / best.sqlite.cpuPerRequestUs).toFixed(2)} (PostgreSQL / SQLite; the PostgreSQL server's own CPU not counted)`);
  return { throughputRatio, p99Ratio };
}

/**
 * Two replicas on one PostgreSQL, each loaded by its own generator, against one replica loaded by two
 * generators: the same generators and connections on both sides, only the number of servers differs.
 */
export async function benchLogReplicas(opts: Partial<typeof defaults> = {}): Promise<{ throughputRatio: number; p99Ratio: number }> {
  const o = { ...defaults, ...opts };
  const one = await freshDatabase();
  const two = await freshDatabase();
  const servers: BenchServer[] = [];
  let best: Record<'one' | 'two', Figures>;
  try {
    const single = await startServer('postgres', { BENCH_DATABASE_URL: one.url });
    servers.push(single);
    const a = await startServer('postgres', { BENCH_DATABASE_URL: two.url });
    servers.push(a);
    // Started after the first has migrated, as a rolling start would; concurrent starts are tested elsewhere.
    const b = await startServer('postgres', { BENCH_DATABASE_URL: two.url });
    servers.push(b);
    best = await compare({ one: [single, single], two: [a, b] }, o);
  } finally {
    stopServers(servers);
    await one.drop();
    await two.drop();
  }
  const throughputRatio = best.two.rps / best.one.rps;
  const p99Ratio = best.two.p99 / Math.max(best.one.p99, 1);
  console.log(`\n/ballast log on PostgreSQL, two replicas vs one (best of ${o.rounds} alternating ${o.seconds}s rounds, ${o.connections} connections over two generators)`);
  console.log(line('1 replica', best.one));
  console.log(line('2 replicas', best.two));
  console.log(`  throughput ratio ${throughputRatio.toFixed(2)} (target >= 1.60), p99 ratio ${p99Ratio.toFixed(2)}`);
  return { throughputRatio, p99Ratio };
}

/**
 * Many-workspace mode against one workspace, both on SQLite in one process each: what the tenant scope
 * (authorizing from the installations table, the AsyncLocalStorage scope, the proxies) adds to a request.
 */
export async function benchLogTenants(opts: Partial<typeof defaults> = {}): Promise<{ throughputRatio: number; cpuRatio: number }> {
  const o = { ...defaults, ...opts };
  const servers: BenchServer[] = [];
  let best: Record<'single' | 'many', Figures>;
  try {
    const single = await startServer('ballast');
    servers.push(single);
    const many = await startServer('many');
    servers.push(many);
    best = await compare({ single: [single], many: [many] }, o);
  } finally {
    stopServers(servers);
  }
  const throughputRatio = best.many.rps / best.single.rps;
  const cpuRatio = best.many.cpuPerRequestUs / best.single.cpuPerRequestUs;
  console.log(`\n/ballast log, many-workspace mode vs one workspace, SQLite (best of ${o.rounds} alternating ${o.seconds}s rounds, ${o.connections} connections)`);
  console.log(line('one workspace', best.single));
  console.log(line('many workspaces', best.many));
  console.log(`  throughput ratio ${throughputRatio.toFixed(2)}, p99 ratio ${(best.many.p99 / Math.max(best.single.p99, 1)).toFixed(2)}, CPU per request ${cpuRatio.toFixed(2)} (many / one)`);
  return { throughputRatio, cpuRatio };
}
