// A chart drawn on the server (core/charts/render-chart-png.ts) is a real PNG of the size asked, and its
// Chinese labels come out as glyphs: the drawn label matches a reference image (test/fixtures/charts,
// drawn once with label-chart.ts and looked at), and the same label in a family without Chinese glyphs
// (boxes instead of characters) does not, so a missing font fails here rather than in a leader's chat.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderChartPng } from '../../../core/charts/render-chart-png.js';
import { buildRankingChartOption } from '../../../domain/charts/build-ranking-chart-option.js';
import { decodePng, differingShare } from './compare-png.js';
import { LABEL_SIZE, labelChart } from './label-chart.js';

const reference = readFileSync(new URL('../../fixtures/charts/label-reference.png', import.meta.url));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Share of pixels allowed to differ from the reference (anti-aliasing of another Skia build). */
const TOLERANCE = 0.01;

it('draws a PNG that decodes to the size of the chart', { timeout: 60_000 }, async () => {
  const chart = buildRankingChartOption({
    month: '2026-11',
    units: [
      { name: '县发改局', place: 1, service: 3, namedTwice: false },
      { name: '自然资源局', place: 2, service: -2, namedTwice: true },
    ],
  });
  const png = await renderChartPng(chart.option, { width: chart.width, height: chart.height });
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  const image = await decodePng(png);
  expect({ width: image.width, height: image.height }).toEqual({ width: 800, height: 360 });
  // Not blank: the bars and labels put colour on the white background.
  expect(image.data.some((value, i) => i % 4 !== 3 && value < 200)).toBe(true);
});

it('draws the Chinese label as glyphs, matching the reference within the tolerance', { timeout: 60_000 }, async () => {
  expect(await differingShare(await renderChartPng(labelChart, LABEL_SIZE), reference)).toBeLessThan(TOLERANCE);
});

it('tells a label drawn without the Chinese font from the reference', { timeout: 60_000 }, async () => {
  const withoutFont = await renderChartPng(labelChart, LABEL_SIZE, 'DejaVu Sans');
  expect(await differingShare(withoutFont, reference)).toBeGreaterThan(TOLERANCE * 3);
});
