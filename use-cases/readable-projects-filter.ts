// The one access rule (domain/access/project-access.ts readScope / canReadProject) as a SQL condition
// on `"Project" AS p`: 进度's list and the 看板's pages both filter with it, so a project listed anywhere
// opens everywhere, and test/use-cases/readable-projects-filter.db.test.ts holds it equal to canReadProject.
import { Prisma } from '../generated/prisma/client.js';
import { readScope, type Viewer } from '../domain/access/project-access.js';

export function readableProjectsFilter(viewer: Viewer): Prisma.Sql {
  const scope = readScope(viewer);
  if (scope.all) return Prisma.sql`TRUE`;
  // The same conditions as canReadProject, with ProjectAudience's units (team, tasks, 责任单位) as subqueries.
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

/** Still followed (domain/project/project-stage.ts projectFollowed): not 终止, not 入库 after 办结. */
export const followedProjectsSql = Prisma.sql`NOT (p.service = 'terminated' OR (p.service = 'closed' AND p.stage = 'enrolled'))`;
