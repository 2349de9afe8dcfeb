// 管考儀表板: draws the KPI charts with Chart.js from the JSON block #cockpit-charts (the CSP allows no inline script).
// Every chart has a table with the same numbers beside it; without Chart.js the tables remain.
(function () {
    'use strict';
    var block = document.getElementById('cockpit-charts');
    if (!block || typeof window.Chart === 'undefined') {
        return;
    }
    var charts = JSON.parse(block.textContent || '[]');
    var colours = ['#1f6fb2', '#c77c0e'];
    charts.forEach(function (chart) {
        var canvas = document.querySelector('canvas[data-chart="' + chart.id + '"]');
        if (!canvas) {
            return;
        }
        var instance = new window.Chart(canvas, {
            type: 'bar',
            data: {
                labels: chart.labels,
                datasets: chart.datasets.map(function (dataset, index) {
                    return { label: dataset.label, data: dataset.data, backgroundColor: colours[index % colours.length] };
                })
            },
            options: {
                indexAxis: 'y',
                maintainAspectRatio: false,
                animation: false,
                plugins: { legend: { position: 'bottom' } },
                scales: { x: { beginAtZero: true } }
            }
        });
        canvas.setAttribute('data-chart-drawn', instance.data.labels.length.toString());
    });
}());
