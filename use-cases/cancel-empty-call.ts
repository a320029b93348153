// A call waits for 报到 only while one of its items does: when the last waiting item is returned or
// cancelled (退回 before 报到, 终止 of the project), the call is cancelled and the escalation cycle
// stops looking at it (docs/domain.md "Calls").
import type { Tx } from '../prisma/open-database.js';
import { moveCallRow } from '../prisma/call-store.js';

export async function cancelEmptyCall(tx: Tx, callId: number): Promise<void> {
  const waiting = await tx.task.count({ where: { callId, state: 'posted' } });
  if (waiting > 0) return;
  const call = await tx.call.findUniqueOrThrow({ where: { id: callId }, select: { id: true, state: true } });
  // A call already taken stays taken: only a waiting call is cancelled.
  if (call.state === 'posted') await moveCallRow(tx, call, 'cancel', { nextEscalationAt: null });
}
