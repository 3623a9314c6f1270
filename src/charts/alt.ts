// The words beside a chart: its alt text, so a screen reader or a text-only client
// gets the same figures the picture shows.
import { CHART_PARTS, type ChartSeries } from './series';

const pct = (v: number) => `${Math.round(v * 100)}%`;

function firstAndLast<T>(items: T[]): [T, T] | undefined {
  const first = items[0];
  const last = items.at(-1);
  return first === undefined || last === undefined ? undefined : [first, last];
}

/** One paragraph: what the chart is, its totals, and how the STAR figures moved. */
export function chartAlt(series: ChartSeries): string {
  const weeks = series.weeks;
  const answers = weeks.reduce((n, w) => n + w.answers, 0);
  const active = weeks.filter((w) => w.answers > 0).length;
  const busiest = weeks.reduce((a, b) => (b.answers > a.answers ? b : a));
  const parts = [
    `${series.title}. Bar chart of answers per week over the last ${weeks.length} weeks: ${answers} in all, in ${active} of ${weeks.length} weeks, at most ${busiest.answers} in one week.`,
  ];
  if (series.kind === 'channel') {
    const most = Math.max(...weeks.map((w) => w.members));
    parts.push(`A line shows members who answered each week: at most ${most}.`);
    return parts.join(' ');
  }
  const scored = weeks.filter((w) => w.checks !== null);
  const ends = firstAndLast(scored);
  if (!ends) return parts.join(' ');
  const [first, last] = ends;
  const lastParts = CHART_PARTS.map((p) => `${p} ${pct(last.parts[p] ?? 0)}`).join(', ');
  parts.push(
    `Lines show the share of STAR checks passed: ${pct(first.checks ?? 0)} in the first week with a story answer, ${pct(last.checks ?? 0)} in the latest (${lastParts}).`,
  );
  return parts.join(' ');
}
