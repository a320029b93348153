// 任务期限提醒 (002 五(六): 对超过承诺时限的部门跟踪提醒、督办): on each working day, a unit's agent
// hears of its tasks that turn yellow today (policy.warnBeforeWorkingDays working days before the
// promised date), and of every task past it, every working day until it is done; from the
// policy.overdueReminder.unitLeaderFromDay-th working day overdue its 责任领导 hears too, and from the
// superviseFromDay-th the project's leader and 重点项目办, as 督办. Paused (中止) tasks are left alone.
import { countWorkingDays } from '../../calendar/add-working-days.js';
import { shanghaiDate } from '../../calendar/shanghai-time.js';
import type { Digest } from '../schedule-snapshot.js';
import { peopleWith, shownDueOn, titled, type DigestContext, projectById, unitAgents } from './describe-project.js';

export function buildTaskDueReminder(context: DigestContext, late: boolean): Digest[] {
  const { snapshot, now, calendar, policy } = context;
  const today = shanghaiDate(now);
  const lines = new Map<number, string[]>();
  const tell = (personIds: number[], line: string) => {
    for (const id of personIds) lines.set(id, [...(lines.get(id) ?? []), line]);
  };
  for (const task of snapshot.tasks) {
    if (task.state !== 'taken' || !task.dueOn) continue;
    const project = projectById(snapshot, task.projectId);
    const subject = `T${task.id} P${task.projectId} ${project?.name ?? ''} ${task.itemName}`;
    const agents = unitAgents(snapshot, task.unitId).map((person) => person.id);
    const due = shownDueOn(task, context);
    if (task.dueOn >= today && countWorkingDays(calendar, today, task.dueOn) === policy.warnBeforeWorkingDays) {
      tell(agents, `- 🟡 ${subject} · ${due} 前办结`);
    } else if (task.dueOn < today) {
      // The working days since the promised date: 1 on the first working day after it.
      const days = countWorkingDays(calendar, task.dueOn, today);
      const told = [...agents];
      if (days >= policy.overdueReminder.unitLeaderFromDay) told.push(...peopleWith(snapshot, 'unit_leader', task.unitId).map((person) => person.id));
      if (days >= policy.overdueReminder.superviseFromDay) {
        if (project?.leaderId) told.push(project.leaderId);
        told.push(...peopleWith(snapshot, 'project_office').map((person) => person.id));
      }
      tell(
        [...new Set(told)],
        `- 🔴 ${subject} · 已超过 ${due} ${days} 个工作日${days >= policy.overdueReminder.superviseFromDay ? '（督办）' : ''}，请尽快办结`,
      );
    }
  }
  return [...lines.entries()].map(([personId, items]) => ({
    personId,
    title: titled('任务期限提醒', late),
    markdown: [`${items.length} 项任务临近或超过承诺时限：`, ...items].join('\n'),
  }));
}
