// A catalogue item by its code (HB-01), its name, or any unique part of it (环评 → 环境影响评价审批).
// Common short names people use in the group are accepted as aliases.
import { resolveByName, type Resolved } from './resolve-by-name.js';

export interface ItemRef {
  code: string;
  name: string;
  aliases?: readonly string[];
}

export function resolveCatalogueItem<T extends ItemRef>(text: string, items: readonly T[]): Resolved<T> {
  const wanted = text.trim().toUpperCase();
  const byCode = items.find((item) => item.code.toUpperCase() === wanted);
  if (byCode) return { ok: true, value: byCode };
  const byAlias = items.filter((item) => item.aliases?.includes(text.trim()));
  if (byAlias.length === 1) return { ok: true, value: byAlias[0]! };
  return resolveByName(text, items, (item) => item.name);
}
