// Finds the project a command names (P12, 12, or a unique part of its name) among those the sender may see,
// locked. An enterprise contact only ever searches their own projects, so guessing another project's number
// answers "not found", exactly like a number that does not exist.
import type { Project } from '../generated/prisma/client.js';
import type { Tx } from '../prisma/open-database.js';
import type { Sender } from '../core/acting.js';
import { canReadProject, isEnterpriseOnly, type ProjectAudience } from '../domain/access/project-access.js';
import { parseNumberRef } from '../domain/references/parse-number-ref.js';
import { resolveProjectRef } from '../domain/references/resolve-project-ref.js';
import { lockProject } from '../prisma/lock-rows.js';
import { loadProjectAudience } from './load-project-audience.js';

export type ProjectLookup =
  | { ok: true; project: Project; audience: ProjectAudience }
  | { ok: false; code: 'PROJECT_REQUIRED' | 'PROJECT_NOT_FOUND' | 'PROJECT_NOT_VISIBLE' }
  | { ok: false; code: 'PROJECT_AMBIGUOUS'; candidates: Project[] };

export async function findReadableProject(tx: Tx, sender: Sender, ref: string | undefined): Promise<ProjectLookup> {
  if (!ref) return { ok: false, code: 'PROJECT_REQUIRED' };
  const ownOnly = isEnterpriseOnly(sender);
  const scope = ownOnly ? { contactPersonId: sender.id } : {};
  const number = parseNumberRef(ref, 'P');
  const candidates = await tx.project.findMany({
    where: number === undefined ? { ...scope, name: { contains: ref.trim(), mode: 'insensitive' } } : { ...scope, id: number },
    orderBy: { id: 'asc' },
    take: 20,
  });
  const resolved = resolveProjectRef(ref, candidates);
  if (!resolved.ok)
    return resolved.code === 'AMBIGUOUS' ? { ok: false, code: 'PROJECT_AMBIGUOUS', candidates: resolved.candidates } : { ok: false, code: 'PROJECT_NOT_FOUND' };
  // Locked, then read again: what another instance committed meanwhile is what this handler sees.
  await lockProject(tx, resolved.value.id);
  const project = await tx.project.findUniqueOrThrow({ where: { id: resolved.value.id } });
  const audience = await loadProjectAudience(tx, project);
  if (!canReadProject(sender, audience)) return { ok: false, code: 'PROJECT_NOT_VISIBLE' };
  return { ok: true, project, audience };
}
