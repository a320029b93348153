// A chart as the digests hand it on: the ECharts option, the picture's size and the name its PNG
// travels under (core/charts/render-chart-png.ts draws it; docs/architecture.md "Messages and cards").
import type { EChartsOption } from 'echarts';

export interface ChartSpec {
  /** The PNG's file name, e.g. `本周问题 2026-W49.png`: the local chat saves it under it. */
  name: string;
  option: EChartsOption;
  width: number;
  height: number;
}

/** Colours kept to the lights people know (docs/domain.md "Lights"): red for what needs a leader's eye. */
export const CHART_COLOURS = { blue: '#4e73df', amber: '#f6a609', red: '#d93025', grey: '#9aa0a6' } as const;

/** One bar row's height and the frame around the rows, so a chart of 40 units stays readable on a phone. */
export function heightForRows(rows: number, { perRow = 28, frame = 140, min = 360 } = {}): number {
  return Math.max(min, frame + rows * perRow);
}
