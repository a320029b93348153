// 修改项目's write (handlers/projects/edit-project.ts checks and words it): the project's new fields, the
// archive's before and after (一事一档, 002 五(十)), and a new 绑定码 when the contact changed, since the old
// one is void (docs/domain.md "The enterprise's view").
import type { Prisma } from '../generated/prisma/client.js';
import type { Acting } from '../core/acting.js';
import { issueBindCode } from './issue-bind-code.js';

export interface ProjectEdit {
  data: Prisma.ProjectUncheckedUpdateInput;
  /** Field label → value, as the archive shows them. */
  before: Record<string, string>;
  after: Record<string, string>;
  newContact: boolean;
}

/** Returns the new 绑定码 when the contact changed. */
export async function saveProjectEdit(acting: Acting, projectId: number, edit: ProjectEdit): Promise<string | undefined> {
  await acting.tx.project.update({ where: { id: projectId }, data: edit.data });
  await acting.record({ kind: 'project.edited', projectId, before: edit.before, after: edit.after });
  return edit.newContact ? issueBindCode(acting, projectId) : undefined;
}
