// 总览's chart: projects by stage (bars) and by light (a ring), from the page's JSON block.
(function () {
  var element = document.getElementById('overview-chart');
  var data = document.getElementById('page-data');
  if (!element || !data || !window.echarts) return;
  var figures = JSON.parse(data.textContent);
  var chart = window.echarts.init(element);
  chart.setOption({
    animation: false,
    color: ['#1456f0'],
    tooltip: {},
    grid: { left: 36, right: '42%', top: 30, bottom: 28 },
    title: [
      { text: '项目阶段', left: 8, top: 4, textStyle: { fontSize: 13 } },
      { text: '红黄绿灯', left: '62%', top: 4, textStyle: { fontSize: 13 } },
    ],
    xAxis: {
      type: 'category',
      data: figures.stages.map(function (s) {
        return s.name;
      }),
      axisLabel: { fontSize: 11, interval: 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: figures.stages.map(function (s) {
          return s.value;
        }),
        barMaxWidth: 28,
      },
      {
        type: 'pie',
        radius: ['28%', '48%'],
        center: ['78%', '58%'],
        label: { formatter: '{b} {c}', fontSize: 11 },
        data: figures.lights.map(function (l, i) {
          return { name: l.name, value: l.value, itemStyle: { color: ['#d83931', '#f5b400', '#2ea121'][i] } };
        }),
      },
    ],
  });
  window.addEventListener('resize', function () {
    chart.resize();
  });
})();
