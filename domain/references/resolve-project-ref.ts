// A project by number (P12, 12) or by any unique part of its name, among the projects the sender
// may see: an enterprise contact guessing another project's number gets "not found", the same as
// for a number that does not exist (docs/domain.md "People and roles").
import { parseNumberRef } from './parse-number-ref.js';
import { resolveByName, type Resolved } from './resolve-by-name.js';

export interface ProjectRef {
  id: number;
  name: string;
}

export function resolveProjectRef<T extends ProjectRef>(text: string, visible: readonly T[]): Resolved<T> {
  const number = parseNumberRef(text, 'P');
  if (number !== undefined) {
    const project = visible.find((candidate) => candidate.id === number);
    return project ? { ok: true, value: project } : { ok: false, code: 'NOT_FOUND' };
  }
  return resolveByName(text, visible, (project) => project.name);
}

/** The numbered list shown for an ambiguous name. */
export function describeCandidates(candidates: readonly ProjectRef[], retry: string): string {
  const lines = candidates.map((project, index) => `${index + 1}. P${project.id} ${project.name}`);
  return `有多个项目符合，请用编号重发，例如「${retry} P${candidates[0]?.id ?? 1}」：\n${lines.join('\n')}`;
}
