// How long a digest's chart takes to draw (issue 19, "Speed": a chart PNG < 300 ms): the Wednesday
// problem chart and the 22nd's ranking chart of a county's size, each drawn 20 times after the first
// (which loads ECharts and registers the font, timed apart), p50 and p95. Not part of `npm run bench`:
// `npx tsx bench/chart-png.ts` prints the section of BENCHMARKS.md "Chart PNGs".
import { cpus, loadavg } from 'node:os';
import { buildProblemChartOption } from '../domain/charts/build-problem-chart-option.js';
import { buildRankingChartOption } from '../domain/charts/build-ranking-chart-option.js';
import type { ChartSpec } from '../domain/charts/chart-spec.js';
import { writeFileSync } from 'node:fs';
import { registerChartFont } from '../core/charts/register-chart-font.js';
import { renderChartPng } from '../core/charts/render-chart-png.js';

const RUNS = 20;
const UNITS = 40;
const now = new Date('2026-12-09T01:00:00Z');
const units = Array.from({ length: UNITS }, (_, i) => ({
  id: i + 1,
  name: `${['县发改局', '自然资源局', '住建局', '生态环境分局', '行政审批局'][i % 5]}${i + 1}`,
}));
const problems = Array.from({ length: 300 }, (_, i) => ({ unitId: (i % UNITS) + 1, createdAt: new Date(now.getTime() - (i % 60) * 86_400_000) }));

const charts: [string, ChartSpec][] = [
  ['Wednesday problems, 300 problems over 40 units', buildProblemChartOption({ week: '2026-W50', now, problems, units })],
  [
    'ranking, 40 units',
    buildRankingChartOption({
      month: '2026-11',
      units: units.map((unit, i) => ({ name: unit.name, place: i + 1, service: 10 - i, namedTwice: i >= UNITS - 3 })),
    }),
  ],
];

const ms = (value: number) => `${value.toFixed(0)} ms`;
const loadBefore = loadavg()[0]!;
const rows: string[] = [];
let first = 0;
for (const [name, chart] of charts) {
  const size = { width: chart.width, height: chart.height };
  let started = performance.now();
  const png = await renderChartPng(chart.option, size);
  if (first === 0) first = performance.now() - started;
  if (process.env.CHART_OUT) writeFileSync(`${process.env.CHART_OUT}/${chart.name}`, png);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    started = performance.now();
    const used = process.cpuUsage();
    await renderChartPng(chart.option, size);
    times.push(performance.now() - started);
    const { user, system } = process.cpuUsage(used);
    cpu.push((user + system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  const p95 = times[Math.ceil(RUNS * 0.95) - 1]!;
  rows.push(
    `| ${name} | ${chart.width}×${chart.height} | ${(png.length / 1024).toFixed(0)} KB | ${ms(times[RUNS / 2 - 1]!)} | ${ms(p95)} | ${ms(cpu[RUNS / 2 - 1]!)} | ${p95 < 300 ? 'met' : `missed by ${ms(p95 - 300)}`} |`,
  );
}
console.log(
  [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npx tsx bench/chart-png.ts\` on ${cpus().length} cores, load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}.`,
    `The first chart of a process took ${ms(first)}: loading ECharts and registering the font's ${registerChartFont()} files (core/charts/).`,
    '',
    '| chart | size | PNG | p50 of 20 | p95 of 20 | CPU p50 | target p95 < 300 ms |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n'),
);
