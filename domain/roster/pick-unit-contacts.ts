// Who stands in for a unit when a rule names its 代办员 (docs/domain.md "People and roles", the
// fallback order): the unit's agents; with none in the roster, its 责任领导; with none either, any
// active member of the unit. A unit nobody is left in reaches no one: what it lacks is returned, so
// 重点项目办 and the admin are told which unit lacks whom instead of a message going to nobody.

export interface UnitMember<R> {
  id: R;
  unitId: number | null;
  roles: readonly string[];
}

/** What the roster lacks for a unit: its agents (someone stands in) or anyone at all. */
export type RosterGap = 'agent' | 'anyone';

export interface UnitContacts<R> {
  /** Who receives what a rule sends to the unit's agents: the agents, or who stands in for them. */
  agents: R[];
  unitLeaders: R[];
  gap: RosterGap | null;
}

/**
 * @example pickUnitContacts([{ id: 7, unitId: 3, roles: ['unit_leader'] }], 3) // { agents: [7], unitLeaders: [7], gap: 'agent' }
 */
export function pickUnitContacts<R>(people: readonly UnitMember<R>[], unitId: number): UnitContacts<R> {
  const members = people.filter((person) => person.unitId === unitId);
  const holding = (role: string) => members.filter((person) => person.roles.includes(role)).map((person) => person.id);
  const agents = holding('agent');
  const unitLeaders = holding('unit_leader');
  if (agents.length > 0) return { agents, unitLeaders, gap: null };
  if (unitLeaders.length > 0) return { agents: unitLeaders, unitLeaders, gap: 'agent' };
  if (members.length > 0) return { agents: members.map((person) => person.id), unitLeaders, gap: 'agent' };
  return { agents: [], unitLeaders, gap: 'anyone' };
}
