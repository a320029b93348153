// A stored outgoing file (a 台账, a chart) goes once no outbox row names it, and not before: a file still to be
// sent to one reader stays, whatever the others' rows (cron/prune-old-rows.ts, prisma/outbox-file-store.ts).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { enqueueMessage } from '../../core/enqueue-message.js';
import { storeOutboxFile } from '../../prisma/outbox-file-store.js';
import { createHarness, type Harness } from '../support/harness.js';
import { findPerson } from '../support/find-person.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ policy: { retentionDays: { inbound: 7, outbox: 30 } } });
});
afterEach(async () => {
  await h.close();
});

it('deletes a stored file once its last outbox row is gone, and keeps one a reader still waits for', async () => {
  const office = await findPerson(h.prisma, 'office');
  const daysAgo = (days: number) => new Date(h.clock.now().getTime() - days * 86_400_000);
  const [sentOnly, waiting] = await h.prisma.$transaction(async (tx) => {
    const ids: string[] = [];
    for (const name of ['旧台账.xlsx', '新台账.xlsx']) {
      const fileId = await storeOutboxFile(tx, { name, mediaType: 'application/octet-stream', bytes: Buffer.from(name) });
      await enqueueMessage(tx, { to: { personId: office.id }, message: { kind: 'file', name, fileId } });
      ids.push(fileId);
    }
    return ids;
  });
  await h.prisma.outboxFile.updateMany({ data: { createdAt: daysAgo(40) } });
  // The first file's row was sent long ago (past retention); the second's is still pending.
  await h.prisma.outbox.updateMany({ where: { payload: { path: ['fileId'], equals: sentOnly } }, data: { status: 'sent', createdAt: daysAgo(40) } });
  await h.app.prune();
  const left = (await h.prisma.outboxFile.findMany({ select: { id: true } })).map((file) => String(file.id));
  expect(left).toEqual([waiting]);
});
