// Every due card the timer bench needs, in plain SQL for speed: `count` calls (one card, one item each) posted to their
// units with the report-to-window timer (报到, 002 五(五)) running out between `dueFrom` and
// `dueFrom + spreadMs`, five calls to a unit, each unit with one 代办员 and one 责任领导 on WeCom.
// Kept in one function so a change in how timers are stored changes only this file.
import type { Db } from '../prisma/open-database.js';

export interface DueCardsOptions {
  count: number;
  dueFrom: Date;
  spreadMs: number;
  /** The policy's ackTimeoutMinutes: each card was posted this long before it falls due. */
  ackTimeoutMinutes: number;
}

export const CARDS_PER_UNIT = 5;

export async function seedDueCards(prisma: Db, { count, dueFrom, spreadMs, ackTimeoutMinutes }: DueCardsOptions): Promise<void> {
  const units = Math.ceil(count / CARDS_PER_UNIT);
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "Unit" (name, key) SELECT '基准单位' || g, 'bench-unit-' || g FROM generate_series(1, ${units}::int) AS g`;
    for (const [role, name] of [
      ['agent', '代办员'],
      ['unit_leader', '责任领导'],
    ]) {
      await tx.$executeRaw`
        INSERT INTO "Person" (name, "unitId", roles, "updatedAt")
        SELECT '基准' || ${name} || u.key, u.id, ARRAY[${role}], now() FROM "Unit" AS u WHERE u.key LIKE 'bench-unit-%'`;
      await tx.$executeRaw`
        INSERT INTO "Account" (platform, account, "personId")
        SELECT 'wecom', ${role} || '-' || u.key, p.id FROM "Person" AS p JOIN "Unit" AS u ON u.id = p."unitId"
        WHERE u.key LIKE 'bench-unit-%' AND p.roles = ARRAY[${role}]`;
    }
    // One project per card, so each card is a call of its own (docs/domain.md "Calls").
    await tx.$executeRaw`
      INSERT INTO "Project" (name, "investmentWan", service, phase, "updatedAt")
      SELECT '基准项目' || g, 10000, 'approving', 1, now() FROM generate_series(1, ${count}::int) AS g`;
    await tx.$executeRaw`
      INSERT INTO "Call" ("projectId", "unitId", state, "postedAt", "ackDueAt", "nextEscalationAt", "updatedAt")
      SELECT p.id, u.id, 'posted', due - make_interval(secs => ${ackTimeoutMinutes * 60}::float8), due, due, now()
      FROM generate_series(1, ${count}::int) AS g
      CROSS JOIN LATERAL (SELECT ${dueFrom.toISOString()}::timestamp + make_interval(secs => ((g * 7919) % ${count}::int) * ${spreadMs / 1000 / count}::float8) AS due) AS d
      JOIN "Unit" AS u ON u.key = 'bench-unit-' || ((g - 1) / ${CARDS_PER_UNIT}::int + 1)
      JOIN "Project" AS p ON p.name = '基准项目' || g`;
    await tx.$executeRaw`
      INSERT INTO "Task" ("projectId", "unitId", "callId", "itemCode", "itemName", phase, state, "postedAt", "updatedAt")
      SELECT c."projectId", c."unitId", c.id, 'bench', '基准事项' || c.id, 1, 'posted', c."postedAt", now()
      FROM "Call" AS c JOIN "Project" AS p ON p.id = c."projectId" WHERE p.name LIKE '基准项目%'`;
  });
}
