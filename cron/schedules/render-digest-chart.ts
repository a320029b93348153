// A digest's chart → the picture message that follows its text (issue 19 item 4). Drawn once per
// schedule run, since every reader of the Wednesday digest or the ranking gets the same chart
// (domain/schedule/build-digests.ts). A chart that cannot be drawn (the font package missing, a
// canvas error) is logged and left out: the digest's text still goes, it is what matters.
import type { Logger } from '../../core/logger.js';
import type { OutgoingMessage } from '../../core/messages.js';
import { renderChartPng } from '../../core/charts/render-chart-png.js';
import type { ChartSpec } from '../../domain/charts/chart-spec.js';

export type ImageMessage = Extract<OutgoingMessage, { kind: 'image' }>;

export async function renderDigestChart(chart: ChartSpec | null, logger?: Logger): Promise<ImageMessage | null> {
  if (!chart) return null;
  try {
    const png = await renderChartPng(chart.option, { width: chart.width, height: chart.height });
    return { kind: 'image', name: chart.name, content: png.toString('base64') };
  } catch (error) {
    logger?.error({ chart: chart.name, error: (error as Error).message }, 'digest chart not drawn; the digest goes without it');
    return null;
  }
}
