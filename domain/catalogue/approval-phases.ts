// The four approval phases of a construction project (004 三(一)2; 002 四).

export const phaseNames = {
  1: '立项用地规划许可',
  2: '工程建设许可',
  3: '施工许可',
  4: '竣工验收',
} as const;

export type Phase = keyof typeof phaseNames;

export const phases: readonly Phase[] = [1, 2, 3, 4];

export function isPhase(value: number): value is Phase {
  return value === 1 || value === 2 || value === 3 || value === 4;
}
