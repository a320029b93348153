// A digest snapshot's project with every field set, for the domain schedule tests.
import type { SnapshotProject } from '../../../domain/schedule/schedule-snapshot.js';

/** Project `id`, signed 2026-11-02, led by unit 1 with leader 10, not yet accepted; `fields` override. */
export const snapshotProject = (id: number, fields: Partial<SnapshotProject> = {}): SnapshotProject => ({
  id,
  name: `项目${id}`,
  stage: 'signed',
  service: 'approving',
  content: '',
  targetTasks: '',
  timeNodes: '',
  expectedStartOn: null,
  investmentWan: 10000,
  leaderId: 10,
  leadUnitId: 1,
  signedOn: '2026-11-02',
  landListedOn: null,
  acceptedAt: null,
  teamFormedAt: null,
  planMadeAt: null,
  startedOn: null,
  producedOn: null,
  enrolledOn: null,
  ...fields,
});
