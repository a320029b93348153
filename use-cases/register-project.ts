// 登记项目's write (handlers/projects/register-project.ts reads and checks the fields): the project in stage
// 签约, its service 未受理, with a one-time 绑定码 for the enterprise contact. The Event log holds no mobile:
// it is shown to many readers (档案).
import type { Prisma, Project } from '../generated/prisma/client.js';
import type { Acting } from '../core/acting.js';
import { issueBindCode } from './issue-bind-code.js';

export type NewProject = Omit<Prisma.ProjectUncheckedCreateInput, 'stage' | 'service' | 'registeredById'> & {
  name: string;
  investmentWan: number;
  eligible: boolean;
};

export async function registerProject(acting: Acting, data: NewProject): Promise<{ project: Project; code: string }> {
  const project = await acting.tx.project.create({ data: { ...data, stage: 'signed', service: 'unaccepted', registeredById: acting.sender.id } });
  const code = await issueBindCode(acting, project.id);
  await acting.record({
    kind: 'project.registered',
    projectId: project.id,
    after: { name: data.name, investmentWan: data.investmentWan, eligible: data.eligible, stage: 'signed', service: 'unaccepted' },
  });
  return { project, code };
}
