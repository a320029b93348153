// Reads the DingTalk contacts for 同步通讯录 (通讯录管理, on oapi.dingtalk.com: 获取部门列表
// POST /topapi/v2/department/listsub — direct children only — and 获取部门用户详情
// POST /topapi/v2/user/list, paged by cursor, at most 100 a page). Walks the tree from the root
// (dept_id 1) one call at a time: the per-app QPS limits (90018) make parallel calls pointless.
// `mobile` comes back only when the app holds the 手机号码 permission.
import type { DirectoryPerson } from '../transport/transport.js';
import type { DingtalkApi } from './create-dingtalk-api.js';

const ROOT = 1;
const PAGE = 100;
// A county's organisation has a few hundred departments; this bounds a malformed (cyclic) answer.
const MAX_DEPARTMENTS = 5000;

interface ListSub {
  result?: { dept_id: number; name: string; parent_id?: number }[];
}

interface UserList {
  result?: { has_more?: boolean; next_cursor?: number; list?: { userid: string; name: string; mobile?: string; dept_id_list?: number[] }[] };
}

export async function fetchDingtalkDirectory(api: DingtalkApi): Promise<DirectoryPerson[]> {
  const names = new Map<number, string>();
  const queue = [ROOT];
  for (let next = queue.shift(); next !== undefined && names.size < MAX_DEPARTMENTS; next = queue.shift()) {
    const { result = [] } = await api.oapi<ListSub>('/topapi/v2/department/listsub', { dept_id: next });
    for (const department of result) {
      if (names.has(department.dept_id)) continue;
      names.set(department.dept_id, department.name);
      queue.push(department.dept_id);
    }
  }
  const people = new Map<string, DirectoryPerson>();
  for (const deptId of [ROOT, ...names.keys()]) {
    let cursor = 0;
    for (;;) {
      const { result } = await api.oapi<UserList>('/topapi/v2/user/list', { dept_id: deptId, cursor, size: PAGE });
      for (const user of result?.list ?? []) {
        if (people.has(user.userid)) continue;
        const departments = (user.dept_id_list ?? [deptId]).map((id) => names.get(id)).filter((name) => name !== undefined);
        people.set(user.userid, { account: user.userid, name: user.name, ...(user.mobile && { mobile: user.mobile }), departments });
      }
      if (!result?.has_more || result.next_cursor === undefined) break;
      cursor = result.next_cursor;
    }
  }
  return [...people.values()];
}
