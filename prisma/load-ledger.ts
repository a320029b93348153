// What 台账 needs (domain/ledger/build-ledger.ts), read in five batch queries inside the caller's
// transaction, one after another (a transaction is one connection): no query per project.
import type { LedgerData } from '../domain/ledger/build-ledger.js';
import { openTaskStates } from '../domain/task/task-state.js';
import type { Tx } from './open-database.js';

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export async function loadLedger(tx: Tx): Promise<LedgerData> {
  const projects = await tx.project.findMany({ orderBy: { id: 'asc' } });
  const tasks = await tx.task.findMany({
    where: { state: { in: [...openTaskStates] } },
    include: { call: { select: { ackDueAt: true } } },
    orderBy: { id: 'asc' },
  });
  const problems = await tx.problem.findMany({ orderBy: { id: 'asc' } });
  const units = new Map((await tx.unit.findMany({ select: { id: true, name: true } })).map((unit) => [unit.id, unit.name]));
  const leaderIds = [
    ...new Set([...projects.map((project) => project.leaderId), ...problems.map((problem) => problem.leaderId)].filter((id): id is number => id !== null)),
  ];
  const people = new Map(
    (await tx.person.findMany({ where: { id: { in: leaderIds } }, select: { id: true, name: true } })).map((person) => [person.id, person.name]),
  );
  const nameOf = (map: Map<number, string>, id: number | null) => (id === null ? null : (map.get(id) ?? null));
  return {
    projects: projects.map((project) => ({
      id: project.id,
      name: project.name,
      content: project.content,
      investmentWan: Number(project.investmentWan),
      industry: project.industry,
      enterprise: project.enterprise,
      leadUnit: nameOf(units, project.leadUnitId),
      // 包抓领导 as typed is kept when no roster person matched it.
      leader: nameOf(people, project.leaderId) ?? (project.leaderName || null),
      stage: project.stage,
      service: project.service,
      targetTasks: project.targetTasks,
      timeNodes: project.timeNodes,
      expectedStartOn: day(project.expectedStartOn),
      signedOn: day(project.signedOn),
      landListedOn: day(project.landListedOn),
      startedOn: day(project.startedOn),
      producedOn: day(project.producedOn),
      enrolledOn: day(project.enrolledOn),
      acceptedAt: project.acceptedAt,
      teamFormedAt: project.teamFormedAt,
      planMadeAt: project.planMadeAt,
    })),
    tasks: tasks.map((task) => ({
      id: task.id,
      projectId: task.projectId,
      itemName: task.itemName,
      unit: units.get(task.unitId) ?? '',
      state: task.state,
      postedAt: task.postedAt,
      // The report deadline is the call's (docs/domain.md "Calls").
      ackDueAt: task.call.ackDueAt,
      dueOn: day(task.dueOn),
      suspendedAt: task.suspendedAt,
    })),
    problems: problems.map((problem) => ({
      id: problem.id,
      projectId: problem.projectId,
      category: problem.category,
      description: problem.description,
      unit: nameOf(units, problem.unitId),
      leader: nameOf(people, problem.leaderId),
      state: problem.state,
      createdAt: problem.createdAt,
      closedAt: problem.closedAt,
    })),
  };
}
