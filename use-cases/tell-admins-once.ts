// Tells every admin each warning once: the dedup key (the warning's key and the admin) makes a warning
// that is still true on the next pass a no-op, and a new one (another year, another failing row) told
// again (docs/architecture.md "Metrics").
import type { Tx } from '../prisma/open-database.js';
import { enqueueMessage } from '../core/enqueue-message.js';
import { findPeople } from '../core/recipients/find-people.js';

export interface AdminWarning {
  /** What makes the warning the same one: `calendar-gap:2027`, `health:outbox-failing:<row>`. */
  key: string;
  text: string;
}

export async function tellAdminsOnce(tx: Tx, warnings: readonly AdminWarning[]): Promise<void> {
  if (warnings.length === 0) return;
  for (const admin of await findPeople(tx, 'admin'))
    for (const warning of warnings)
      await enqueueMessage(tx, { to: { personId: admin.id }, message: { kind: 'text', text: warning.text }, dedupKey: `${warning.key}:${admin.id}` });
}
