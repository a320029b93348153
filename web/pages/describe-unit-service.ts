// A unit's service figures as the 单位 pages show them (domain/units/summarize-unit-service.ts).
import type { UnitService } from '../../domain/units/summarize-unit-service.js';
import { formatShanghai } from '../../domain/calendar/shanghai-time.js';
import type { RankedMonth } from '../../use-cases/rank-months.js';

export const minutes = (value: number | null): string => (value === null ? '—' : `${value} 分钟`);

/** `3/12`, `未排名` (nothing to rank on), or `—` (not in the ranking at all). */
export function placeIn(month: RankedMonth, unitId: number): string {
  const score = month.ranked.find((entry) => entry.unitId === unitId);
  if (score) return `${score.place}/${month.ranked.length}`;
  return month.idle.includes(unitId) ? '未排名' : '—';
}

/** For a running month, when its ranking so far was taken (kept at most 5 minutes, docs/domain.md): `截至 2026-12-08 10:05`. */
export function rankedAsOf(month: RankedMonth): string {
  return month.final ? '' : `截至 ${formatShanghai(month.asOf, 'datetime')}`;
}

export function serviceCells(service: UnitService): string[] {
  return [
    String(service.answered),
    minutes(service.medianMinutes),
    minutes(service.p90Minutes),
    String(service.untaken),
    String(service.onTime),
    String(service.late),
    String(service.overdue),
  ];
}

export const serviceHeaders = ['报到（张）', '报到用时中位', '报到用时 P90', '超时未报到（张）', '按时办结', '逾期办结', '逾期在办'];
