/* The sales page's charts: Chart.js (vendored beside this file) draws each table's figures from the JSON its
   canvas carries (data-spec). The tables next to the charts hold the exact numbers; a chart is a picture of them. */
(function () {
  "use strict";
  var colours = ["#2f7d55", "#9bb8a8", "#d08c2f", "#3b6ea8", "#a84b3b", "#6d5ba8", "#4a9a9a", "#b0a04a"];
  // Figures on the axes and in the tooltips in the page's language, as its tables write them (1 234,56 $).
  var locale = (document.documentElement.lang || "en") + "-CA";
  var money = new Intl.NumberFormat(locale, {style: "currency", currency: "CAD"});
  var count = new Intl.NumberFormat(locale);
  function draw(canvas) {
    if (canvas.dataset.drawn) { return; }
    canvas.dataset.drawn = "yes";
    var spec = JSON.parse(canvas.dataset.spec);
    var round = spec.type === "doughnut";
    var sets = spec.datasets.map(function (set, n) {
      return {
        label: set.label, data: set.data, borderWidth: round ? 1 : 2, tension: 0.2,
        backgroundColor: round ? colours : colours[n % colours.length],
        borderColor: round ? "#fff" : colours[n % colours.length]
      };
    });
    var isMoney = spec.datasets.length > 0 && spec.datasets[0].money;
    var tick = function (value) { return (isMoney ? money : count).format(value); };
    new Chart(canvas, {
      type: spec.type === "hbar" ? "bar" : spec.type,
      data: {labels: spec.labels, datasets: sets},
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, locale: locale,
        indexAxis: spec.type === "hbar" ? "y" : "x",
        plugins: {
          legend: {display: round || sets.length > 1, position: round ? "right" : "top"},
          tooltip: {callbacks: {label: function (item) {
            return item.dataset.label + ": " + tick(item.raw);
          }}}
        },
        scales: round ? {} : (spec.type === "hbar" ? {x: {ticks: {callback: tick}}}
                                                   : {y: {ticks: {callback: tick}}})
      }
    });
  }
  function drawAll(root) { root.querySelectorAll("canvas[data-chart]").forEach(draw); }
  drawAll(document);
  // A table htmx brought in (the page loads each in its own request) is drawn as it arrives.
  document.body.addEventListener("htmx:load", function (event) { drawAll(event.detail.elt); });
})();
