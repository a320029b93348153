// 中止 stops an item's clock and so its 督办 (handlers/tasks/suspend-task.ts); a pause longer than
// policy.suspendReportWorkingDays is named to 重点项目办 in Wednesday's digest, every week until
// 恢复, so no item rests paused unseen (002 五(六): 及时跟踪、提醒、督办). Once a week across instances
// because the Wednesday digest is (cron/schedules/run-schedules.ts).
import { countWorkingDays } from '../../calendar/add-working-days.js';
import { shanghaiDate } from '../../calendar/shanghai-time.js';
import { labelOf, projectById, unitName, type DigestContext } from './describe-project.js';

/**
 * @example listLongPauses(context) // ['- T9 竣工验收备案 · 住房和城乡建设局 · P3 光伏组件项目：自 2026-12-08 中止，已 12 个工作日']
 */
export function listLongPauses(context: DigestContext): string[] {
  const { snapshot, calendar, now, policy } = context;
  const limit = policy.suspendReportWorkingDays;
  if (limit === 0) return [];
  const today = shanghaiDate(now);
  return snapshot.tasks.flatMap((task) => {
    if (task.state !== 'suspended' || task.suspendedAt === null) return [];
    const since = shanghaiDate(task.suspendedAt);
    const days = countWorkingDays(calendar, since, today);
    const project = projectById(snapshot, task.projectId);
    if (days <= limit || !project) return [];
    return [`- T${task.id} ${task.itemName} · ${unitName(snapshot, task.unitId)} · ${labelOf(project, context)}：自 ${since} 中止，已 ${days} 个工作日`];
  });
}
