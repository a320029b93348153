// The chart the glyph test draws: one known Chinese label, large, centred, on white.
import type { EChartsOption } from 'echarts';

export const LABEL = '自然资源局 未解决问题';
export const LABEL_SIZE = { width: 360, height: 80 };

export const labelChart: EChartsOption = {
  backgroundColor: '#ffffff',
  title: { text: LABEL, left: 'center', top: 'middle', textStyle: { fontSize: 28, fontWeight: 'normal', color: '#000000' } },
};

/** Regenerates the reference: `npx tsx test/core/charts/label-chart.ts` (then look at it before committing). */
if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeFileSync } = await import('node:fs');
  const { renderChartPng } = await import('../../../core/charts/render-chart-png.js');
  writeFileSync(new URL('../../fixtures/charts/label-reference.png', import.meta.url), await renderChartPng(labelChart, LABEL_SIZE));
}
