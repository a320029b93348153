// Reads the WeCom directory (WeCom docs, 通讯录管理: department/list and user/list per
// department) as neutral DirectoryPerson rows. Done outside any database transaction: it is
// several network calls. Apps created after 2022-06-20 no longer receive `mobile` from
// user/list, so matching by mobile works only where WeCom still returns it.
import type { DirectoryPerson } from '../transport/transport.js';
import type { WecomApi } from './create-wecom-api.js';

interface UserList {
  userlist?: { userid: string; name: string; mobile?: string; department?: number[] }[];
}

export async function fetchDirectory(api: WecomApi): Promise<DirectoryPerson[]> {
  const { department = [] } = await api.get<{ department?: { id: number; name: string }[] }>('department/list');
  const names = new Map(department.map(({ id, name }) => [id, name]));
  const people = new Map<string, DirectoryPerson>();
  // One department at a time: WeCom limits concurrent calls per app (45033).
  for (const { id } of department) {
    const { userlist = [] } = await api.get<UserList>('user/list', { department_id: id });
    for (const user of userlist) {
      if (people.has(user.userid)) continue;
      const departments = (user.department ?? [id]).map((dep) => names.get(dep) ?? String(dep));
      people.set(user.userid, { account: user.userid, name: user.name, mobile: user.mobile || undefined, departments });
    }
  }
  return [...people.values()];
}
