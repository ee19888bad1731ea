// `db copy --from <sqlite file> --to <postgres url>`: a whole SQLite deployment moved to PostgreSQL.
// It needs no store of its own (both ends are named), so it runs before the configured one is opened.
import { copySqliteToPostgres, CopyRefusedError } from '../store/postgres/copy';
import { redactUrl } from '../store/postgres/db';
import { tenantFilesBeside } from '../store/tenants';
import { tenantSchema } from '../store/postgres/tenants';
import type { CliIo } from './types';

const USAGE = 'db copy needs both ends: npm run ballast -- db copy --from ./data/ballast.db --to postgres://user:pass@host/ballast';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function dbCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const from = flag(rest, '--from');
  const to = flag(rest, '--to');
  if (sub !== 'copy' || !from || !to || !/^postgres(ql)?:\/\//.test(to)) {
    io.err(USAGE);
    return 2;
  }
  try {
    // A many-workspace deployment's tenants (data/tenants/*.db beside the main file) move with it.
    const tenants = tenantFilesBeside(from).map((t) => ({ ...t, schema: tenantSchema(t.tenantId) }));
    const { counts, nulValues } = await copySqliteToPostgres(from, to, tenants);
    for (const c of counts) io.out(`${c.table}: ${c.source} → ${c.target}`);
    if (nulValues > 0) io.out(`${nulValues} value(s) held a NUL character, which PostgreSQL cannot store: copied without it`);
    if (tenants.length > 0) io.out(`with ${tenants.length} workspace(s) of their own: ${tenants.map((t) => `${t.tenantId} → schema ${t.schema}`).join(', ')}`);
    io.out(`copied ${from} to ${redactUrl(to)}; every table's count matches`);
    return 0;
  } catch (e) {
    if (e instanceof CopyRefusedError) {
      io.err(`db copy refused: ${e.message}`);
      return 1;
    }
    // A connection error may quote the URL: never its password.
    io.err(`db copy failed: ${(e instanceof Error ? e.message : String(e)).split(to).join(redactUrl(to))}`);
    return 1;
  }
}
