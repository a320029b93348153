// Catalogue items name their owning unit generically; a county's roster names it locally
// (市自然资源局, 国网中卫供电公司). Exact keys match first (市/县/区 and 人民政府 ignored, 004 附件 vs
// 003); utilities and companies are then matched by their ending (…供电公司), if only one fits.
import { unitKey } from '../unit-key.js';
import { defaultUnitAliases } from './unit-aliases.js';

export interface NamedUnit {
  id: number;
  name: string;
}

/**
 * The roster unit that owns an item, trying the item's unit names in order.
 * @example matchUnit(['供电公司'], [{ id: 16, name: '国网中卫供电公司' }]) // { id: 16, name: '国网中卫供电公司' }
 */
export function matchUnit<T extends NamedUnit>(names: readonly string[], units: readonly T[]): T | undefined {
  const found = matchByName(names, units);
  if (found) return found;
  // A catalogue item an admin wrote with a short name (单位：环保局) still finds 市生态环境局.
  const expanded = names.flatMap((name) => defaultUnitAliases[unitKey(name)] ?? []);
  return expanded.length > 0 ? matchByName(expanded, units) : undefined;
}

function matchByName<T extends NamedUnit>(names: readonly string[], units: readonly T[]): T | undefined {
  for (const name of names) {
    const key = unitKey(name);
    const exact = units.find((unit) => unitKey(unit.name) === key);
    if (exact) return exact;
  }
  for (const name of names) {
    const key = unitKey(name);
    const endings = units.filter((unit) => unitKey(unit.name).endsWith(key));
    if (endings.length === 1) return endings[0];
  }
  return undefined;
}
