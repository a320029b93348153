// Reads what the digests need in seven batch queries, inside the run's transaction. Every text a
// person typed (names, problems, opinions, 月报) is quoted for markdown here, the one way into the
// digests, so a typed link or heading shows as typed (domain/markdown/quote-markdown.ts).
import { quoteMarkdown } from '../../domain/markdown/quote-markdown.js';
import type { Tx } from '../../prisma/open-database.js';
import type { ScheduleSnapshot } from '../../domain/schedule/schedule-snapshot.js';
import type { Role } from '../../domain/roles.js';

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export async function loadSnapshot(tx: Tx, now: Date): Promise<ScheduleSnapshot> {
  // Finished tasks matter for two months of ranking; older ones never.
  const since = new Date(now.getTime() - 70 * 86_400_000);
  // One after another: a transaction is one connection (docs/architecture.md "Toolchain notes").
  const people = await tx.person.findMany({ where: { active: true }, select: { id: true, name: true, unitId: true, roles: true }, orderBy: { id: 'asc' } });
  const units = await tx.unit.findMany({ select: { id: true, name: true } });
  const projects = await tx.project.findMany({ orderBy: { id: 'asc' } });
  const tasks = await tx.task.findMany({
    where: { OR: [{ state: { in: ['posted', 'taken', 'suspended'] } }, { doneAt: { gte: since } }] },
    include: { call: { select: { ackDueAt: true } } },
    orderBy: { id: 'asc' },
  });
  const problems = await tx.problem.findMany({ where: { state: { not: 'closed' } }, orderBy: { id: 'asc' } });
  const weeklyAnswers = await tx.weeklyAnswer.findMany({ where: { at: { gte: new Date(now.getTime() - 21 * 86_400_000) } } });
  const monthlyReports = await tx.monthlyReport.findMany();
  return {
    people: people.map((person) => ({ ...person, name: quoteMarkdown(person.name), roles: person.roles as Role[] })),
    units: units.map((unit) => ({ ...unit, name: quoteMarkdown(unit.name) })),
    projects: projects.map((project) => ({
      id: project.id,
      name: quoteMarkdown(project.name),
      stage: project.stage,
      service: project.service,
      content: quoteMarkdown(project.content),
      targetTasks: quoteMarkdown(project.targetTasks),
      timeNodes: quoteMarkdown(project.timeNodes),
      expectedStartOn: day(project.expectedStartOn),
      investmentWan: Number(project.investmentWan),
      leaderId: project.leaderId,
      leadUnitId: project.leadUnitId,
      signedOn: day(project.signedOn),
      landListedOn: day(project.landListedOn),
      acceptedAt: project.acceptedAt,
      teamFormedAt: project.teamFormedAt,
      planMadeAt: project.planMadeAt,
      startedOn: day(project.startedOn),
      producedOn: day(project.producedOn),
      enrolledOn: day(project.enrolledOn),
    })),
    tasks: tasks.map((task) => ({
      id: task.id,
      projectId: task.projectId,
      unitId: task.unitId,
      itemName: quoteMarkdown(task.itemName),
      phase: task.phase,
      state: task.state,
      // The report deadline is the call's (docs/domain.md "Calls").
      ackDueAt: task.call.ackDueAt,
      dueOn: day(task.dueOn),
      suspendedAt: task.suspendedAt,
      doneAt: task.doneAt,
    })),
    problems: problems.map(({ id, projectId, description, suggestion, category, leaderId, state, leaderOpinion, createdAt, digestedAt }) => ({
      id,
      projectId,
      description: quoteMarkdown(description),
      suggestion: quoteMarkdown(suggestion),
      category,
      leaderId,
      state,
      leaderOpinion: leaderOpinion === null ? null : quoteMarkdown(leaderOpinion),
      createdAt,
      digestedAt,
    })),
    weeklyAnswers: weeklyAnswers.map(({ projectId, week, none }) => ({ projectId, week, none })),
    monthlyReports: monthlyReports.map((report) => ({
      projectId: report.projectId,
      month: report.month,
      investmentWan: Number(report.investmentWan),
      progress: quoteMarkdown(report.progress),
    })),
  };
}
