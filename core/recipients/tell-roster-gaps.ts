// "No message to nobody" (docs/domain.md "People and roles"): when a rule names people a unit does
// not have, 重点项目办 and the admin are told which unit lacks whom — once per unit and gap, however
// many rules, passes and instances run into it (the outbox's dedup key).
import { enqueueMessages } from '../enqueue-message.js';
import type { RosterGap } from '../../domain/roster/pick-unit-contacts.js';
import type { Tx } from '../../prisma/open-database.js';

export interface UnitGap {
  unitId: number;
  unitName: string;
  gap: RosterGap;
}

export function describeRosterGap({ unitName, gap }: UnitGap): string {
  return gap === 'agent'
    ? `名册缺人：${unitName}没有代办员，发给代办员的通知已改发该单位责任领导（无责任领导时发该单位其他人员）。请在名册中补充代办员。`
    : `名册缺人：${unitName}在名册中没有任何人员，发给该单位的通知无人接收。请在名册中补充代办员和责任领导。`;
}

export async function tellRosterGaps(tx: Tx, gaps: readonly UnitGap[]): Promise<void> {
  if (gaps.length === 0) return;
  const told = await tx.person.findMany({
    where: { active: true, roles: { hasSome: ['project_office', 'admin'] } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  const seen = new Set<string>();
  await enqueueMessages(
    tx,
    gaps.flatMap((gap) => {
      const key = `${gap.unitId}:${gap.gap}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return told.map((person) => ({
        to: { personId: person.id },
        message: { kind: 'text' as const, text: describeRosterGap(gap) },
        dedupKey: `roster-gap:${key}:${person.id}`,
      }));
    }),
  );
}
