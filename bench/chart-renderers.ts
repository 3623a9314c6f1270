// Side-by-side measurement of the two chart renderers considered for src/charts:
// chart.js drawing on @napi-rs/canvas, and ECharts' server-side SVG rasterised by
// @resvg/resvg-js. Same 90-day series, same size, same run. Kept in history only:
// the loser is uninstalled once the figures are in docs/performance.md.
import { Resvg } from '@resvg/resvg-js';
import { createCanvas } from '@napi-rs/canvas';
import { Chart, registerables } from 'chart.js';
import * as echarts from 'echarts';
import { PNG } from 'pngjs';
import { type ChartAnswer, weeklySeries } from '../src/charts/series';

// resvg would read every system font per render; one font file is the fair setup.
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const W = 800;
const H = 400;
const now = Date.UTC(2026, 11, 4);
const answers: ChartAnswer[] = Array.from({ length: 90 }, (_, i) => ({
  at: now - i * 86_400_000,
  userId: `u${i % 7}`,
  flags: {
    situation: i % 2 === 0,
    task: i % 3 === 0,
    action: true,
    result: i % 4 !== 0,
    checksPassed: 3 + (i % 4),
    checksTotal: 7,
  },
}));
const series = weeklySeries('member', 'Ada: STAR checks over 90 days', answers, now);
const labels = series.weeks.map((w) => new Date(w.start).toISOString().slice(5, 10));
const pct = (v: number | null) => (v === null ? null : Math.round(v * 100));

Chart.register(...registerables);
function chartjs(): Buffer {
  const canvas = createCanvas(W, H);
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { type: 'bar', label: 'Answers', data: series.weeks.map((w) => w.answers), yAxisID: 'n' },
        { type: 'line', label: 'All checks', data: series.weeks.map((w) => pct(w.checks)), yAxisID: 'p' },
        ...(['situation', 'task', 'action', 'result'] as const).map((p) => ({
          type: 'line' as const,
          label: p,
          data: series.weeks.map((w) => pct(w.parts[p])),
          yAxisID: 'p',
        })),
      ],
    },
    options: {
      animation: false,
      responsive: false,
      plugins: { title: { display: true, text: series.title } },
      scales: { p: { min: 0, max: 100, position: 'left' }, n: { position: 'right', beginAtZero: true } },
    },
    plugins: [
      {
        id: 'bg',
        beforeDraw: (c) => {
          c.ctx.fillStyle = '#ffffff';
          c.ctx.fillRect(0, 0, W, H);
        },
      },
    ],
  });
  const png = canvas.toBuffer('image/png');
  chart.destroy();
  return png;
}

function echartsResvg(): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: W, height: H });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    title: { text: series.title },
    legend: { bottom: 0 },
    xAxis: { type: 'category', data: labels },
    yAxis: [
      { type: 'value', min: 0, max: 100 },
      { type: 'value', position: 'right' },
    ],
    series: [
      { type: 'bar', name: 'Answers', yAxisIndex: 1, data: series.weeks.map((w) => w.answers) },
      { type: 'line', name: 'All checks', data: series.weeks.map((w) => pct(w.checks)) },
      ...(['situation', 'task', 'action', 'result'] as const).map((p) => ({
        type: 'line',
        name: p,
        data: series.weeks.map((w) => pct(w.parts[p])),
      })),
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [FONT], defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
}

function measure(name: string, render: () => Buffer, runs = 60): void {
  render();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    bytes = render().length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const png = PNG.sync.read(render());
  const p = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
  console.log(`${name}: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, ${png.width}x${png.height}, ${bytes} bytes`);
}

measure('chart.js + @napi-rs/canvas', chartjs);
measure('ECharts SVG + @resvg/resvg-js', echartsResvg);
