// 期限提醒 (002 五(六): 跟踪提醒): a project whose start deadline (90 working days from signing, 50
// from land listing, 003 一(二)4(3)) comes within one of policy.deadlineReminder.workingDaysLeft
// working days is named to its responsible unit's agent and 责任领导, its leader and 重点项目办, and
// so is one past it, once a week (every 5th working day overdue). A team not formed within 1 working
// day of 受理 (002 五(三)), or a plan not made within 1 working day of the team (002 五(四)), is named
// once, after its deadline, to the window and 重点项目办. A problem still without a first answer
// policy.problemFirstAnswerDays days after it was raised is named to its leader and its unit once
// (营口, 001: 3 日内反馈). Each rule fires on the first run at or after its day: `lastRunOn`, the
// previous daily run, tells which days this run answers for, so a day the bot was down is caught up
// once (issue 18), and the next run does not repeat it.
import { addWorkingDays, countWorkingDays } from '../../calendar/add-working-days.js';
import { markProvisional } from '../../calendar/mark-provisional.js';
import { addCalendarDays, shanghaiDate, type IsoDate } from '../../calendar/shanghai-time.js';
import type { Digest, SnapshotPerson } from '../schedule-snapshot.js';
import { labelOf, openDeadlines, peopleWith, titled, type DigestContext, unitAgents } from './describe-project.js';

export function buildDeadlineReminder(context: DigestContext, late: boolean, lastRunOn: IsoDate | null): Digest[] {
  const { snapshot, now, calendar, policy } = context;
  const today = shanghaiDate(now);
  // The day this run answers for back to (exclusive): the previous run, or yesterday when none is known.
  const since = lastRunOn !== null && lastRunOn < today ? lastRunOn : addCalendarDays(today, -1);
  /** Did `day` (a rule's day) come since the previous run? */
  const cameSince = (day: IsoDate) => day > since && day <= today;
  /** Working days from `from` to `to`, negative when `to` is earlier. */
  const between = (from: IsoDate, to: IsoDate) => (to >= from ? countWorkingDays(calendar, from, to) : -countWorkingDays(calendar, to, from));
  const coming = new Map<number, string[]>();
  const missed = new Map<number, string[]>();
  const tell = (into: Map<number, string[]>, people: Iterable<SnapshotPerson | undefined>, line: string) => {
    for (const person of people) if (person) into.set(person.id, [...(into.get(person.id) ?? []), line]);
  };
  for (const project of snapshot.projects) {
    for (const deadline of openDeadlines(project, context)) {
      const label = labelOf(project, context);
      const due = markProvisional(calendar, deadline.dueOn, deadline.from);
      if (deadline.label !== '开工') {
        // Told once: on the first run on or after the first working day after the deadline.
        if (deadline.dueOn < today && cameSince(addWorkingDays(calendar, deadline.dueOn, 1))) {
          const how = deadline.label === '组建团队' ? `组建团队 P${project.id}` : `方案 P${project.id}`;
          tell(
            missed,
            [...peopleWith(snapshot, 'window'), ...peopleWith(snapshot, 'project_office')],
            `- ${label} · ${deadline.label}期限 ${due} 已过（发送「${how}」）`,
          );
        }
        continue;
      }
      // A set: with no 代办员 the 责任领导 stands in, and is told once.
      const audience = new Set([
        ...unitAgents(snapshot, project.leadUnitId),
        ...peopleWith(snapshot, 'unit_leader', project.leadUnitId),
        snapshot.people.find((person) => person.id === project.leaderId),
        ...peopleWith(snapshot, 'project_office'),
      ]);
      const left = between(today, deadline.dueOn);
      const leftBefore = between(since, deadline.dueOn);
      if (left >= 0) {
        // The nearest mark reached since the previous run (30, 10, 5 working days left), once.
        const reached = policy.deadlineReminder.workingDaysLeft.filter((mark) => left <= mark && mark < leftBefore);
        if (reached.length > 0) tell(coming, audience, `- ${label} · 开工期限 ${due} · 还剩 ${left} 个工作日`);
      } else {
        // Once a week overdue: on the 1st, 6th, 11th… working day past it, or the first run after.
        const weeks = (over: number) => (over >= 1 ? Math.floor((over - 1) / 5) + 1 : 0);
        if (weeks(-left) > weeks(-leftBefore)) tell(missed, audience, `- ${label} · 开工期限 ${due} 已超过 ${-left} 个工作日`);
      }
    }
  }
  const days = policy.problemFirstAnswerDays;
  for (const problem of snapshot.problems) {
    if (days === 0 || problem.state !== 'open') continue;
    // Told on the first working day (the daily run's days) on or after the day the answer was due.
    const due = addCalendarDays(shanghaiDate(problem.createdAt), days);
    const firstRun = calendar.isWorkday(due) ? due : addWorkingDays(calendar, due, 1);
    if (!cameSince(firstRun)) continue;
    // The leader and the unit the problem is with (its agents, or who stands in for them, and 责任领导).
    tell(
      missed,
      new Set([
        snapshot.people.find((person) => person.id === problem.leaderId),
        ...unitAgents(snapshot, problem.unitId),
        ...(problem.unitId === null ? [] : peopleWith(snapshot, 'unit_leader', problem.unitId)),
      ]),
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
