// Projects are numbered P12, tasks T34, problems Q5 and complaints C3; the bare number works too.

/**
 * @example parseNumberRef('P12', 'P') // 12
 * @example parseNumberRef('Ｐ１２', 'P') // 12
 * @example parseNumberRef('光伏', 'P') // undefined
 */
export function parseNumberRef(text: string, prefix: 'P' | 'T' | 'Q' | 'C'): number | undefined {
  const value = text.normalize('NFKC').trim();
  const match = new RegExp(`^[${prefix}${prefix.toLowerCase()}]?(\\d{1,9})$`).exec(value);
  if (!match) return undefined;
  const number = Number(match[1]);
  return number > 0 ? number : undefined;
}
