// 委托: the 帮办代办服务委托协议 the window signs with the enterprise once the project is accepted (002 五(五),
// 附件3), the whole service or some catalogue items (自愿委托全程或部分, 002 二(一)). Signing again (a changed
// scope) is recorded again, with the previous scope as its before; the archive keeps both.
import type { Acting } from '../core/acting.js';

export interface Entrustment {
  scope: 'all' | 'part';
  /** The entrusted items' catalogue codes (scope part). */
  itemCodes: string[];
  /** The enterprise and the signer, as the archive shows them. */
  client: string;
}

/** `projectId`: found and locked (use-cases/find-readable-project.ts). */
export async function recordEntrustment({ tx, record }: Acting, projectId: number, { scope, itemCodes, client }: Entrustment): Promise<void> {
  const previous = await tx.event.findFirst({ where: { projectId, kind: 'project.entrusted' }, orderBy: [{ at: 'desc' }, { id: 'desc' }] });
  await record({
    kind: 'project.entrusted',
    projectId,
    before: previous ? (previous.after as object) : undefined,
    after: { scope, ...(scope === 'part' && { items: itemCodes }), client },
  });
}
