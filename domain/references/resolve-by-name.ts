// Projects and catalogue items are named by any unique part of their name; an ambiguous name gets
// a short numbered list instead of a guess (README "Commands").

export type Resolved<T> = { ok: true; value: T } | { ok: false; code: 'NOT_FOUND' } | { ok: false; code: 'AMBIGUOUS'; candidates: T[] };

const MAX_CANDIDATES = 9;

/**
 * An exact name wins; otherwise a single name containing the text.
 * @example resolveByName('光伏', [{ name: '光伏组件' }, { name: '风电' }], (item) => item.name) // { ok: true, value: { name: '光伏组件' } }
 */
export function resolveByName<T>(text: string, items: readonly T[], nameOf: (item: T) => string): Resolved<T> {
  const wanted = normalize(text);
  if (!wanted) return { ok: false, code: 'NOT_FOUND' };
  const exact = items.filter((item) => normalize(nameOf(item)) === wanted);
  if (exact.length === 1) return { ok: true, value: exact[0]! };
  const partial = exact.length > 1 ? exact : items.filter((item) => normalize(nameOf(item)).includes(wanted));
  if (partial.length === 1) return { ok: true, value: partial[0]! };
  if (partial.length === 0) return { ok: false, code: 'NOT_FOUND' };
  return { ok: false, code: 'AMBIGUOUS', candidates: partial.slice(0, MAX_CANDIDATES) };
}

function normalize(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}
