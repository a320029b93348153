// The years whose official holiday schedule an admin has entered (日历 导入 / 日历 2027 完成). The
// marker is the archive event itself, so the calendar needs no table of its own and every entry
// stays traceable (一事一档, 002 五(十)).
import type { Tx } from './open-database.js';

export const YEAR_ENTERED = 'calendar.year_entered';

export async function readEnteredYears(tx: Pick<Tx, 'event'>): Promise<number[]> {
  const events = await tx.event.findMany({ where: { kind: YEAR_ENTERED }, select: { after: true } });
  return events.map((event) => Number((event.after as { year?: unknown } | null)?.year)).filter((year) => Number.isInteger(year));
}
