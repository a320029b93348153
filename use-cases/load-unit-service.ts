// The 单位 pages' figures (issue 19): each readable unit's 报到 times, untaken cards and items on time,
// late and overdue (the rule of domain/units/summarize-unit-service.ts, counted by the database:
// prisma/load-unit-service-figures.ts) over the last SERVICE_DAYS, and its place in each of the last
// HISTORY_MONTHS monthly rankings (use-cases/rank-months.ts, kept once ranked). 报到 minutes are kept on
// the call when it is taken; calls taken before that are filled here once (prisma/fill-ack-minutes.ts).
import type { Policy } from '../domain/policy.js';
import type { Viewer } from '../domain/access/project-access.js';
import { countOfficeMinutes } from '../domain/calendar/add-office-minutes.js';
import type { UnitService } from '../domain/units/summarize-unit-service.js';
import { fillAckMinutes, listUnfilledCalls } from '../prisma/fill-ack-minutes.js';
import { loadUnitServiceFigures } from '../prisma/load-unit-service-figures.js';
import type { Tx } from '../prisma/open-database.js';
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
  const unfilled = await listUnfilledCalls(tx, unitIds, since, now);
  if (unfilled.length > 0) {
    // The count use-cases/take-calls.ts keeps when a call is taken.
    const calendar = await loadWorkingCalendar(tx);
    const minutesOf = (call: (typeof unfilled)[number]) => Math.round(countOfficeMinutes(calendar, policy.officeHours, call.postedAt, call.takenAt));
    await fillAckMinutes(
      tx,
      unfilled.map((call) => ({ id: call.id, minutes: minutesOf(call) })),
    );
  }
  const services = await loadUnitServiceFigures(tx, unitIds, { since, now });
  return { units: units.map((unit, index) => ({ ...unit, service: services[index]! })), months };
}
