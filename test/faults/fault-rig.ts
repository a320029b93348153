// What every fault test but the database outage shares: a PostgreSQL database with the demo roster
// and a fake WeCom on 127.0.0.1, opened before the file's tests and closed after them.
import { afterAll, beforeAll } from 'vitest';
import { importRoster } from '../../bot/roster/import-roster.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import { openDatabase, type Database } from '../../prisma/open-database.js';
import { DEMO_ROSTER } from '../support/harness.js';
import { createTestDatabaseLocation } from '../support/test-database.js';
import { startFakeWecom, type FakeWecom } from './fake-wecom-server.js';

export interface FaultRig {
  location: Awaited<ReturnType<typeof createTestDatabaseLocation>>;
  database: Database;
  wecom: FakeWecom;
}

/** Call at the top of a test file; the fields are there once its tests run. */
export function useFaultRig(wecomOptions?: Parameters<typeof startFakeWecom>[0]): FaultRig {
  const rig = {} as FaultRig;
  beforeAll(async () => {
    rig.location = await createTestDatabaseLocation();
    rig.database = await openDatabase(rig.location.location);
    await importRoster(rig.database.prisma, await readRosterFile(DEMO_ROSTER));
    rig.wecom = await startFakeWecom(wecomOptions);
  }, 60_000);
  afterAll(async () => {
    await rig.wecom?.close();
    await rig.database?.close();
    await rig.location?.remove();
  });
  return rig;
}
