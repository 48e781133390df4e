// Draws the statistics charts from their data-chart attribute (JSON written by the server) with ECharts.
// No inline script or style: the page's Content-Security-Policy allows only scripts and styles from the site, so
// tooltips are drawn in the canvas (renderMode 'richText'), not as HTML with style attributes.
// A click on a bar, slice or point opens the list behind it (the address is in the series' links).
(function () {
  'use strict';

  function option(spec) {
    var pie = spec.kind === 'pie';
    var tooltip = { renderMode: 'richText', trigger: pie ? 'item' : 'axis' };
    if (pie) {
      var data = spec.categories.map(function (name, i) {
        return { name: name, value: Number(spec.series[0].data[i]) };
      });
      return {
        tooltip: tooltip,
        legend: { bottom: 0, type: 'scroll' },
        series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data: data,
          label: { formatter: '{b}: {c}' } }]
      };
    }
    return {
      tooltip: tooltip,
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: spec.categories,
        axisLabel: { interval: 0, rotate: spec.categories.length > 6 ? 40 : 0, width: 90, overflow: 'truncate' } },
      yAxis: { type: 'value', max: spec.percent ? 100 : null,
        axisLabel: { formatter: spec.percent ? '{value}%' : '{value}' } },
      series: spec.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: spec.kind === 'stacked' ? 'all' : null,
          data: s.data.map(function (v) { return v === null ? 0 : Number(v); }) };
      })
    };
  }

  function draw(el) {
    var spec = JSON.parse(el.getAttribute('data-chart'));
    if (!spec.categories || spec.categories.length === 0) {
      el.classList.add('stats-chart-empty');
      return;
    }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(option(spec));
    chart.on('click', function (p) {
      var series = spec.series[spec.kind === 'pie' ? 0 : p.seriesIndex];
      var link = series && series.links ? series.links[p.dataIndex] : null;
      if (link) {
        window.location.href = link;
      }
    });
    window.addEventListener('resize', function () { chart.resize(); });
    el.setAttribute('data-drawn', 'true');
  }

  function start() {
    document.querySelectorAll('[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
