// The 绑定码 links an enterprise contact, who is not in the roster, to their project: six digits,
// one use, valid policy.bindCodeValidDays days, void once a coordinator issues the next one (`绑定码 P3`);
// wrong guesses are throttled per sender and, since a guess names no project, across all senders.

export type BindCodeCheck = { ok: true } | { ok: false; code: 'BIND_CODE_EXPIRED' | 'BIND_CODE_USED' };

/**
 * `random` is the caller's source of randomness (node:crypto's randomInt in the handler): the domain
 * imports no node: module (docs/architecture.md "Layers").
 * @example generateBindCode(() => 42) // '000042'
 */
export function generateBindCode(random: (max: number) => number): string {
  return String(random(1_000_000)).padStart(6, '0');
}

export function checkBindCode(code: { expiresAt: Date; usedAt: Date | null }, now: Date): BindCodeCheck {
  if (code.usedAt) return { ok: false, code: 'BIND_CODE_USED' };
  if (code.expiresAt.getTime() <= now.getTime()) return { ok: false, code: 'BIND_CODE_EXPIRED' };
  return { ok: true };
}

/** The codes are typed on phones: accept full-width digits and stray spaces. */
export function normalizeBindCode(text: string): string | undefined {
  const digits = text.replace(/[０-９]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? digits : undefined;
}
