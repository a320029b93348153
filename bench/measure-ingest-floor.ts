// The no-Prisma ingest floor's rate and CPU per message: bench/ingest-floor-server.ts on its own
// database (migrated as the bot migrates it), driven by the bench's client with the same kind of
// callbacks as the end-to-end run; the server's CPU from /proc (bench/read-process-cpu.ts).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase } from '../prisma/open-database.js';
import { freePort } from './free-port.js';
import { sendAll, type LoadResult, type PreparedRequest } from './load-callbacks.js';
import { readProcessCpu } from './read-process-cpu.js';

export interface FloorFigures {
  load: LoadResult;
  /** The floor server's CPU per request, in ms (for PGlite the database's work is in it too). */
  serverCpuMs: number;
  /** PostgreSQL's CPU per request (the postmaster and its children), in ms; absent on PGlite. */
  databaseCpuMs?: number;
}

/** One floor process for every concurrency, warmed up first with `warmUp` callbacks as the bot's server is. */
export async function measureIngestFloor(
  location: string,
  callbacks: (base: string) => PreparedRequest[],
  concurrencies: number[],
  warmUp: (base: string) => PreparedRequest[],
  databasePid?: number,
): Promise<FloorFigures[]> {
  if (!location.includes('://')) mkdirSync(dirname(location), { recursive: true });
  await (await openDatabase(location)).close();
  const port = await freePort();
  const child = fork(new URL('./ingest-floor-server.ts', import.meta.url).pathname, [String(port), location], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  await once(child, 'message');
  try {
    const base = `http://127.0.0.1:${port}`;
    await sendAll(warmUp(base), concurrencies[0]!);
    const floors: FloorFigures[] = [];
    for (const concurrency of concurrencies) {
      const requests = callbacks(base);
      const [server, database] = [readProcessCpu(child.pid!), databasePid ? readProcessCpu(databasePid, true) : 0];
      const load = await sendAll(requests, concurrency);
      floors.push({
        load,
        serverCpuMs: (readProcessCpu(child.pid!) - server) / requests.length,
        ...(databasePid && { databaseCpuMs: (readProcessCpu(databasePid, true) - database) / requests.length }),
      });
    }
    return floors;
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}
