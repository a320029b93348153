// What the enterprise needs under each open item of 进度: who handles it (the unit's agent who took
// it, first handler under 首办负责制, 002 五(五)) or that the unit has not reported yet, and the
// materials it still owes (the 一次性告知 list, 002 五(五)), and a number to call: the unit's 办公电话 from the
// roster, else the agent's mobile where the county's policy allows it (enterpriseSeesAgentMobile), else the
// window to ask (docs/domain.md "The enterprise's view").
import type { Task, Unit } from '../../generated/prisma/client.js';
import type { Tx } from '../../prisma/open-database.js';
import { openTaskStates } from '../../domain/task/task-state.js';
import { readMaterialNotices } from '../../use-cases/read-material-notices.js';

/** The lines to show under each open task, by task id. */
export async function describeOpenItems(
  tx: Tx,
  projectId: number,
  tasks: readonly (Task & { unit: Unit })[],
  showAgentMobile: boolean,
): Promise<Map<number, string[]>> {
  const open = tasks.filter((task) => (openTaskStates as readonly string[]).includes(task.state));
  // The call is taken once for all its items (docs/domain.md "Calls"): its taker handles each of them.
  const calls = await tx.call.findMany({ where: { id: { in: open.map((task) => task.callId) } }, select: { id: true, takenById: true } });
  const takenBy = new Map(calls.map((call) => [call.id, call.takenById]));
  const handlerIds = calls.flatMap((call) => (call.takenById === null ? [] : [call.takenById]));
  const handlers = new Map(
    (await tx.person.findMany({ where: { id: { in: handlerIds } }, select: { id: true, name: true, mobile: true } })).map((person) => [person.id, person]),
  );
  const notices = new Map((await readMaterialNotices(tx, projectId)).map((notice) => [notice.taskId, notice]));
  const lines = new Map<number, string[]>();
  for (const task of open) {
    const takerId = takenBy.get(task.callId);
    const handler = takerId == null ? undefined : handlers.get(takerId);
    const phone = task.unit.officePhone ? `办公电话 ${task.unit.officePhone}` : showAgentMobile && handler?.mobile ? `手机 ${handler.mobile}` : '电话请问专窗';
    const who = `${handler ? handler.name : '待报到'} · ${phone}`;
    const materials = notices.get(task.id)?.materials ?? [];
    lines.set(task.id, [`　经办：${task.unit.name} ${who}`, `　需提交材料：${materials.length > 0 ? materials.join('、') : '待单位一次性告知'}`]);
  }
  return lines;
}
