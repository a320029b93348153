// What every fault test but the database outage shares: a PostgreSQL database with the demo roster
// and a fake WeCom on 127.0.0.1, opened before the file's tests and closed after them.
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database } from '../../prisma/open-database.js';
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
    // A copy of the template with the demo roster (test/support/global-setup.ts), as the bots' ROSTER_FILE has it.
    rig.location = await createTestDatabaseLocation('roster');
    rig.database = await openDatabase(rig.location.location);
    rig.wecom = await startFakeWecom(wecomOptions);
  }, 60_000);
  afterAll(async () => {
    await rig.wecom?.close();
    await rig.database?.close();
    await rig.location?.remove();
  });
  return rig;
}
