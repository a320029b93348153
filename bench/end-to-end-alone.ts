// The end-to-end bench (bench/end-to-end.ts) for one database, with the SQL statements per message:
// `npm run build && npx tsx bench/end-to-end-alone.ts pglite|postgres`. On PostgreSQL the server
// preloads pg_stat_statements and the count is every statement the server ran during the load
// (the loops included); on PGlite there is no such view, so it says none. Prints one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { benchEndToEnd, MESSAGES } from './end-to-end.js';
import { startPostgres } from './postgres-server.js';

const kind = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const work = mkdtempSync(join(tmpdir(), 'xmgj-e2e-'));

async function statements(url: string, reset: boolean): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    if (reset) {
      await client.query('SELECT pg_stat_statements_reset()');
      return 0;
    }
    const { rows } = await client.query<{ calls: string }>(
      `SELECT coalesce(sum(calls), 0) AS calls FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND query NOT LIKE '%pg_stat_statements%'`,
    );
    return Number(rows[0]!.calls);
  } finally {
    await client.end();
  }
}

try {
  if (kind === 'pglite') {
    const figures = await benchEndToEnd(join(work, 'pglite'), join(work, 'e2e'));
    console.log(JSON.stringify(summary(figures, null)));
  } else {
    const server = await startPostgres(['shared_preload_libraries=pg_stat_statements', 'pg_stat_statements.track=all']);
    if ('failed' in server) throw new Error(server.failed);
    try {
      const url = await server.createDatabase('bench_e2e');
      let count = 0;
      const figures = await benchEndToEnd(url, join(work, 'e2e'), {
        beforeLoad: async () => void (await statements(url, true)),
        afterLoad: async () => void (count = await statements(url, false)),
      });
      console.log(JSON.stringify(summary(figures, count / MESSAGES)));
    } finally {
      server.stop();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function summary(figures: Awaited<ReturnType<typeof benchEndToEnd>>, statementsPerMessage: number | null) {
  return {
    kind,
    endToEndPerSecond: Math.round(figures.endToEndPerSecond),
    acceptedPerSecond: Math.round(MESSAGES / figures.load.seconds),
    processedSeconds: figures.processedSeconds,
    deliveredSeconds: figures.deliveredSeconds,
    callback: figures.load,
    floor: figures.floor,
    replies: figures.replies,
    statementsPerMessage,
  };
}
