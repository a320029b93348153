// Which units' service figures a person may read on the 看板: those who read every project (readScope,
// domain/access/project-access.ts: coordinators, main leaders, 督查中心) read every unit; a unit's agent
// and 责任领导 read their own unit; nobody else reads any.
import { readScope, type Viewer } from '../domain/access/project-access.js';

export function readableUnits(viewer: Viewer): { all: true } | { all: false; unitIds: number[] } {
  const scope = readScope(viewer);
  if (scope.all) return { all: true };
  return { all: false, unitIds: scope.unitId === null ? [] : [scope.unitId] };
}
