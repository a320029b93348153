// The people a project names (its 包抓领导 and its enterprise contact), for the schedules' reminders.
import type { Tx } from './open-database.js';

export interface ProjectPeople {
  id: number;
  name: string;
  leaderId: number | null;
  contactPersonId: number | null;
}

export async function findProjectPeople(tx: Tx, projectId: number): Promise<ProjectPeople> {
  return tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, name: true, leaderId: true, contactPersonId: true } });
}
