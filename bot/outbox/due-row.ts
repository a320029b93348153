// An outbox row as the sender claims it (prisma/outbox-store.ts), with the platform names of
// core/messages.ts. Its own file, so the steps the claim runs (bundle-notices.ts, report-failure.ts)
// and the sender take the type from below instead of importing the claim back (issue 17: no import cycle).
import type { Platform } from '../../core/messages.js';
import type { OutboxRow } from '../../prisma/outbox-store.js';

export type DueRow = OutboxRow<Platform>;
