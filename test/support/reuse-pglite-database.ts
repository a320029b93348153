// In-memory PGlite databases for one test file's process, handed out again after `close` instead of
// started anew. Starting a PGlite from a template dump costs about a second of CPU (the WebAssembly
// instance, untarring ~40 MB, PostgreSQL's start-up); putting the tables back as the template had them
// costs milliseconds: truncate every table, copy the template's rows back in (COPY … '/dev/blob',
// PGlite's in-memory file), reset the sequences and the session. A database whose schema a test changed
// (its own table, function or trigger) is closed for good instead. Each handed-out client refuses
// queries once closed, so a query a test left running cannot land in the next test's database.
import { PGlite, type Results } from '@electric-sql/pglite';
import { PrismaClient } from '../../generated/prisma/client.js';
import { PGLITE_SETTINGS, type Database } from '../../prisma/open-database.js';
import { pgliteAdapter } from '../../prisma/pglite-adapter.js';

interface Snapshot {
  tables: string[];
  rows: Map<string, Blob>;
  sequences: { name: string; lastValue: string | null }[];
  schema: string;
}

interface Idle {
  lite: PGlite;
  template: string;
}

const idle: Idle[] = [];
const snapshots = new Map<string, Snapshot>();

// What a test's DDL changes: relations, columns, functions, triggers, constraints, types, settings.
const SCHEMA_FINGERPRINT = `SELECT concat_ws(',',
  (SELECT md5(string_agg(a.attrelid || a.attname || a.atttypid || a.attnotnull || a.attisdropped, ',' ORDER BY a.attrelid, a.attnum))
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'),
  (SELECT count(*) || '/' || max(oid) FROM pg_class), (SELECT count(*) || '/' || max(oid) FROM pg_proc),
  (SELECT count(*) FROM pg_trigger), (SELECT count(*) FROM pg_constraint), (SELECT count(*) FROM pg_type),
  (SELECT count(*) FROM pg_enum), (SELECT count(*) FROM pg_attrdef), (SELECT count(*) FROM pg_db_role_setting)) AS fingerprint`;

/** A database as `template` (a dump file's path, whose contents are `dump`) holds it. */
export async function openReusedPglite(template: string, dump: Blob): Promise<Database> {
  const at = idle.findIndex((entry) => entry.template === template);
  const lite = at >= 0 ? idle.splice(at, 1)[0]!.lite : await startPglite(template, dump);
  let closed = false;
  const prisma = new PrismaClient({ adapter: pgliteAdapter(refusingOnceClosed(lite, () => closed)) });
  return {
    prisma,
    kind: 'pglite',
    applied: [],
    dump: () => lite.dumpDataDir('gzip'),
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      if (await resetToTemplate(lite, snapshots.get(template)!)) idle.push({ lite, template });
      else await lite.close();
    },
  };
}

async function startPglite(template: string, dump: Blob): Promise<PGlite> {
  const lite = new PGlite({ loadDataDir: dump, postgresqlconf: PGLITE_SETTINGS });
  if (!snapshots.has(template)) snapshots.set(template, await takeSnapshot(lite));
  return lite;
}

async function takeSnapshot(lite: PGlite): Promise<Snapshot> {
  const tables = (await lite.query<{ name: string }>(`SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).rows.map(
    (row) => row.name,
  );
  const rows = new Map<string, Blob>();
  for (const table of tables) {
    const copied: Results = await lite.query(`COPY ${table} TO '/dev/blob'`);
    if (copied.blob && copied.blob.size > 0) rows.set(table, copied.blob);
  }
  const sequences = (
    await lite.query<{ name: string; lastValue: string | null }>(
      `SELECT quote_ident(sequencename) AS name, last_value::text AS "lastValue" FROM pg_sequences WHERE schemaname = 'public'`,
    )
  ).rows;
  return { tables, rows, sequences, schema: await fingerprint(lite) };
}

/** Puts the template's rows back; false when the database cannot be reused (its schema changed, or the reset failed). */
async function resetToTemplate(lite: PGlite, snapshot: Snapshot): Promise<boolean> {
  try {
    return await withinSeconds(5, async () => {
      await lite.exec('ROLLBACK; RESET ALL; UNLISTEN *; SELECT pg_advisory_unlock_all();');
      if ((await fingerprint(lite)) !== snapshot.schema) return false;
      await lite.transaction(async (tx) => {
        // Foreign keys and the Event log's append-only trigger are triggers: off while the rows go back.
        await tx.exec(`SET LOCAL session_replication_role = replica; TRUNCATE ${snapshot.tables.join(', ')} RESTART IDENTITY`);
        for (const [table, blob] of snapshot.rows) await tx.query(`COPY ${table} FROM '/dev/blob'`, [], { blob });
        for (const { name, lastValue } of snapshot.sequences)
          await tx.exec(lastValue === null ? `ALTER SEQUENCE ${name} RESTART` : `SELECT setval('${name}', ${lastValue}, true)`);
      });
      return true;
    });
  } catch {
    return false;
  }
}

/** `run`'s result, or an error after `seconds` (a transaction a test left open holds the database). */
async function withinSeconds<T>(seconds: number, run: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('reset timed out')), seconds * 1000)));
  try {
    return await Promise.race([run(), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function fingerprint(lite: PGlite): Promise<string> {
  return (await lite.query<{ fingerprint: string }>(SCHEMA_FINGERPRINT)).rows[0]!.fingerprint;
}

const QUERYING = new Set(['query', 'exec', 'sql', 'transaction', 'describeQuery', 'execProtocol', 'execProtocolRaw', 'execProtocolRawStream', 'listen']);

/** `lite`, whose querying methods reject once `isClosed()` holds. */
function refusingOnceClosed(lite: PGlite, isClosed: () => boolean): PGlite {
  return new Proxy(lite, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key, object);
      if (typeof value !== 'function') return value;
      if (typeof key === 'string' && QUERYING.has(key))
        return (...args: unknown[]) =>
          isClosed() ? Promise.reject(new Error('this test database was closed')) : (value as (...a: unknown[]) => unknown).apply(object, args);
      return value.bind(object);
    },
  });
}
