// What one statement inside an interactive transaction costs the Node process by each path
// (prisma/query-driver.ts explains the choice): Prisma's tagged `$queryRaw`, `$queryRawUnsafe`, and
// the driver on the transaction's own connection (PGlite's `transaction`, a node-postgres client
// with BEGIN/COMMIT). `npx tsx bench/in-transaction-paths.ts [postgres-url]`: in-memory PGlite, or
// that PostgreSQL database. CPU of this process per statement (user + system), median of 5 rounds.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { pgAdapter } from '../prisma/pg-adapter.js';
import { pgliteAdapter } from '../prisma/pglite-adapter.js';

const STATEMENTS = 200;
const ROUNDS = 5;
const url = process.argv[2];
const SQL = 'SELECT $1::int + 1 AS n';
/** A loaded machine must not cut a round short. */
const LONG = { maxWait: 60_000, timeout: 120_000 };

const lite = url ? null : new PGlite();
const pool = url ? new pg.Pool({ connectionString: url }) : null;
const prisma = new PrismaClient({ adapter: lite ? pgliteAdapter(lite) : pgAdapter(pool!) });

async function cpuPer(run: () => Promise<void>): Promise<number> {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const before = process.cpuUsage();
    await run();
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / STATEMENTS);
  }
  return samples.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
}

const paths: Record<string, () => Promise<void>> = {
  'tx.$queryRaw (tagged)': () =>
    prisma.$transaction(async (tx) => {
      for (let i = 0; i < STATEMENTS; i += 1) await tx.$queryRaw`SELECT ${i}::int + 1 AS n`;
    }, LONG),
  'tx.$queryRawUnsafe': () =>
    prisma.$transaction(async (tx) => {
      for (let i = 0; i < STATEMENTS; i += 1) await tx.$queryRawUnsafe(SQL, i);
    }, LONG),
  'driver, same connection': async () => {
    if (lite)
      return void (await lite.transaction(async (tx) => {
        for (let i = 0; i < STATEMENTS; i += 1) await tx.query(SQL, [i]);
      }));
    const client = await pool!.connect();
    try {
      await client.query('BEGIN');
      for (let i = 0; i < STATEMENTS; i += 1) await client.query(SQL, [i]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  },
};

for (const run of Object.values(paths)) await run(); // warm up
for (const [name, run] of Object.entries(paths))
  console.log(`${url ? 'PostgreSQL' : 'PGlite'}: ${name}: ${Math.round(await cpuPer(run))} µs CPU per statement`);
await prisma.$disconnect();
await lite?.close();
