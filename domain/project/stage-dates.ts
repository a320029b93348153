// The dates of a project's stages are checked together (docs/domain.md "Project life cycle"): a stage is
// recorded when it happened, so not ahead of today; and in the order of 003 一: 签约 → 开工 → 投产 → 入库.
import type { IsoDate } from '../calendar/shanghai-time.js';

export const stageDateLabels = {
  signedOn: '签约日期',
  startedOn: '开工日期',
  producedOn: '投产日期',
  enrolledOn: '入库日期',
} as const;

export type StageDateField = keyof typeof stageDateLabels;

export type StageDates = Partial<Record<StageDateField, IsoDate | null>>;

export type StageDateCheck =
  | { ok: true }
  | { ok: false; code: 'IN_FUTURE'; label: string; date: IsoDate }
  | { ok: false; code: 'OUT_OF_ORDER'; label: string; date: IsoDate; earlierLabel: string; earlierDate: IsoDate };

const order: readonly StageDateField[] = ['signedOn', 'startedOn', 'producedOn', 'enrolledOn'];

/**
 * The first date out of place, if any. A planned 签约 may lie ahead (集中签约, 003 一(一)3); the stages may not.
 * @example checkStageDates({ signedOn: '2026-03-02', startedOn: '2026-02-01' }, '2026-11-20') // OUT_OF_ORDER 开工日期 before 签约日期
 */
export function checkStageDates(dates: StageDates, today: IsoDate): StageDateCheck {
  for (const field of order.slice(1)) {
    const date = dates[field];
    if (date && date > today) return { ok: false, code: 'IN_FUTURE', label: stageDateLabels[field], date };
  }
  for (const [index, field] of order.entries()) {
    const date = dates[field];
    if (!date) continue;
    for (const earlier of order.slice(0, index).reverse()) {
      const earlierDate = dates[earlier];
      if (earlierDate && date < earlierDate) {
        return { ok: false, code: 'OUT_OF_ORDER', label: stageDateLabels[field], date, earlierLabel: stageDateLabels[earlier], earlierDate };
      }
    }
  }
  return { ok: true };
}

/** The refusal, saying what to type instead. */
export function describeStageDateRefusal(refusal: Exclude<StageDateCheck, { ok: true }>, projectId: number, today: IsoDate): string {
  if (refusal.code === 'IN_FUTURE') return `${refusal.label} ${refusal.date} 还没到，没有登记。请写已经发生的日期（${today} 或更早）。`;
  return (
    `${refusal.label} ${refusal.date} 早于${refusal.earlierLabel} ${refusal.earlierDate}，没有登记。请写 ${refusal.earlierDate} 或之后的日期；` +
    `若${refusal.earlierLabel}有误，请发「修改项目 P${projectId} ${refusal.earlierLabel}：正确日期」。`
  );
}
