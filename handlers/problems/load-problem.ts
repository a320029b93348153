// Finds the problem a command names (Q5) among the projects the sender may see, and locks its
// project, then the problem, before reading them again: two people changing one problem at once on
// two instances run one after the other, and the second sees the first's state (docs/architecture.md
// "Handlers lock what they change").
import type { Problem, Project } from '../../generated/prisma/client.js';
import { canReadProject } from '../../domain/access/project-access.js';
import { parseNumberRef } from '../../domain/references/parse-number-ref.js';
import type { ProjectAudience } from '../../domain/access/project-access.js';
import type { RegisteredContext } from '../context.js';
import { loadProjectAudience } from '../../use-cases/load-project-audience.js';
import { lockProblem, lockProject } from '../../prisma/lock-rows.js';

export type ProblemLookup = { ok: true; problem: Problem; project: Project; audience: ProjectAudience } | { ok: false; text: string };

export async function loadProblem(ctx: RegisteredContext, ref: string | undefined, usage: string): Promise<ProblemLookup> {
  const id = ref === undefined ? undefined : parseNumberRef(ref, 'Q');
  if (id === undefined) return { ok: false, text: `请写明问题编号，例如「${usage}」。` };
  const found = await ctx.tx.problem.findUnique({ where: { id }, select: { projectId: true } });
  if (found) {
    await lockProject(ctx.tx, found.projectId);
    await lockProblem(ctx.tx, id);
  }
  const problem = found && (await ctx.tx.problem.findUnique({ where: { id } }));
  const project = problem && (await ctx.tx.project.findUnique({ where: { id: problem.projectId } }));
  // A problem of a project the sender may not see answers exactly like one that does not exist.
  const audience = project && (await loadProjectAudience(ctx.tx, project));
  if (!problem || !project || !audience || !canReadProject(ctx.sender, audience)) return { ok: false, text: `没有找到问题 Q${id}。` };
  return { ok: true, problem, project, audience };
}
