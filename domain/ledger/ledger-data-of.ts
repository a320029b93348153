// The 台账's data (build-ledger.ts) from the one snapshot the digests read too (prisma/load-snapshot.ts):
// names of units and leaders resolved, text as typed (a workbook is no markdown).
import type { StoredSnapshot } from '../schedule/schedule-snapshot.js';
import type { LedgerData } from './build-ledger.js';

export function ledgerDataOf(stored: StoredSnapshot): LedgerData {
  const units = new Map(stored.units.map((unit) => [unit.id, unit.name]));
  const people = new Map(stored.people.map((person) => [person.id, person.name]));
  const nameOf = (names: Map<number, string>, id: number | null) => (id === null ? null : (names.get(id) ?? null));
  return {
    projects: stored.projects.map(({ leaderId, leaderName, ...project }) => ({
      ...project,
      leadUnit: nameOf(units, project.leadUnitId),
      // 包抓领导 as typed is kept when no roster person matched it.
      leader: nameOf(people, leaderId) ?? (leaderName || null),
    })),
    tasks: stored.tasks.map((task) => ({ ...task, unit: units.get(task.unitId) ?? '' })),
    problems: stored.problems.map(({ unitId, leaderId, ...problem }) => ({ ...problem, unit: nameOf(units, unitId), leader: nameOf(people, leaderId) })),
    monthlyReports: stored.monthlyReports,
    units: stored.units,
    // The ranking counts each unit's active agents (rank-month.ts).
    people: stored.people.filter((person) => person.active && person.unitId !== null),
  };
}
