// Finds the project a command names (P12, 12, or a unique part of its name) among those the
// sender may see. An enterprise contact only ever searches their own projects, so guessing
// another project's number answers "not found", exactly like a number that does not exist.
import type { Project } from '../../generated/prisma/client.js';
import type { RegisteredContext } from '../context.js';
import { canReadProject, isEnterpriseOnly, type ProjectAudience } from '../../domain/access/project-access.js';
import { parseNumberRef } from '../../domain/references/parse-number-ref.js';
import { describeCandidates, resolveProjectRef } from '../../domain/references/resolve-project-ref.js';
import { lockProject } from './lock-rows.js';
import { loadProjectAudience } from '../../use-cases/load-project-audience.js';

export type ProjectLookup =
  | { ok: true; project: Project; audience: ProjectAudience }
  | { ok: false; code: 'PROJECT_REQUIRED' | 'PROJECT_NOT_FOUND' | 'PROJECT_NOT_VISIBLE' }
  | { ok: false; code: 'PROJECT_AMBIGUOUS'; candidates: Project[] };

export async function loadProject(ctx: RegisteredContext, ref: string | undefined): Promise<ProjectLookup> {
  if (!ref) return { ok: false, code: 'PROJECT_REQUIRED' };
  const ownOnly = isEnterpriseOnly(ctx.sender);
  const scope = ownOnly ? { contactPersonId: ctx.sender.id } : {};
  const number = parseNumberRef(ref, 'P');
  const candidates = await ctx.tx.project.findMany({
    where: number === undefined ? { ...scope, name: { contains: ref.trim(), mode: 'insensitive' } } : { ...scope, id: number },
    orderBy: { id: 'asc' },
    take: 20,
  });
  const resolved = resolveProjectRef(ref, candidates);
  if (!resolved.ok)
    return resolved.code === 'AMBIGUOUS' ? { ok: false, code: 'PROJECT_AMBIGUOUS', candidates: resolved.candidates } : { ok: false, code: 'PROJECT_NOT_FOUND' };
  // Locked, then read again: what another instance committed meanwhile is what this handler sees.
  await lockProject(ctx.tx, resolved.value.id);
  const project = await ctx.tx.project.findUniqueOrThrow({ where: { id: resolved.value.id } });
  const audience = await loadProjectAudience(ctx.tx, project);
  if (!canReadProject(ctx.sender, audience)) return { ok: false, code: 'PROJECT_NOT_VISIBLE' };
  return { ok: true, project, audience };
}

export function describeProjectRefusal(refusal: Exclude<ProjectLookup, { ok: true }>, usage: string): string {
  switch (refusal.code) {
    case 'PROJECT_REQUIRED':
      return `请写明项目，例如「${usage}」。`;
    case 'PROJECT_NOT_FOUND':
      return '没有找到这个项目，请检查编号或名称。';
    case 'PROJECT_NOT_VISIBLE':
      return '这个项目与你的单位无关，你不能查看。';
    case 'PROJECT_AMBIGUOUS':
      return describeCandidates(refusal.candidates, usage.split(' ')[0] ?? usage);
  }
}
