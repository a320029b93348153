// Issues a 绑定码 that no other live code shares, so a code names exactly one project, and voids the
// project's earlier live codes: one live code per project, the latest one handed out (docs/domain.md
// "The enterprise's view").
import { randomInt } from 'node:crypto';
import type { Acting } from '../core/acting.js';
import { generateBindCode } from '../domain/enterprise/bind-code.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function issueBindCode(ctx: Pick<Acting, 'tx' | 'now' | 'policy'>, projectId: number): Promise<string> {
  await ctx.tx.bindCode.updateMany({ where: { projectId, usedAt: null, expiresAt: { gt: ctx.now } }, data: { expiresAt: ctx.now } });
  for (;;) {
    const code = generateBindCode(randomInt);
    const clash = await ctx.tx.bindCode.findFirst({ where: { code, usedAt: null, expiresAt: { gt: ctx.now } } });
    if (clash) continue;
    await ctx.tx.bindCode.create({ data: { code, projectId, expiresAt: new Date(ctx.now.getTime() + ctx.policy.bindCodeValidDays * DAY_MS) } });
    return code;
  }
}

/** 绑定码 P3: a new code for the project's contact, recorded without the code itself (档案 has many readers). */
export async function reissueBindCode(acting: Acting, projectId: number): Promise<string> {
  const code = await issueBindCode(acting, projectId);
  await acting.record({ kind: 'project.bind_code_issued', projectId });
  return code;
}
