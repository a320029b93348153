// A unit as people name it: its roster name (市自然资源局), its name without 市/县/区 (自然资源局), a
// short name (国土局, 住建, 供电; unit-aliases.ts and the admin's additions) or a unique part of it
// (自然资源). An unknown name gets the closest units, never a guess.
import { unitKey } from '../unit-key.js';
import { matchUnit, type NamedUnit } from './match-unit.js';
import { defaultUnitAliases } from './unit-aliases.js';

export type ResolvedUnit<T> = { ok: true; unit: T } | { ok: false; code: 'UNKNOWN_UNIT'; typed: string; suggestions: T[] };

const MAX_SUGGESTIONS = 3;

/**
 * @example resolveUnit('国土局', [{ id: 1, name: '市自然资源局' }]) // { ok: true, unit: { id: 1, name: '市自然资源局' } }
 * @example resolveUnit('国土', [{ id: 1, name: '市自然资源局' }]) // { ok: false, code: 'UNKNOWN_UNIT', typed: '国土', suggestions: [{ id: 1, name: '市自然资源局' }] }
 */
export function resolveUnit<T extends NamedUnit>(
  typed: string,
  units: readonly T[],
  extraAliases: Readonly<Record<string, string | readonly string[]>> = {},
): ResolvedUnit<T> {
  const text = typed.normalize('NFKC').replace(/\s+/g, '');
  const key = unitKey(text);
  const direct = matchUnit([text], units);
  if (direct) return { ok: true, unit: direct };
  for (const aliases of [extraAliases, defaultUnitAliases]) {
    const names = aliases[text] ?? aliases[key];
    const unit = names === undefined ? undefined : matchUnit(typeof names === 'string' ? [names] : names, units);
    if (unit) return { ok: true, unit };
  }
  if ([...key].length >= 2) {
    const containing = units.filter((unit) => unitKey(unit.name).includes(key));
    if (containing.length === 1) return { ok: true, unit: containing[0]! };
  }
  return { ok: false, code: 'UNKNOWN_UNIT', typed, suggestions: suggestUnits(key, units, { ...defaultUnitAliases, ...extraAliases }) };
}

/** Units whose name or short name shares the most characters with what was typed. */
function suggestUnits<T extends NamedUnit>(key: string, units: readonly T[], aliases: Readonly<Record<string, string | readonly string[]>>): T[] {
  const scored = units.map((unit) => {
    const own = unitKey(unit.name);
    const shortNames = Object.entries(aliases)
      .filter(([, names]) => matchUnit(typeof names === 'string' ? [names] : names, [unit]))
      .map(([alias]) => alias);
    const score = Math.max(...[own, ...shortNames].map((name) => (name.includes(key) || key.includes(name) ? 1 : overlap(key, name))));
    return { unit, score };
  });
  return (
    scored
      // Over half the characters shared: 消防 and 人防 share only 防, which names two different units.
      .filter((entry) => entry.score > 0.5)
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_SUGGESTIONS)
      .map((entry) => entry.unit)
  );
}

/** Dice coefficient over characters. */
function overlap(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  const common = left.filter((char) => right.includes(char)).length;
  return (2 * common) / (left.length + right.length);
}

/**
 * @example describeUnknownUnit('国土', [{ id: 1, name: '市自然资源局' }]) // '没有「国土」这个单位，你是不是指：自然资源局？'
 */
export function describeUnknownUnit(typed: string, suggestions: readonly NamedUnit[]): string {
  const known = defaultUnitAliases[unitKey(typed.normalize('NFKC').replace(/\s+/g, ''))];
  if (suggestions.length === 0 && known) return `名册中没有「${typed}」对应的单位（${known.join('、')}），请管理员先把它加入名册。`;
  if (suggestions.length === 0) return `没有「${typed}」这个单位，请写名册中的单位名称，例如 自然资源局。`;
  return `没有「${typed}」这个单位，你是不是指：${suggestions.map((unit) => unitKey(unit.name)).join('、')}？`;
}
