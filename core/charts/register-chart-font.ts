// The one font family chart labels are drawn in. No system font on a county's server can be trusted
// to carry Chinese, so the Noto Sans SC subsets that @fontsource/noto-sans-sc ships (woff2, about
// 100 files per weight, each a slice of the CJK range) are registered together under one family name:
// Skia picks, per glyph, the file that holds it. Registered once per process (the first chart);
// TOOLCHAIN measured about 90 ms for the 102 regular-weight files.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

/** The family ECharts' textStyle names (core/charts/render-chart-png.ts). */
export const CHART_FONT_FAMILY = 'NotoSansSC';

let registered: number | null = null;

/** Registers the regular-weight subsets; returns how many files took. Throws when none did (the package is missing). */
export function registerChartFont(): number {
  if (registered !== null) return registered;
  // The package exports its LICENSE (not package.json): its folder holds files/.
  const dir = join(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/LICENSE')), 'files');
  const files = readdirSync(dir).filter((name) => name.endsWith('-400-normal.woff2'));
  let count = 0;
  for (const name of files) if (GlobalFonts.registerFromPath(join(dir, name), CHART_FONT_FAMILY)) count += 1;
  if (count === 0) throw new Error(`no chart font registered from ${dir}`);
  registered = count;
  return count;
}
