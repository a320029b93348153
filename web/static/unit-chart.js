// 单位 page: the unit's place in each monthly ranking (a line, 1 at the top) and its 办事 score (bars),
// drawn with ECharts (served by the bot) from the page's JSON (web/pages/page-data.ts).
(function () {
  var data = JSON.parse(document.getElementById('page-data').textContent);
  var box = document.getElementById('unit-chart');
  if (!box || !window.echarts) return;
  // Set here, not in the markup: the CSP allows no inline style attribute either.
  box.style.height = '280px';
  var chart = window.echarts.init(box);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: ['名次', '办事'] },
    grid: { left: 40, right: 40, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: data.months },
    yAxis: [
      { type: 'value', name: '名次', inverse: true, min: 1, max: Math.max(data.ranked, 1), minInterval: 1 },
      { type: 'value', name: '办事', position: 'right' },
    ],
    series: [
      { name: '名次', type: 'line', data: data.places, connectNulls: false },
      { name: '办事', type: 'bar', yAxisIndex: 1, data: data.service },
    ],
  });
  window.addEventListener('resize', function () {
    chart.resize();
  });
})();
