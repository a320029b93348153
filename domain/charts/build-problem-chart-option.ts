// The Wednesday digest's chart: problems still open, per 责任单位, each bar split by how long the
// problem has waited (本周新 / 1–4 周 / 4 周以上), so 重点项目办 and the leaders see at a glance where
// problems pile up and which have waited longest (003 一(三)5(1); issue 19 item 4). The same chart for
// every reader of the digest: the whole county's picture, which every Wednesday reader may see
// (docs/domain.md "Who sees what"). Plain data in, an ECharts option out.
import { CHART_COLOURS, heightForRows, type ChartSpec } from './chart-spec.js';

export interface ProblemChartInput {
  /** The ISO week of the digest, e.g. `2026-W49`. */
  week: string;
  now: Date;
  problems: readonly { unitId: number | null; createdAt: Date }[];
  units: readonly { id: number; name: string }[];
}

const DAY_MS = 86_400_000;
/** Bars shown; the rest are summed into one 其他单位 bar. */
const MAX_UNITS = 20;
const AGES = [
  { name: '本周新', maxDays: 7, colour: CHART_COLOURS.blue },
  { name: '1–4 周', maxDays: 28, colour: CHART_COLOURS.amber },
  { name: '4 周以上', maxDays: Infinity, colour: CHART_COLOURS.red },
] as const;

export function buildProblemChartOption({ week, now, problems, units }: ProblemChartInput): ChartSpec {
  const names = new Map(units.map((unit) => [unit.id, unit.name]));
  const counts = new Map<string, number[]>();
  for (const problem of problems) {
    const unit = (problem.unitId !== null && names.get(problem.unitId)) || '未定单位';
    const days = (now.getTime() - problem.createdAt.getTime()) / DAY_MS;
    const row = counts.get(unit) ?? AGES.map(() => 0);
    row[AGES.findIndex((age) => days < age.maxDays)]! += 1;
    counts.set(unit, row);
  }
  const total = (row: number[]) => row.reduce((sum, count) => sum + count, 0);
  let rows = [...counts].sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0], 'zh'));
  if (rows.length > MAX_UNITS) {
    const rest = rows.slice(MAX_UNITS - 1).reduce(
      (sum, [, row]) => sum.map((count, i) => count + row[i]!),
      AGES.map(() => 0),
    );
    rows = [...rows.slice(0, MAX_UNITS - 1), ['其他单位', rest]];
  }
  return {
    name: `本周问题 ${week}.png`,
    width: 800,
    height: heightForRows(rows.length),
    option: {
      backgroundColor: '#ffffff',
      title: {
        text: `未解决问题 ${problems.length} 个 · ${week}`,
        subtext: rows.length === 0 ? '本周没有未解决的问题' : '按责任单位，按已等待时长',
        left: 'center',
      },
      legend: { top: 62, data: AGES.map((age) => age.name) },
      grid: { left: 16, right: 40, top: 96, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'value', minInterval: 1 },
      // The unit with most problems at the top.
      yAxis: { type: 'category', inverse: true, data: rows.map(([unit]) => unit) },
      series: AGES.map((age, i) => ({
        type: 'bar' as const,
        name: age.name,
        stack: 'age',
        itemStyle: { color: age.colour },
        label: { show: true, formatter: ({ value }: { value: unknown }) => (value ? String(value) : '') },
        data: rows.map(([, row]) => row[i]!),
      })),
    },
  };
}
