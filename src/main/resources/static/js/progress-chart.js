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
  const axisMax = Math.ceil((Math.max(required, ...cumulative) * 1.1) / 50) * 50;
  const narrow = el.clientWidth < 500;
  const labels = narrow ? 3 : 8;
  const chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    grid: narrow ? { left: 28, right: 44, top: 40, bottom: 32 } : { left: 48, right: 48, top: 56, bottom: 40 },
    legend: { top: 0, itemGap: 32, data: [el.dataset.labelMonth, el.dataset.labelTotal] },
    tooltip: { trigger: 'axis' },
    // at most about eight month labels, so that they never run into each other on a phone
    xAxis: { type: 'category', data: months, axisLabel: { interval: Math.max(0, Math.ceil(months.length / labels) - 1) } },
    yAxis: [
      // on a phone the legend names the axes: their own names would run into it
      { type: 'value', name: narrow ? '' : el.dataset.labelMonth, minInterval: 1 },
      // the total's axis goes a little beyond the requirement, so that its line is not drawn on the frame
      { type: 'value', name: narrow ? '' : el.dataset.labelTotal, max: axisMax, splitLine: { show: false } },
    ],
    series: [
      { name: el.dataset.labelMonth, type: 'bar', data: hours, itemStyle: { color: '#5b8def' } },
      {
        name: el.dataset.labelTotal, type: 'line', yAxisIndex: 1, data: cumulative, smooth: false, symbolSize: 6,
        itemStyle: { color: '#2e9d5b' },
        markLine: {
          symbol: 'none', lineStyle: { type: 'dashed', color: '#d9534f' },
          label: { position: 'insideEndTop', formatter: el.dataset.labelRequired + ' ' + required },
          data: [{ yAxis: required }],
        },
      },
    ],
  });
  window.addEventListener('resize', () => chart.resize());
});
