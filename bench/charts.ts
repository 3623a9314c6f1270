// `npm run bench -- charts`: time to draw one progress chart as a PNG (chart.js on
// @napi-rs/canvas), for a member's and a channel's 90-day chart, from the weekly series to
// the PNG bytes (the encoding runs on the thread pool, off the event loop). Goal: under
// 60 ms at p95 for a 90-day chart; a miss is printed, not failed (a loaded machine misses).
import { chartAlt } from '../src/charts/alt';
import { renderChart } from '../src/charts/render';
import { type ChartAnswer, weeklySeries } from '../src/charts/series';

const GOAL_P95_MS = 60;
const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 4);

// A busy 90 days: two answers a day from seven members, every part varying.
const answers: ChartAnswer[] = Array.from({ length: 180 }, (_, i) => ({
  at: now - Math.floor(i / 2) * DAY - (i % 2) * 3_600_000,
  userId: `u${i % 7}`,
  flags: {
    situation: i % 2 === 0,
    task: i % 3 === 0,
    action: i % 5 !== 0,
    result: i % 4 !== 0,
    checksPassed: 3 + (i % 4),
    checksTotal: 7,
  },
}));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

for (const kind of ['member', 'channel'] as const) {
  const draw = async () => {
    const series = weeklySeries(kind, `${kind} chart, last 13 weeks`, answers, now);
    chartAlt(series);
    return renderChart(series);
  };
  for (let i = 0; i < 5; i++) await draw(); // warm-up: fonts and chart.js registration
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    bytes = (await draw()).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  console.log(
    `${kind} 90-day chart: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ` +
      `${(bytes / 1024).toFixed(0)} KB PNG (goal p95 < ${GOAL_P95_MS} ms${p95 > GOAL_P95_MS ? ': MISSED' : ''})`,
  );
}
