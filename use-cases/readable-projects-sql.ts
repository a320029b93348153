// The one access rule (domain/access/project-access.ts canReadProject) as a SQL condition on a project
// aliased `p`, so a list (进度, the 看板's pages) holds exactly the projects that open one by one.
import { Prisma } from '../generated/prisma/client.js';
import { readScope, type Viewer } from '../domain/access/project-access.js';

export function readableProjectsSql(viewer: Viewer): Prisma.Sql {
  const scope = readScope(viewer);
  if (scope.all) return Prisma.sql`TRUE`;
  const mine = [
    Prisma.sql`p."leaderId" = ${scope.personId}`,
    Prisma.sql`EXISTS (SELECT 1 FROM "TeamMember" AS m WHERE m."projectId" = p.id AND m."personId" = ${scope.personId})`,
  ];
  if (scope.unitId !== null)
    mine.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "TeamUnit" AS u WHERE u."projectId" = p.id AND u."unitId" = ${scope.unitId})`,
      Prisma.sql`EXISTS (SELECT 1 FROM "Task" AS t WHERE t."projectId" = p.id AND t."unitId" = ${scope.unitId})`,
      Prisma.sql`p."leadUnitId" = ${scope.unitId}`,
    );
  if (scope.asContact) mine.push(Prisma.sql`p."contactPersonId" = ${scope.personId}`);
  return Prisma.sql`(${Prisma.join(mine, ' OR ')})`;
}
