// A call waits for 报到 only while one of its items does: when the last waiting item is returned or
// cancelled (退回 before 报到, 终止 of the project), the call is cancelled and the escalation cycle
// stops looking at it (docs/domain.md "Calls").
import type { Tx } from '../../prisma/open-database.js';

export async function cancelEmptyCall(tx: Tx, callId: number): Promise<void> {
  const waiting = await tx.task.count({ where: { callId, state: 'posted' } });
  if (waiting === 0) await tx.call.updateMany({ where: { id: callId, state: 'posted' }, data: { state: 'cancelled', nextEscalationAt: null } });
}
