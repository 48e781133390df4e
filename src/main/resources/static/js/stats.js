// Draws the statistics charts from their data-chart attribute (JSON written by the server) with ECharts.
// No inline script or style: the page's Content-Security-Policy allows only scripts and styles from the site, so
// tooltips are drawn in the canvas (renderMode 'richText'), not as HTML with style attributes.
// A click on a bar, slice or point opens the list behind it (the address is in the series' links).
(function () {
  'use strict';

  function option(spec, width) {
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
          label: { formatter: '{c}' } }]
      };
    }
    var values = {
      type: 'value', max: spec.percent ? 100 : null,
      axisLabel: { formatter: spec.percent ? '{value}%' : '{value}' }
    };
    var series = spec.series.map(function (s) {
      return { name: s.name, type: 'bar', stack: spec.kind === 'stacked' ? 'all' : null,
        data: s.data.map(function (v) { return v === null ? 0 : Number(v); }) };
    });
    if (horizontal(spec)) {
      // many groups (a college's classes): one row each, so every name stays readable
      return {
        tooltip: tooltip,
        legend: { top: 0, type: 'scroll' },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        yAxis: { type: 'category', inverse: true, data: spec.categories,
          axisLabel: { width: width < 500 ? 110 : 200, overflow: 'truncate' } },
        xAxis: values,
        series: series
      };
    }
    return {
      tooltip: tooltip,
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: spec.categories,
        axisLabel: { interval: 0, width: 90, overflow: 'truncate',
          rotate: spec.categories.length > 6 || (width < 500 && spec.categories.length > 3) ? 40 : 0 } },
      yAxis: values,
      series: series
    };
  }

  function horizontal(spec) {
    return spec.kind === 'bar' && spec.categories.length > 8;
  }

  function draw(el) {
    var spec = JSON.parse(el.getAttribute('data-chart'));
    if (!spec.categories || spec.categories.length === 0) {
      el.classList.add('stats-chart-empty');
      return;
    }
    if (horizontal(spec)) {
      // CSSOM, not a style attribute: allowed by the Content-Security-Policy
      el.style.height = Math.max(300, 48 + spec.categories.length * spec.series.length * 14) + 'px';
    }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(option(spec, el.clientWidth));
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
