// 任务期限提醒 (002 五(六): 对超过承诺时限的部门跟踪提醒、督办): on each working day, a unit's agent
// hears of its tasks that turn yellow today (policy.warnBeforeWorkingDays working days before the
// promised date); on the first working day after the date, the agent and the unit's 责任领导 hear
// that it is overdue. Paused (中止) tasks are left alone.
import { addWorkingDays, countWorkingDays } from '../../calendar/add-working-days.js';
import { shanghaiDate } from '../../calendar/shanghai-time.js';
import type { Digest } from '../schedule-snapshot.js';
import { peopleWith, titled, type DigestContext } from './describe-project.js';

export function buildTaskDueReminder(context: DigestContext, late: boolean): Digest[] {
  const { snapshot, now, calendar, policy } = context;
  const today = shanghaiDate(now);
  const lines = new Map<number, string[]>();
  const tell = (personIds: number[], line: string) => {
    for (const id of personIds) lines.set(id, [...(lines.get(id) ?? []), line]);
  };
  for (const task of snapshot.tasks) {
    if (task.state !== 'taken' || !task.dueOn) continue;
    const project = snapshot.projects.find((candidate) => candidate.id === task.projectId);
    const subject = `T${task.id} P${task.projectId} ${project?.name ?? ''} ${task.itemName}`;
    const agents = peopleWith(snapshot, 'agent', task.unitId).map((person) => person.id);
    if (task.dueOn >= today && countWorkingDays(calendar, today, task.dueOn) === policy.warnBeforeWorkingDays) {
      tell(agents, `- 🟡 ${subject} · ${task.dueOn} 前办结`);
    } else if (task.dueOn < today && addWorkingDays(calendar, task.dueOn, 1) === today) {
      tell([...agents, ...peopleWith(snapshot, 'unit_leader', task.unitId).map((person) => person.id)], `- 🔴 ${subject} · 已超过 ${task.dueOn}，请尽快办结`);
    }
  }
  return [...lines.entries()].map(([personId, items]) => ({
    personId,
    title: titled('任务期限提醒', late),
    markdown: [`${items.length} 项任务临近或超过承诺时限：`, ...items].join('\n'),
  }));
}
