// The 22nd's ranking as a chart: each ranked unit's 办事 score this month, in the order of its place
// (the place is the sum of four places, build-ranking.ts), the units named for the bottom three twice
// in red (003 二(四)). The same chart for every reader of the ranking. Plain data in, an ECharts option out.
import { CHART_COLOURS, heightForRows, type ChartSpec } from './chart-spec.js';

export interface RankingChartInput {
  /** `2026-11` */
  month: string;
  /** In place order. */
  units: readonly { name: string; place: number; service: number; namedTwice: boolean }[];
}

/** Bars shown: a county ranks a few dozen units; beyond this the text lists them. */
const MAX_UNITS = 60;

export function buildRankingChartOption({ month, units }: RankingChartInput): ChartSpec {
  const shown = units.slice(0, MAX_UNITS);
  return {
    name: `${month} 单位排名.png`,
    width: 800,
    height: heightForRows(shown.length),
    option: {
      backgroundColor: '#ffffff',
      title: {
        text: `${month} 单位排名`,
        subtext: shown.length === 0 ? '本月没有可排名的单位' : '按名次排列；条长为办事得分，红色为连续两次排名后三名',
        left: 'center',
      },
      grid: { left: 16, right: 48, top: 72, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'value', minInterval: 1, name: '办事' },
      yAxis: { type: 'category', inverse: true, data: shown.map((unit) => `${unit.place}. ${unit.name}`) },
      series: [
        {
          type: 'bar',
          name: '办事',
          label: { show: true, position: 'right' },
          data: shown.map((unit) => ({ value: unit.service, itemStyle: { color: unit.namedTwice ? CHART_COLOURS.red : CHART_COLOURS.blue } })),
        },
      ],
    },
  };
}
