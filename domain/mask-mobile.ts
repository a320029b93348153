// Mobiles are shown masked to anyone but the window and the project's own team (docs/domain.md
// "People and roles"), and never written to logs in full.

/**
 * @example maskMobile('13800000000') // '138****0000'
 */
export function maskMobile(mobile: string): string {
  if (mobile.length < 8) return '*'.repeat(mobile.length);
  return `${mobile.slice(0, 3)}${'*'.repeat(mobile.length - 7)}${mobile.slice(-4)}`;
}
