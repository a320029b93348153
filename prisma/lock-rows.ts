// Row locks: a use case (or a handler not yet moved onto one) locks the rows it changes before reading
// them, so two instances handling 受理 for one project, 办结项目 racing 派单, or 答复 racing 销号 run one after the other and
// the second sees what the first wrote. Always the project first, then its problem, complaint, call or task, so
// two handlers never wait on each other in a cycle (docs/architecture.md "Handlers lock what they change").
import type { Tx } from './open-database.js';

export async function lockProject(tx: Tx, projectId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${projectId} FOR UPDATE`;
}

export async function lockProblem(tx: Tx, problemId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Problem" WHERE id = ${problemId} FOR UPDATE`;
}

export async function lockComplaint(tx: Tx, complaintId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Complaint" WHERE id = ${complaintId} FOR UPDATE`;
}

export async function lockCall(tx: Tx, callId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Call" WHERE id = ${callId} FOR UPDATE`;
}

export async function lockTask(tx: Tx, taskId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Task" WHERE id = ${taskId} FOR UPDATE`;
}
