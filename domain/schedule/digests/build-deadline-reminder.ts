// 期限提醒 (002 五(六): 跟踪提醒): a project whose start deadline (90 working days from signing, 50
// from land listing, 003 一(二)4(3)) is exactly policy.deadlineReminder.workingDaysLeft working days
// away is named to its responsible unit's agent and 责任领导, its leader and 重点项目办, and so is one
// past it, once a week (every 5th working day overdue). A team not formed within 1 working day of 受理
// (002 五(三)), or a plan not made within 1 working day of the team (002 五(四)), is named once, on
// the first working day after its deadline, to the window and 重点项目办. A problem still without a
// first answer policy.problemFirstAnswerDays days after it was raised is named to its leader once
// (营口, 001: 3 日内反馈).
import { addWorkingDays, countWorkingDays } from '../../calendar/add-working-days.js';
import { markProvisional } from '../../calendar/mark-provisional.js';
import { addCalendarDays, shanghaiDate } from '../../calendar/shanghai-time.js';
import type { Digest, SnapshotPerson } from '../schedule-snapshot.js';
import { labelOf, openDeadlines, peopleWith, titled, type DigestContext } from './describe-project.js';

export function buildDeadlineReminder(context: DigestContext, late: boolean): Digest[] {
  const { snapshot, now, calendar, policy } = context;
  const today = shanghaiDate(now);
  const coming = new Map<number, string[]>();
  const missed = new Map<number, string[]>();
  const tell = (into: Map<number, string[]>, people: readonly (SnapshotPerson | undefined)[], line: string) => {
    for (const person of people) if (person) into.set(person.id, [...(into.get(person.id) ?? []), line]);
  };
  for (const project of snapshot.projects) {
    for (const deadline of openDeadlines(project, context)) {
      const label = labelOf(project, context);
      const due = markProvisional(calendar, deadline.dueOn, deadline.from);
      if (deadline.label !== '开工') {
        // Told once: on the first working day after the deadline.
        if (deadline.dueOn < today && countWorkingDays(calendar, deadline.dueOn, today) === 1) {
          const how = deadline.label === '组建团队' ? `组建团队 P${project.id}` : `方案 P${project.id}`;
          tell(
            missed,
            [...peopleWith(snapshot, 'window'), ...peopleWith(snapshot, 'project_office')],
            `- ${label} · ${deadline.label}期限 ${due} 已过（发送「${how}」）`,
          );
        }
        continue;
      }
      const audience = [
        ...peopleWith(snapshot, 'agent', project.leadUnitId),
        ...peopleWith(snapshot, 'unit_leader', project.leadUnitId),
        snapshot.people.find((person) => person.id === project.leaderId),
        ...peopleWith(snapshot, 'project_office'),
      ];
      if (deadline.dueOn >= today) {
        const left = countWorkingDays(calendar, today, deadline.dueOn);
        if (policy.deadlineReminder.workingDaysLeft.includes(left)) tell(coming, audience, `- ${label} · 开工期限 ${due} · 还剩 ${left} 个工作日`);
      } else {
        const over = countWorkingDays(calendar, deadline.dueOn, today);
        if (over % 5 === 1) tell(missed, audience, `- ${label} · 开工期限 ${due} 已超过 ${over} 个工作日`);
      }
    }
  }
  const days = policy.problemFirstAnswerDays;
  for (const problem of snapshot.problems) {
    if (days === 0 || problem.state !== 'open' || problem.leaderId === null) continue;
    // Told on the first working day (the daily run's days) on or after the day the answer was due.
    const due = addCalendarDays(shanghaiDate(problem.createdAt), days);
    const firstRun = calendar.isWorkday(due) ? due : addWorkingDays(calendar, due, 1);
    if (firstRun !== today) continue;
    tell(
      missed,
      [snapshot.people.find((person) => person.id === problem.leaderId)],
      `- Q${problem.id} P${problem.projectId}：${problem.description} · ${days} 天未答复`,
    );
  }
  return [...new Set([...coming.keys(), ...missed.keys()])].map((personId) => {
    const soon = coming.get(personId) ?? [];
    const past = missed.get(personId) ?? [];
    const parts = [
      soon.length > 0 ? [`${soon.length} 个项目临近开工期限：`, ...soon].join('\n') : '',
      past.length > 0 ? [`${past.length} 项期限已过：`, ...past].join('\n') : '',
    ];
    return { personId, title: titled(past.length > 0 ? '期限提醒' : '开工期限提醒', late), markdown: parts.filter(Boolean).join('\n\n') };
  });
}
