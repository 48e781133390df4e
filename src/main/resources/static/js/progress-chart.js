// The "my work-study" chart: hours per month (bars) and the running total toward the requirement (line), from the
// data-* attributes of #progress-chart. No inline scripts: the Content-Security-Policy allows only this site's files.
document.addEventListener('DOMContentLoaded', () => {
  const el = document.getElementById('progress-chart');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  const list = (name) => (el.dataset[name] || '').split(',').filter((s) => s !== '');
  const months = list('months');
  const hours = list('hours').map(Number);
  const cumulative = list('cumulative').map(Number);
  const required = Number(el.dataset.required || 360);
  const chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    grid: { left: 48, right: 48, top: 40, bottom: 40 },
    legend: { top: 0, data: [el.dataset.labelMonth, el.dataset.labelTotal] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months, axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', name: el.dataset.labelMonth, minInterval: 1 },
      { type: 'value', name: el.dataset.labelTotal, max: Math.max(required, ...cumulative), splitLine: { show: false } },
    ],
    series: [
      { name: el.dataset.labelMonth, type: 'bar', data: hours, itemStyle: { color: '#5b8def' } },
      {
        name: el.dataset.labelTotal, type: 'line', yAxisIndex: 1, data: cumulative, smooth: false, symbolSize: 6,
        itemStyle: { color: '#2e9d5b' },
        markLine: {
          symbol: 'none', lineStyle: { type: 'dashed', color: '#d9534f' },
          label: { formatter: el.dataset.labelRequired + ' ' + required },
          data: [{ yAxis: required }],
        },
      },
    ],
  });
  window.addEventListener('resize', () => chart.resize());
});
