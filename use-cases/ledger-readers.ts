// Who reads the whole 台账 (003 一(三)5(2)): the coordinators (重点项目办 among them), 督查中心 and the
// leaders. The 看板 offers the workbook for download to them only; the chat's 台账 is given to the same roles.
import { hasRole, type Viewer } from '../domain/access/project-access.js';
import { coordinatorRoles } from '../domain/roles.js';

export const ledgerReaders = [...coordinatorRoles, 'inspection', 'main_leader', 'county_leader'] as const;

export function canReadLedger(viewer: Viewer): boolean {
  return hasRole(viewer, ...ledgerReaders);
}
