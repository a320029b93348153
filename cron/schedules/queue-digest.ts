// The one place the schedules write to the outbox: a list of { personId, title, markdown } in,
// outbox rows out, inside the caller's transaction. The outbox addresses WeCom userids and
// markdown has no title yet, so the title goes first as a bold line; this file is what changes
// when the outbox addresses Person.id and markdown gains a title.
import type { Tx } from '../../prisma/open-database.js';
import { enqueueMessage } from '../../bot/outbox/enqueue-message.js';
import type { Digest } from '../../domain/schedule/schedule-snapshot.js';

/** Queues each digest once: the dedup key (occurrence key + person) survives any retry. */
export async function queueDigest(tx: Tx, occurrenceKey: string, digests: readonly Digest[]): Promise<number> {
  if (digests.length === 0) return 0;
  const people = await tx.person.findMany({ where: { id: { in: digests.map((digest) => digest.personId) }, active: true }, select: { id: true, userid: true } });
  const userids = new Map(people.map((person) => [person.id, person.userid]));
  let queued = 0;
  for (const digest of digests) {
    const userid = userids.get(digest.personId);
    if (!userid) continue;
    await enqueueMessage(tx, { recipient: userid, message: { kind: 'markdown', text: `**${digest.title}**\n${digest.markdown}` }, dedupKey: `schedule:${occurrenceKey}:${digest.personId}` });
    queued += 1;
  }
  return queued;
}
