// A weekly series drawn as a PNG: chart.js on @napi-rs/canvas (measured against
// ECharts + resvg and faster; see docs/performance.md). The image sits on its own
// opaque light card with dark text, so it reads the same in light and dark themes.
import { createCanvas, PngFilter } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, registerables } from 'chart.js';
import { CHART_PARTS, type ChartSeries } from './series';

const CHART_WIDTH = 800;
const CHART_HEIGHT = 400;
const BACKGROUND = '#ffffff';
const INK = '#1f2328';
const GRID = '#d0d7de';
/** Colour-blind-safe (Okabe-Ito) hues, dark enough on white. */
const PART_COLOURS = { situation: '#0072b2', task: '#d55e00', action: '#009e73', result: '#cc79a7' } as const;
const BAR = 'rgba(110, 119, 129, 0.35)';
const ALL = '#1f2328';

let registered = false;

/** One formatter for every label: building one per call costs more than the drawing of a bar. */
const WEEK_LABEL = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

function weekLabel(start: number): string {
  return WEEK_LABEL.format(new Date(start));
}

const pct = (v: number | null): number | null => (v === null ? null : Math.round(v * 100));

function datasets(series: ChartSeries): ChartConfiguration['data']['datasets'] {
  const weeks = series.weeks;
  const bars = {
    type: 'bar' as const,
    label: series.kind === 'member' ? 'Answers per week' : 'Answers',
    data: weeks.map((w) => w.answers),
    backgroundColor: BAR,
    yAxisID: 'count',
    order: 9,
  };
  if (series.kind === 'channel') {
    return [
      bars,
      {
        type: 'line' as const,
        label: 'Members who answered',
        data: weeks.map((w) => w.members),
        borderColor: PART_COLOURS.situation,
        backgroundColor: PART_COLOURS.situation,
        borderWidth: 3,
        yAxisID: 'count',
      },
    ];
  }
  const line = (label: string, data: (number | null)[], colour: string, width: number) => ({
    type: 'line' as const,
    label,
    data,
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: width,
    pointRadius: 3,
    spanGaps: true,
    yAxisID: 'share',
  });
  return [
    bars,
    line(
      'All checks',
      weeks.map((w) => pct(w.checks)),
      ALL,
      4,
    ),
    ...CHART_PARTS.map((p) =>
      line(
        p[0]?.toUpperCase() + p.slice(1),
        weeks.map((w) => pct(w.parts[p])),
        PART_COLOURS[p],
        2,
      ),
    ),
  ];
}

function scales(series: ChartSeries): NonNullable<ChartConfiguration['options']>['scales'] {
  const axis = (text: string) => ({
    title: { display: true, text, color: INK },
    ticks: { color: INK, precision: 0 },
    grid: { color: GRID },
  });
  const x = { ...axis('Week starting'), grid: { display: false } };
  const count = {
    ...axis(series.kind === 'member' ? 'Answers' : 'Answers and members'),
    beginAtZero: true,
    position: series.kind === 'member' ? ('right' as const) : ('left' as const),
    grid: { display: series.kind === 'channel', color: GRID },
  };
  if (series.kind === 'channel') return { x, count };
  return { x, share: { ...axis('STAR checks passed (%)'), min: 0, max: 100, position: 'left' as const }, count };
}

/**
 * The chart as PNG bytes: the same series gives the same image. The drawing is quick;
 * the PNG encoding, the larger part, runs off the event loop (libuv's thread pool).
 * Row filtering is off: on a chart's flat fills and thin lines libpng's adaptive filters
 * cost about 25 ms of the encode and made the file larger, not smaller (bench/charts.ts).
 */
export async function renderChart(series: ChartSeries): Promise<Buffer> {
  if (!registered) {
    Chart.register(...registerables);
    registered = true;
  }
  const canvas = createCanvas(CHART_WIDTH, CHART_HEIGHT);
  const config: ChartConfiguration = {
    type: 'bar',
    data: { labels: series.weeks.map((w) => weekLabel(w.start)), datasets: datasets(series) },
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      color: INK,
      font: { family: 'DejaVu Sans, Arial, sans-serif', size: 13 },
      plugins: {
        title: { display: true, text: series.title, color: INK, font: { size: 18, weight: 'bold' } },
        legend: { position: 'bottom', labels: { color: INK, boxWidth: 14 } },
      },
      scales: scales(series),
    },
    plugins: [
      {
        id: 'card',
        beforeDraw: (c) => {
          c.ctx.save();
          c.ctx.fillStyle = BACKGROUND;
          c.ctx.fillRect(0, 0, c.width, c.height);
          c.ctx.restore();
        },
      },
    ],
  };
  // chart.js takes any canvas-like object; @napi-rs/canvas provides the 2D context it draws on.
  const chart = new Chart(canvas as unknown as ConstructorParameters<typeof Chart>[0], config);
  try {
    return await canvas.encode('png', { filters: PngFilter.None });
  } finally {
    chart.destroy(); // destroying clears the canvas: only once the PNG is made
  }
}
