// The 单位 pages' figures (issue 19): each readable unit's 报到 times, untaken cards and items on time,
// late and overdue (domain/units/summarize-unit-service.ts) over the last SERVICE_DAYS, and its place in
// each of the last HISTORY_MONTHS monthly rankings (use-cases/rank-months.ts, kept once ranked); the
// items are read narrow (prisma/load-served-tasks.ts), only the units shown.
import type { Policy } from '../domain/policy.js';
import type { Viewer } from '../domain/access/project-access.js';
import { summarizeUnitService, type UnitService } from '../domain/units/summarize-unit-service.js';
import type { Tx } from '../prisma/open-database.js';
import { loadServedTasks } from '../prisma/load-served-tasks.js';
import { loadWorkingCalendar } from '../prisma/load-working-calendar.js';
import { currentMonth, rankMonths, type RankedMonth } from './rank-months.js';
import { readableUnits } from './readable-units.js';

export const SERVICE_DAYS = 60;
export const HISTORY_MONTHS = 6;

export interface UnitServiceView {
  units: { id: number; name: string; service: UnitService }[];
  months: RankedMonth[];
}

/** `onlyUnitId`: one unit's page, with HISTORY_MONTHS of rankings; else every readable unit with this month's. */
export async function loadUnitService(tx: Tx, viewer: Viewer, now: Date, policy: Policy, onlyUnitId?: number): Promise<UnitServiceView> {
  const readable = readableUnits(viewer);
  const { months, unitNames } = await rankMonths(tx, currentMonth(now), onlyUnitId === undefined ? 1 : HISTORY_MONTHS, now, policy);
  const units = [...unitNames]
    .map(([id, name]) => ({ id, name }))
    .filter((unit) => (readable.all || readable.unitIds.includes(unit.id)) && (onlyUnitId === undefined || unit.id === onlyUnitId));
  const since = new Date(now.getTime() - SERVICE_DAYS * 86_400_000);
  const unitIds = units.map((unit) => unit.id);
  const services = summarizeUnitService(await loadServedTasks(tx, unitIds, since), unitIds, {
    since,
    now,
    calendar: await loadWorkingCalendar(tx),
    officeHours: policy.officeHours,
  });
  return { units: units.map((unit, index) => ({ ...unit, service: services[index]! })), months };
}
