// Row locks for handlers: a handler locks the project (and then the task) it changes before
// reading them, so two instances handling 受理 for one project, or 办结项目 racing 派单, run one
// after the other and the second sees what the first wrote. Always project before task, so two
// handlers never wait on each other in a cycle (docs/architecture.md "Several instances").
import type { Tx } from '../../prisma/open-database.js';

export async function lockProject(tx: Tx, projectId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${projectId} FOR UPDATE`;
}

export async function lockCall(tx: Tx, callId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Call" WHERE id = ${callId} FOR UPDATE`;
}

export async function lockTask(tx: Tx, taskId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Task" WHERE id = ${taskId} FOR UPDATE`;
}
