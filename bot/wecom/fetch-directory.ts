// Reads the WeCom directory (WeCom docs, 通讯录管理: department/list and user/list per
// department). Done outside any database transaction: it is several network calls.
// Apps created after 2022-06-20 no longer receive `mobile` from user/list, so matching by mobile
// works only where WeCom still returns it; matching by userid always works.
import type { WecomApi } from './create-wecom-api.js';

export interface WecomDirectory {
  departments: { id: number; name: string; parentid: number }[];
  people: { userid: string; name: string; mobile?: string; departments: number[] }[];
}

interface UserList {
  userlist?: { userid: string; name: string; mobile?: string; department?: number[] }[];
}

export async function fetchDirectory(api: WecomApi): Promise<WecomDirectory> {
  const { department = [] } = await api.get<{ department?: WecomDirectory['departments'] }>('department/list');
  const people = new Map<string, WecomDirectory['people'][number]>();
  // One department at a time: WeCom limits concurrent calls per app (45033).
  for (const { id } of department) {
    const { userlist = [] } = await api.get<UserList>('user/list', { department_id: id });
    for (const user of userlist) {
      if (people.has(user.userid)) continue;
      people.set(user.userid, { userid: user.userid, name: user.name, mobile: user.mobile || undefined, departments: user.department ?? [id] });
    }
  }
  return { departments: department.map(({ id, name, parentid }) => ({ id, name, parentid })), people: [...people.values()] };
}
