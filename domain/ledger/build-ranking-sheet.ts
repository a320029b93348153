// The 台账's 排名 sheet: the month's unit ranking so far (003 一(三)5(2)), the same as the 22nd's digest
// (domain/schedule/digests/rank-month.ts), one row a unit with the parts its place was made of; units
// with nothing to rank follow as 未排名.
import type { WorkingCalendar } from '../calendar/create-working-calendar.js';
import { rankUnits, type RankingData } from '../schedule/digests/rank-month.js';
import type { LedgerSheet } from './ledger-sheet.js';

/** The month's ranking data with the units' names, which the sheet shows. */
export interface RankingSheetData extends RankingData {
  units: readonly { id: number; name: string }[];
}

const number = (header: string, width = 10) => ({ header, width, format: 'number' as const });

export function buildRankingSheet(data: RankingSheetData, month: string, { now, calendar }: { now: Date; calendar: WorkingCalendar }): LedgerSheet {
  const { ranked, idle } = rankUnits(data, month, now, calendar);
  const name = new Map(data.units.map((unit) => [unit.id, unit.name]));
  return {
    name: `排名 ${month}`,
    columns: [
      { header: '名次', width: 8, format: 'text' },
      { header: '单位', width: 20, format: 'text' },
      number('开工', 6),
      number('投产', 6),
      number('投资完成(%)', 12),
      number('按时办结', 10),
      number('办结', 8),
      number('逾期在办(项)', 12),
      number('逾期工作日', 10),
      number('未报到(张)', 10),
      number('迟报到(张)', 10),
      number('未报月报(个)', 12),
      number('办事', 8),
    ],
    rows: [
      ...ranked.map((score) => [
        String(score.place),
        name.get(score.unitId) ?? '',
        score.starts,
        score.completions,
        score.investmentPct,
        score.itemsOnTime,
        score.itemsDone,
        score.overdueOpen,
        score.overdueDays,
        score.untaken,
        score.takenLate,
        score.missedReports,
        score.service,
      ]),
      ...idle.map((unitId) => ['未排名', name.get(unitId) ?? '', null, null, null, null, null, null, null, null, null, null, null]),
    ],
  };
}
