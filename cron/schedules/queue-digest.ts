// The one place the schedules write to the outbox: a list of { personId, title, markdown } in,
// outbox rows (markdown with its title, to the person on the platform chosen at delivery) out,
// inside the caller's transaction, each followed by the run's chart when it has one (the Wednesday digest,
// the 22nd's ranking: render-digest-chart.ts); and a file (the 22nd's 台账) to a list of readers.
import type { Tx } from '../../prisma/open-database.js';
import { enqueueMessage } from '../../core/enqueue-message.js';
import type { Digest } from '../../domain/schedule/schedule-snapshot.js';
import type { ImageMessage } from './render-digest-chart.js';

/**
 * Queues each digest once: the dedup key (occurrence key + person) survives any retry. `image` goes right
 * after each text (`schedule:<occurrence>:image:<personId>`): one person's rows are sent in queue order.
 */
export async function queueDigest(tx: Tx, occurrenceKey: string, digests: readonly Digest[], image: ImageMessage | null = null): Promise<number> {
  if (digests.length === 0) return 0;
  const active = new Set(
    (await tx.person.findMany({ where: { id: { in: digests.map((digest) => digest.personId) }, active: true }, select: { id: true } })).map(
      (person) => person.id,
    ),
  );
  let queued = 0;
  for (const digest of digests) {
    if (!active.has(digest.personId)) continue;
    await enqueueMessage(tx, {
      to: { personId: digest.personId },
      message: { kind: 'markdown', title: digest.title, text: digest.markdown },
      dedupKey: `schedule:${occurrenceKey}:${digest.personId}`,
    });
    if (image) await enqueueMessage(tx, { to: { personId: digest.personId }, message: image, dedupKey: `schedule:${occurrenceKey}:image:${digest.personId}` });
    queued += 1;
  }
  return queued;
}

/** Queues one file to each active reader once: `schedule:<occurrence>:file:<personId>`. */
export async function queueFile(tx: Tx, occurrenceKey: string, personIds: readonly number[], file: { name: string; content: Buffer }): Promise<number> {
  if (personIds.length === 0) return 0;
  const active = (await tx.person.findMany({ where: { id: { in: [...personIds] }, active: true }, select: { id: true }, orderBy: { id: 'asc' } })).map(
    (person) => person.id,
  );
  const message = { kind: 'file' as const, name: file.name, content: file.content.toString('base64') };
  for (const personId of active) await enqueueMessage(tx, { to: { personId }, message, dedupKey: `schedule:${occurrenceKey}:file:${personId}` });
  return active.length;
}
