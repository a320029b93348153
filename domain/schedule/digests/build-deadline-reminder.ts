// 开工期限提醒: a project whose start deadline (90 working days from signing, 50 from land listing,
// 003 一(二)4(3)) is exactly policy.deadlineReminder.workingDaysLeft working days away is named to
// its responsible unit's agent and 责任领导, its leader and 重点项目办 (002 五(六): 跟踪提醒).
import { countWorkingDays } from '../../calendar/add-working-days.js';
import { shanghaiDate } from '../../calendar/shanghai-time.js';
import type { Digest, SnapshotPerson } from '../schedule-snapshot.js';
import { labelOf, openDeadlines, peopleWith, titled, type DigestContext } from './describe-project.js';

export function buildDeadlineReminder(context: DigestContext, late: boolean): Digest[] {
  const { snapshot, now, calendar, policy } = context;
  const today = shanghaiDate(now);
  const lines = new Map<number, string[]>();
  const tell = (people: readonly (SnapshotPerson | undefined)[], line: string) => {
    for (const person of people) if (person) lines.set(person.id, [...(lines.get(person.id) ?? []), line]);
  };
  for (const project of snapshot.projects) {
    const start = openDeadlines(project, context).find((deadline) => deadline.label === '开工');
    if (!start || start.dueOn < today) continue;
    const left = countWorkingDays(calendar, today, start.dueOn);
    if (!policy.deadlineReminder.workingDaysLeft.includes(left)) continue;
    const line = `- ${labelOf(project, context)} · 开工期限 ${start.dueOn} · 还剩 ${left} 个工作日`;
    tell(
      [
        ...peopleWith(snapshot, 'agent', project.leadUnitId),
        ...peopleWith(snapshot, 'unit_leader', project.leadUnitId),
        snapshot.people.find((person) => person.id === project.leaderId),
        ...peopleWith(snapshot, 'project_office'),
      ],
      line,
    );
  }
  return [...lines.entries()].map(([personId, items]) => ({
    personId,
    title: titled('开工期限提醒', late),
    markdown: [`${items.length} 个项目临近开工期限：`, ...items].join('\n'),
  }));
}
