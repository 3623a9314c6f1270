// The figures a progress chart shows, from plain answer records: one point per week
// over the last 90 days. Pure, so the same series feeds every platform and the tests.

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** How far back a chart looks: thirteen weeks, about a quarter. */
export const CHART_DAYS = 91;

/** The STAR parts a chart draws one line for. */
export const CHART_PARTS = ['situation', 'task', 'action', 'result'] as const;
type ChartPart = (typeof CHART_PARTS)[number];

/** One answer as a chart sees it. `flags` is absent for answers not in the STAR figures. */
export interface ChartAnswer {
  at: number;
  userId?: string;
  flags?: Record<ChartPart, boolean> & { checksPassed: number; checksTotal: number };
}

interface ChartWeek {
  /** Start of the week (epoch ms, UTC). */
  start: number;
  answers: number;
  /** Distinct members who answered (channel charts). */
  members: number;
  /** Share of scored answers with each part, 0..1; null when the week has none. */
  parts: Record<ChartPart, number | null>;
  /** Share of all STAR checks passed, 0..1; null when the week has no scored answer. */
  checks: number | null;
}

export interface ChartSeries {
  kind: 'member' | 'channel';
  title: string;
  weeks: ChartWeek[];
}

function emptyWeek(start: number): ChartWeek & { scored: number; passed: number; total: number; who: Set<string> } {
  return {
    start,
    answers: 0,
    members: 0,
    parts: { situation: null, task: null, action: null, result: null },
    checks: null,
    scored: 0,
    passed: 0,
    total: 0,
    who: new Set(),
  };
}

/** Weekly points for the `CHART_DAYS` before `now`, oldest first. */
export function weeklySeries(
  kind: ChartSeries['kind'],
  title: string,
  answers: readonly ChartAnswer[],
  now: number,
): ChartSeries {
  const weekCount = Math.ceil(CHART_DAYS / 7);
  // the latest week ends with `now` itself: an answer given this moment is in it
  const first = now + 1 - weekCount * WEEK_MS;
  const weeks = Array.from({ length: weekCount }, (_, i) => emptyWeek(first + i * WEEK_MS));
  const partCounts = weeks.map(() => ({ situation: 0, task: 0, action: 0, result: 0 }));
  for (const a of answers) {
    const i = Math.floor((a.at - first) / WEEK_MS);
    const w = weeks[i];
    const counts = partCounts[i];
    if (!w || !counts) continue;
    w.answers += 1;
    if (a.userId) w.who.add(a.userId);
    if (!a.flags || a.flags.checksTotal === 0) continue;
    w.scored += 1;
    w.passed += a.flags.checksPassed;
    w.total += a.flags.checksTotal;
    for (const p of CHART_PARTS) if (a.flags[p]) counts[p] += 1;
  }
  return {
    kind,
    title,
    weeks: weeks.map((w, i) => ({
      start: w.start,
      answers: w.answers,
      members: w.who.size,
      parts: Object.fromEntries(
        CHART_PARTS.map((p) => [p, w.scored ? (partCounts[i]?.[p] ?? 0) / w.scored : null]),
      ) as ChartWeek['parts'],
      checks: w.total ? w.passed / w.total : null,
    })),
  };
}

/** Whether there is anything to draw: a chart of thirteen empty weeks says nothing. */
export function hasData(series: ChartSeries): boolean {
  return series.weeks.some((w) => w.answers > 0);
}
