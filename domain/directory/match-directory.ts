// Matches roster people to a platform directory (同步通讯录): by account first, then by mobile, in
// which case the person takes the directory's account so messages reach them. Pure: the same for
// every platform. The summary names people, never mobile numbers.

export interface RosterEntry {
  personId: number;
  name: string;
  mobile: string | null;
  /** The person's account on this platform, if the roster gave one. */
  account: string | null;
}

export interface DirectoryEntry {
  account: string;
  name: string;
  mobile?: string;
}

export interface DirectoryMatch {
  directoryPeople: number;
  /** Roster people whose account the directory knows. */
  matched: number;
  /** Roster people found by mobile: their account becomes `to`. */
  linked: { personId: number; name: string; from: string | null; to: string }[];
  /** Roster people the directory knows neither by account nor by mobile. */
  missing: string[];
  /** Directory people not in the roster. */
  notInRoster: number;
}

const digits = (mobile: string): string => mobile.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');

/**
 * @example matchDirectory([{ personId: 1, name: '周某', mobile: '13800000000', account: 'zhou' }],
 *   [{ account: 'zhou.real', name: '周某', mobile: '+86 138 0000 0000' }]).linked
 *   // [{ personId: 1, name: '周某', from: 'zhou', to: 'zhou.real' }]
 */
export function matchDirectory(roster: readonly RosterEntry[], directory: readonly DirectoryEntry[]): DirectoryMatch {
  const byAccount = new Set(directory.map((person) => person.account));
  const byMobile = new Map(directory.filter((person) => person.mobile).map((person) => [digits(person.mobile!), person]));
  const taken = new Set(roster.map((person) => person.account).filter((account): account is string => account !== null));
  const seen = new Set<string>();
  const result: DirectoryMatch = { directoryPeople: directory.length, matched: 0, linked: [], missing: [], notInRoster: 0 };
  for (const person of roster) {
    if (person.account !== null && byAccount.has(person.account)) {
      result.matched += 1;
      seen.add(person.account);
      continue;
    }
    const found = person.mobile ? byMobile.get(digits(person.mobile)) : undefined;
    if (found && !taken.has(found.account)) {
      taken.add(found.account);
      seen.add(found.account);
      result.linked.push({ personId: person.personId, name: person.name, from: person.account, to: found.account });
    } else {
      result.missing.push(person.name);
    }
  }
  result.notInRoster = directory.filter((person) => !seen.has(person.account)).length;
  return result;
}
