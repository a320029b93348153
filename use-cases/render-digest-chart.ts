// A digest's chart → the picture message that follows its text (issue 19 item 4). Drawn once per
// schedule run, since every reader of the Wednesday digest or the ranking gets the same chart
// (domain/schedule/build-digests.ts). A chart that cannot be drawn (the font package missing, a
// canvas error) is logged and left out: the digest's text still goes, it is what matters.
import type { Logger } from '../core/logger.js';
import { renderChartPng } from '../core/charts/render-chart-png.js';
import type { ChartSpec } from '../domain/charts/chart-spec.js';

/** The PNG, stored once for all readers when the digests are queued (queue-digest.ts). */
export interface DigestChart {
  name: string;
  png: Buffer;
}

export async function renderDigestChart(chart: ChartSpec | null, logger?: Logger): Promise<DigestChart | null> {
  if (!chart) return null;
  try {
    const png = await renderChartPng(chart.option, { width: chart.width, height: chart.height });
    return { name: chart.name, png };
  } catch (error) {
    logger?.error({ chart: chart.name, error: (error as Error).message }, 'digest chart not drawn; the digest goes without it');
    return null;
  }
}
