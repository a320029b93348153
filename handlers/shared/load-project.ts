// The project a command names, among those the sender may see (use-cases/find-readable-project.ts), and the
// Chinese sentence each refusal becomes.
import type { RegisteredContext } from '../context.js';
import { describeCandidates } from '../../domain/references/resolve-project-ref.js';
import { findReadableProject, type ProjectLookup } from '../../use-cases/find-readable-project.js';

export type { ProjectLookup };

export function loadProject(ctx: RegisteredContext, ref: string | undefined): Promise<ProjectLookup> {
  return findReadableProject(ctx.tx, ctx.sender, ref);
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
