// The project's 服务绿卡 (000 第四条; one per project), read after loadProject locked the project: the
// project's row lock is what orders two instances changing its card (prisma/lock-rows.ts).
import type { GreenCard } from '../../generated/prisma/client.js';
import type { GreenCardState } from '../../domain/green-card/decide-green-card-application.js';
import type { Tx } from '../../prisma/open-database.js';

const day = (value: Date | null) => value?.toISOString().slice(0, 10) ?? null;

export async function loadGreenCard(tx: Tx, projectId: number): Promise<{ row: GreenCard; state: GreenCardState } | null> {
  const row = await tx.greenCard.findUnique({ where: { projectId } });
  if (!row) return null;
  const state = {
    state: row.state as GreenCardState['state'],
    validUntil: day(row.validUntil),
    revokedOn: day(row.revokedOn),
    renewalApplied: row.renewalAppliedAt !== null,
  };
  return { row, state };
}
