// An ECharts option → a PNG, on the server: ECharts 6 draws on @napi-rs/canvas (no browser, no
// native build: the canvas binary is a prebuilt registry package). Animation is off, so one
// setOption draws the final frame at once; the chart is always disposed, or its timers keep the
// process alive. Labels are drawn in the registered Noto Sans SC family (register-chart-font.ts),
// whatever family the option asks for.
import type { EChartsOption } from 'echarts';
import { CHART_FONT_FAMILY, registerChartFont } from './register-chart-font.js';

export interface ChartSize {
  width: number;
  height: number;
}

export const DEFAULT_CHART_SIZE: ChartSize = { width: 800, height: 500 };

type Renderer = { echarts: typeof import('echarts'); createCanvas: typeof import('@napi-rs/canvas').createCanvas };
let renderer: Promise<Renderer> | null = null;

/**
 * Loaded on the first chart, not at start: only two schedules a month draw one. The one-file bundle, not
 * the package entry: its hundreds of modules took 2.7 s to load on a busy 2-core machine, the bundle 0.5 s.
 */
function loadRenderer(): Promise<Renderer> {
  renderer ??= Promise.all([import('echarts/dist/echarts.esm.min.mjs'), import('@napi-rs/canvas')]).then(([echarts, { createCanvas }]) => {
    // ECharts measures text on a canvas of its own making; in Node it must be told how to make one.
    echarts.setPlatformAPI({ createCanvas: () => createCanvas(32, 32) as unknown as HTMLCanvasElement });
    return { echarts, createCanvas };
  });
  return renderer;
}

/**
 * Loads ECharts and the font before a caller holds a transaction open (the embedded database has one
 * connection): the draw itself then takes tens of milliseconds. A failure here shows again at the draw.
 */
export async function warmChartRenderer(): Promise<void> {
  try {
    registerChartFont();
    await loadRenderer();
  } catch {
    renderer = null;
  }
}

/**
 * `fontFamily` is for tests only: a family without Chinese glyphs shows what a missing font looks like.
 * Throws when the font cannot be registered or the canvas fails; the caller decides what goes without it.
 */
export async function renderChartPng(option: EChartsOption, size: ChartSize = DEFAULT_CHART_SIZE, fontFamily = CHART_FONT_FAMILY): Promise<Buffer> {
  registerChartFont();
  const { echarts, createCanvas } = await loadRenderer();
  const canvas = createCanvas(size.width, size.height);
  const chart = echarts.init(canvas as unknown as HTMLElement, null, { width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false, textStyle: { ...(option.textStyle as object | undefined), fontFamily } });
    return canvas.toBuffer('image/png');
  } finally {
    chart.dispose();
  }
}
