// The OutboxFile table (prisma/schema.prisma): an outgoing file's bytes stored once, however many readers'
// Outbox rows name it (issue 20 "the 台账 file … stored once and referenced by every reader's message").
// Rows name a file in their payload ({ kind: 'file' | 'image', name, fileId }), so pruning looks there.
import { createHash } from 'node:crypto';
import type { Db, Tx } from './open-database.js';

export interface NewOutboxFile {
  name: string;
  mediaType: string;
  bytes: Buffer;
}

/** Stores the bytes once; returns the id the readers' messages carry (a string: payloads are JSON). */
export async function storeOutboxFile(tx: Tx, file: NewOutboxFile): Promise<string> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const [row] = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO "OutboxFile" (name, "mediaType", bytes, sha256)
    VALUES (${file.name}, ${file.mediaType}, decode(${file.bytes.toString('base64')}, 'base64'), ${sha256}) RETURNING id`;
  return String(row!.id);
}

/**
 * The stored bytes as base64 (what a transport sends), or null when the file is gone. Bytes cross the driver
 * as base64 text both ways: the PGlite adapter refuses a Buffer parameter for bytea ("Invalid input for bytea type").
 */
export async function readOutboxFile(db: Db, fileId: string): Promise<string | null> {
  const [row] = await db.$queryRaw<{ content: string }[]>`
    SELECT translate(encode(bytes, 'base64'), E'\n', '') AS content FROM "OutboxFile" WHERE id = ${BigInt(fileId)}`;
  return row ? row.content : null;
}

/**
 * Files no Outbox row names any more, stored before `before` (a file is stored in the same transaction as
 * the rows that name it, so only an older one can be left without them); SKIP LOCKED, like every prune.
 */
export async function deleteUnreferencedOutboxFiles(db: Db, { before, batch }: { before: Date; batch: number }): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "OutboxFile" WHERE id IN (
      SELECT f.id FROM "OutboxFile" AS f
      WHERE f."createdAt" < ${before}
        AND NOT EXISTS (SELECT 1 FROM "Outbox" AS o WHERE o.kind IN ('file', 'image') AND o.payload->>'fileId' = f.id::text)
      LIMIT ${batch} FOR UPDATE SKIP LOCKED)`;
}
