// Who answers an enterprise's 投诉 (docs/domain.md "Complaints"): 重点项目办, which follows the
// enterprise up after a bad rating too (002 六(二) 回访企业), and the project's 包抓领导 ("一个项目、一位
// 领导、一个团队、一抓到底", 001 帮扶 一(二)). With neither in the roster the window is told instead, and
// with no window the admins, so a complaint never goes unowned.
import type { Tx } from '../../prisma/open-database.js';
import { findPeople, findPerson } from './find-people.js';

export async function findComplaintAnswerers(tx: Tx, project: { leaderId: number | null }): Promise<number[]> {
  const leader = await findPerson(tx, project.leaderId);
  const answerers = [...(await findPeople(tx, 'project_office')), ...(leader ? [leader] : [])].map((person) => person.id);
  if (answerers.length > 0) return [...new Set(answerers)];
  const window = await findPeople(tx, 'window');
  return (window.length > 0 ? window : await findPeople(tx, 'admin')).map((person) => person.id);
}
