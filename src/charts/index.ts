// Progress charts: a member's STAR checks and answers per week, a channel's
// participation. Each is a PNG with its text alternative, ready for any adapter.
import type { Kysely } from 'kysely';
import type { ChartImage } from '../chat/types';
import type { Database } from '../db/schema';
import { chartAlt } from './alt';
import { renderChart } from './render';
import { CHART_DAYS, type ChartSeries, hasData, weeklySeries } from './series';
import { channelChartAnswers, memberChartAnswers } from './store';

const DAY_MS = 86_400_000;

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'chart'
  );
}

/** The PNG and its alt text for a series; undefined when there is nothing to draw. */
async function chartImage(series: ChartSeries, name: string): Promise<ChartImage | undefined> {
  if (!hasData(series)) return undefined;
  return { name: `${slug(name)}.png`, png: await renderChart(series), alt: chartAlt(series), title: series.title };
}

export async function memberChart(
  db: Kysely<Database>,
  o: { workspace: string; userId: string; name: string; now: number },
): Promise<ChartImage | undefined> {
  const answers = await memberChartAnswers(db, o.workspace, o.userId, o.now - CHART_DAYS * DAY_MS);
  const series = weeklySeries('member', `${o.name}: STAR checks and answers, last 13 weeks`, answers, o.now);
  return chartImage(series, `progress-${o.name}`);
}

export async function channelChart(
  db: Kysely<Database>,
  o: { channelRef: string; channelName: string; now: number },
): Promise<ChartImage | undefined> {
  const answers = await channelChartAnswers(db, o.channelRef, o.now - CHART_DAYS * DAY_MS);
  const series = weeklySeries('channel', `${o.channelName}: participation, last 13 weeks`, answers, o.now);
  return chartImage(series, `participation-${o.channelName}`);
}
