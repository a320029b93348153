// The report's shared pieces (bench/write-report.ts and the section files beside it): figures
// formatted one way, a target's gap worded one way, and a Markdown table.
export interface Check {
  target: string;
  value: string;
  /** Empty when met; else how far off. */
  gap: string;
  cause?: string;
}

export const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value).toLocaleString('en')} ms`);
/** CPU time per message or request, which is often under a millisecond. */
export const cpuMs = (value: number) => `${value.toFixed(value < 1 ? 3 : 2)} ms`;
export const pct = (share: number) => `${(share * 100).toFixed(0)} %`;
export const rate = (value: number) => `${Math.round(value).toLocaleString('en')} msg/s`;

export function atMost(value: number, limit: number, show: (value: number) => string): string {
  return value <= limit ? '' : `missed by ${show(value - limit)} (${(value / limit).toFixed(1)}×)`;
}

export function atLeast(value: number, floor: number, show: (value: number) => string): string {
  return value >= floor ? '' : `missed by ${show(floor - value)} (${(floor / value).toFixed(1)}× short)`;
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
