// Roles of the people the bot serves (docs/domain.md "People and roles"), with the Chinese names the roster uses.

export const roleNames = {
  admin: '管理员',
  window: '专窗',
  project_office: '重点项目办',
  investment_center: '招商服务中心',
  agent: '代办员',
  unit_leader: '责任领导',
  county_leader: '县领导',
  main_leader: '主要领导',
  inspection: '督查中心',
  enterprise: '企业联络员',
} as const;

export type Role = keyof typeof roleNames;

/** `专窗` → `window`; undefined for a name that is not a role. */
export function roleFromName(name: string): Role | undefined {
  const entry = Object.entries(roleNames).find(([, chinese]) => chinese === name.trim());
  return entry?.[0] as Role | undefined;
}

/** Roles that register, accept, plan and dispatch projects (002 五(二)). */
export const coordinatorRoles: readonly Role[] = ['admin', 'window', 'project_office', 'investment_center'];
