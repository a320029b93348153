// Matches roster people to the WeCom directory (admin command 同步通讯录): by userid first, then
// by mobile, in which case the roster row takes the WeCom userid so messages reach the person.
// Returns a summary for the admin; names only, never mobile numbers.
import type { Tx } from '../../prisma/open-database.js';
import type { WecomDirectory } from './fetch-directory.js';

export interface DirectorySummary {
  departments: number;
  wecomPeople: number;
  /** Roster people whose userid WeCom knows. */
  matched: number;
  /** Roster people found by mobile; their userid was corrected. */
  linked: { name: string; from: string; to: string }[];
  /** Active roster people WeCom knows neither by userid nor by mobile. */
  missing: string[];
  /** WeCom people not in the roster. */
  notInRoster: number;
}

const digits = (mobile: string): string => mobile.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');

export async function syncDirectory(tx: Tx, directory: WecomDirectory): Promise<DirectorySummary> {
  const byUserid = new Map(directory.people.map((person) => [person.userid, person]));
  const byMobile = new Map(directory.people.filter((person) => person.mobile).map((person) => [digits(person.mobile!), person]));
  const roster = await tx.person.findMany({ where: { active: true, NOT: { roles: { has: 'enterprise' } } }, orderBy: { id: 'asc' } });
  const taken = new Set(roster.map((person) => person.userid));
  const summary: DirectorySummary = { departments: directory.departments.length, wecomPeople: directory.people.length, matched: 0, linked: [], missing: [], notInRoster: 0 };
  const seen = new Set<string>();
  for (const person of roster) {
    if (byUserid.has(person.userid)) {
      summary.matched += 1;
      seen.add(person.userid);
      continue;
    }
    const found = person.mobile ? byMobile.get(digits(person.mobile)) : undefined;
    if (found && !taken.has(found.userid)) {
      await tx.person.update({ where: { id: person.id }, data: { userid: found.userid } });
      taken.add(found.userid);
      seen.add(found.userid);
      summary.linked.push({ name: person.name, from: person.userid, to: found.userid });
    } else {
      summary.missing.push(person.name);
    }
  }
  summary.notInRoster = directory.people.filter((person) => !seen.has(person.userid)).length;
  return summary;
}
