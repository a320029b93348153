// The one place the schedules write to the outbox: a list of { personId, title, markdown } in,
// outbox rows (markdown with its title, to the person on the platform chosen at delivery) out,
// inside the caller's transaction, each followed by the run's chart when it has one (the Wednesday digest,
// the 22nd's ranking: render-digest-chart.ts). The chart's PNG is stored once and each reader's row names
// it (prisma/outbox-file-store.ts); the 22nd's 台账 follows as a job (use-cases/send-ranking-ledger-file.ts).
import type { Tx } from '../prisma/open-database.js';
import { enqueueMessages, type Enqueue } from '../core/enqueue-message.js';
import type { Digest } from '../domain/schedule/schedule-snapshot.js';
import { storeOutboxFile } from '../prisma/outbox-file-store.js';
import type { DigestChart } from './render-digest-chart.js';

/**
 * Queues each digest once: the dedup key (occurrence key + person) survives any retry. The chart goes right
 * after each text (`schedule:<occurrence>:image:<personId>`): one person's rows are sent in queue order.
 * Returns the readers queued, in order.
 */
export async function queueDigest(tx: Tx, occurrenceKey: string, digests: readonly Digest[], chart: DigestChart | null = null): Promise<number[]> {
  if (digests.length === 0) return [];
  const active = new Set(
    (await tx.person.findMany({ where: { id: { in: digests.map((digest) => digest.personId) }, active: true }, select: { id: true } })).map(
      (person) => person.id,
    ),
  );
  const readers = digests.filter((digest) => active.has(digest.personId));
  if (readers.length === 0) return [];
  const fileId = chart ? await storeOutboxFile(tx, { name: chart.name, mediaType: 'image/png', bytes: chart.png }) : null;
  const items: Enqueue[] = [];
  for (const digest of readers) {
    items.push({
      to: { personId: digest.personId },
      message: { kind: 'markdown', title: digest.title, text: digest.markdown },
      dedupKey: `schedule:${occurrenceKey}:${digest.personId}`,
    });
    if (chart && fileId)
      items.push({
        to: { personId: digest.personId },
        message: { kind: 'image', name: chart.name, fileId },
        dedupKey: `schedule:${occurrenceKey}:image:${digest.personId}`,
      });
  }
  await enqueueMessages(tx, items);
  return readers.map((digest) => digest.personId);
}
