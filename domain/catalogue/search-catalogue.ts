// `事项 供电` when no item is named 供电: the items of the unit people call 供电 (电力接入), and the
// items whose short names contain the word (用电 → 用电报装 → 电力接入). Officials ask by the unit
// they deal with as often as by the item (docs/domain.md "Departments and the approval items they own").
import { unitKey } from '../unit-key.js';
import { defaultUnitAliases } from './unit-aliases.js';

export interface SearchableItem {
  code: string;
  name: string;
  unitNames: readonly string[];
  aliases: readonly string[];
}

/**
 * @example searchCatalogue('供电', [{ code: 'GD-01', name: '电力接入', unitNames: ['供电公司'], aliases: ['用电报装'] }]) // [the GD-01 item]
 */
export function searchCatalogue<T extends SearchableItem>(typed: string, items: readonly T[]): T[] {
  const word = typed.normalize('NFKC').replace(/\s+/g, '');
  if (!word) return [];
  const key = unitKey(word);
  const unitNames = new Set([key, ...(defaultUnitAliases[word] ?? defaultUnitAliases[key] ?? []).map(unitKey)]);
  const ownedBy = (item: T) => item.unitNames.some((name) => unitNames.has(unitKey(name)) || ([...key].length >= 2 && unitKey(name).includes(key)));
  const named = (item: T) => item.aliases.some((alias) => alias.includes(word));
  return items.filter((item) => ownedBy(item) || named(item));
}
