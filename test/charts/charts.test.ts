// Progress charts from plain data: the weekly figures, the words beside the picture,
// the PNG itself, and where the core attaches them (/prep me, the week's first digest).
import { afterEach, describe, expect, it } from 'vitest';
import { chartAlt } from '../../src/charts/alt';
import { renderChart } from '../../src/charts/render';
import { type ChartAnswer, weeklySeries } from '../../src/charts/series';
import { weekStart } from '../../src/practice/digest';
import { ada, bob, COMPLETE_1, type Harness, harness, lastPrivate, NO_RESULT, questions } from '../practice/helpers';
import { decodePng } from './png';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 4, 12);

const story = (
  at: number,
  parts: Partial<Record<'situation' | 'task' | 'action' | 'result', boolean>>,
  userId = 'u1',
) => ({
  at,
  userId,
  flags: {
    situation: false,
    task: false,
    action: false,
    result: false,
    ...parts,
    checksPassed: Object.values(parts).filter(Boolean).length,
    checksTotal: 4,
  },
});

describe('weekly series', () => {
  it('puts an answer given this moment in the latest week and drops answers older than the window', () => {
    const s = weeklySeries(
      'member',
      'Ada',
      [story(NOW, { action: true }), story(NOW - 120 * DAY, { task: true })],
      NOW,
    );
    expect(s.weeks).toHaveLength(13);
    expect(s.weeks.at(-1)?.answers).toBe(1);
    expect(s.weeks.reduce((n, w) => n + w.answers, 0)).toBe(1);
  });

  it('gives each part its share of the week’s story answers, and no figure for a week without one', () => {
    const answers: ChartAnswer[] = [
      story(NOW - DAY, { situation: true, action: true }),
      story(NOW - 2 * DAY, { action: true, result: true }),
      { at: NOW - 3 * DAY }, // an approach question: counted, not scored
    ];
    const s = weeklySeries('member', 'Ada', answers, NOW);
    const last = s.weeks.at(-1);
    expect(last?.answers).toBe(3);
    expect(last?.parts).toEqual({ situation: 0.5, task: 0, action: 1, result: 0.5 });
    expect(last?.checks).toBe(0.5);
    expect(s.weeks[0]?.checks).toBeNull();
  });

  it('counts distinct members per week for a channel', () => {
    const s = weeklySeries(
      'channel',
      '#prep',
      [story(NOW, {}, 'a'), story(NOW - DAY, {}, 'a'), story(NOW, {}, 'b')],
      NOW,
    );
    expect(s.weeks.at(-1)).toMatchObject({ answers: 3, members: 2 });
  });
});

describe('the text beside the chart', () => {
  it('says what the bars and lines show, with the figures', () => {
    const s = weeklySeries(
      'member',
      'Ada: STAR checks',
      [
        story(NOW - 40 * DAY, { action: true }),
        story(NOW, { situation: true, task: true, action: true, result: true }),
      ],
      NOW,
    );
    const alt = chartAlt(s);
    expect(alt).toContain('Ada: STAR checks');
    expect(alt).toContain('2 in all');
    expect(alt).toContain('25% in the first week with a story answer, 100% in the latest');
  });
});

describe('the PNG', () => {
  it('is 800 by 400, opaque (readable on dark and light themes) and drawn, for a member and a channel', async () => {
    const answers = Array.from({ length: 40 }, (_, i) =>
      story(NOW - i * 2 * DAY, { action: true, result: i % 2 === 0 }, `u${i % 3}`),
    );
    for (const kind of ['member', 'channel'] as const) {
      const bytes = await renderChart(weeklySeries(kind, 'A title', answers, NOW));
      const png = decodePng(bytes);
      expect(png).toMatchObject({ width: 800, height: 400, opaque: true });
      expect(png.colours).toBeGreaterThan(8);
      expect(png.inked).toBeGreaterThan(0.001);
    }
  });
});

describe('where the core attaches charts', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('/prep me carries the member’s chart once they have answered, with alt text; not before', async () => {
    h = await harness();
    await h.command(ada, 'me');
    expect(lastPrivate(h.adapter, ada.id)?.image).toBeUndefined();
    await h.command(ada, 'question', 'acme');
    const q = questions(h.adapter, h.channel).at(-1);
    await h.say(ada, q?.ref ?? '', COMPLETE_1);
    await h.command(ada, 'me');
    const image = lastPrivate(h.adapter, ada.id)?.image;
    expect(image?.name).toMatch(/\.png$/);
    expect(decodePng(image?.png ?? new Uint8Array()).width).toBe(800);
    expect(image?.alt).toMatch(/answers per week/);
  });

  it('the first digest of a week shows the channel’s participation; later ones that week do not', async () => {
    h = await harness({ start: '2026-03-02T08:00:00Z' }); // a Monday
    await h.command(ada, 'schedule', '09:00 UTC weekdays acme');
    const digests = [];
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-09']) {
      h.setNow(`${day}T09:00:30Z`);
      await h.app.tick();
      const q = questions(h.adapter, h.channel).at(-1);
      h.advance(60_000);
      await h.say(bob, q?.ref ?? '', NO_RESULT);
      h.setNow(new Date(new Date(`${day}T09:00:30Z`).getTime() + 25 * 3_600_000));
      await h.app.tick();
      digests.push(h.adapter.publicIn(q?.ref).find((s) => s.message.kind === 'digest')?.message);
    }
    expect(digests.map((d) => Boolean(d))).toEqual([true, true, true]);
    expect(digests.map((d) => Boolean(d?.image))).toEqual([true, false, true]);
    expect(digests[0]?.image?.alt).toMatch(/members who answered/);
  });

  it('weeks start on Monday', () => {
    expect(new Date(weekStart(Date.UTC(2026, 2, 4, 15))).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(new Date(weekStart(Date.UTC(2026, 2, 2))).toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });
});
