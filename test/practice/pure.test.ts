// The pure parts: streak rules, question rotation, reading times and schedule lines,
// member mentions, digests.
import { describe, expect, it } from 'vitest';
import { GuideLibrary } from '../../src/guides/library';
import { loadGuides } from '../../src/guides/load';
import { parseMemberRef } from '../../src/practice/commands/progress';
import { parseScheduleText } from '../../src/practice/commands/schedule-text';
import { readTipsWords } from '../../src/practice/commands/tips';
import { parseTime, readEmployerCategory } from '../../src/practice/commands/words';
import { composeDigest, tipFor } from '../../src/practice/digest';
import { pickQuestion } from '../../src/practice/rotation';
import { computeStreak } from '../../src/practice/streak';
import type { AnswerFlags } from '../../src/star';
import { guide } from './helpers';

const DAY = 86_400_000;
// Monday 2 March 2026, 09:00 UTC; the question is posted at nine every day.
const MON = Date.UTC(2026, 2, 2, 9);
const day = (n: number) => MON + n * DAY;

describe('streaks', () => {
  const base = { snoozes: [], timezone: 'UTC' };
  it('counts consecutive answered question days, and says when the data ran out first', () => {
    const q = [0, 1, 2, 3].map(day);
    expect(computeStreak({ ...base, questionTimes: q, answeredTimes: q, now: day(3) + 3_600_000 })).toMatchObject({
      days: 4,
      unbroken: true,
    });
  });

  it("does not count today's unanswered question against anyone", () => {
    const q = [0, 1, 2].map(day);
    expect(
      computeStreak({ ...base, questionTimes: q, answeredTimes: [day(0), day(1)], now: day(2) + 60_000 }).days,
    ).toBe(2);
  });

  it('forgives one missed day per ISO week, not two', () => {
    const q = [0, 1, 2, 3].map(day); // Mon-Thu
    const one = computeStreak({ ...base, questionTimes: q, answeredTimes: [day(0), day(1), day(3)], now: day(4) });
    expect(one).toMatchObject({ days: 3, graceUsedThisWeek: true, unbroken: true });
    const two = computeStreak({ ...base, questionTimes: q, answeredTimes: [day(0), day(3)], now: day(4) });
    expect(two.days).toBe(1);
    // A miss in each of two weeks is forgiven: a grace day per week.
    const weeks = [0, 1, 2, 7, 8, 9].map(day);
    expect(
      computeStreak({ ...base, questionTimes: weeks, answeredTimes: [day(0), day(2), day(7), day(9)], now: day(10) })
        .days,
    ).toBe(4);
  });

  it('skips snoozed days and days without a question', () => {
    const q = [0, 1, 2, 3, 4, 7].map(day); // no questions at the weekend
    const snoozes = [{ from: day(1) - 3_600_000, until: day(3) + 3_600_000 }];
    const s = computeStreak({
      questionTimes: q,
      answeredTimes: [day(0), day(4), day(7)],
      snoozes,
      now: day(8),
      timezone: 'UTC',
    });
    expect(s.days).toBe(3);
  });

  it('uses the channel’s time zone for what a day is', () => {
    // Posted at 03:00 UTC, which is 22:00 the evening before in New York.
    const q = [Date.UTC(2026, 2, 3, 3), Date.UTC(2026, 2, 4, 3)];
    const input = { questionTimes: q, answeredTimes: [q[0] as number], snoozes: [], now: Date.UTC(2026, 2, 4, 12) };
    // In UTC the second question is today's, still open; in New York its day is over and was missed.
    expect(computeStreak({ ...input, timezone: 'UTC' })).toMatchObject({ days: 1, graceUsedThisWeek: false });
    expect(computeStreak({ ...input, timezone: 'America/New_York' })).toMatchObject({
      days: 1,
      graceUsedThisWeek: true,
    });
  });

  it('is zero for someone who never answered', () => {
    expect(computeStreak({ ...base, questionTimes: [0, 1, 2].map(day), answeredTimes: [], now: day(5) }).days).toBe(0);
  });
});

describe('question rotation', () => {
  const qs = [
    { id: 'a', category: 'behavioral' },
    { id: 'b', category: 'behavioral' },
    { id: 'c', category: 'technical' },
  ];
  it('never repeats until every question has been asked', () => {
    const asked = new Map<string, number>();
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      const q = pickQuestion(qs, asked, new Map(), `seed-${i}`);
      if (!q) throw new Error('no pick');
      seen.push(q.id);
      asked.set(q.id, (asked.get(q.id) ?? 0) + 1);
    }
    expect(new Set(seen.slice(0, 3)).size).toBe(3);
    expect(new Set(seen.slice(3)).size).toBe(3);
  });

  it('prefers the category the group answered least', () => {
    const answered = new Map([
      ['behavioral', 10],
      ['technical', 1],
    ]);
    for (const seed of ['x', 'y', 'z']) expect(pickQuestion(qs, new Map(), answered, seed)?.category).toBe('technical');
  });

  it('is deterministic and handles no candidates', () => {
    expect(pickQuestion(qs, new Map(), new Map(), 's')).toEqual(pickQuestion(qs, new Map(), new Map(), 's'));
    expect(pickQuestion([], new Map(), new Map(), 's')).toBeUndefined();
  });
});

describe('reading command text', () => {
  it('reads times people write', () => {
    expect(parseTime('9')).toBe('09:00');
    expect(parseTime('09:00')).toBe('09:00');
    expect(parseTime('9am')).toBe('09:00');
    expect(parseTime('12am')).toBe('00:00');
    expect(parseTime('6:30pm')).toBe('18:30');
    expect(parseTime('21:15')).toBe('21:15');
    for (const bad of ['25:00', '9:75', '13pm', 'noon', '', '0am']) expect(parseTime(bad)).toBeUndefined();
  });

  it('sorts schedule words by what they look like', () => {
    expect(parseScheduleText('09:00 Europe/Berlin weekdays chop behavioral')).toEqual({
      time: '09:00',
      timezone: 'Europe/Berlin',
      days: 'weekdays',
      words: ['chop', 'behavioral'],
    });
    expect(parseScheduleText('18:30 "harvard medical school" mon,wed system design UTC')).toEqual({
      time: '18:30',
      timezone: 'UTC',
      days: 'mon,wed',
      words: ['harvard medical school', 'system', 'design'],
    });
    expect(parseScheduleText('OFF')).toEqual({ time: 'off' });
    expect(parseScheduleText('Resume')).toEqual({ time: 'resume' });
    expect(parseScheduleText('')).toEqual({});
  });

  const shipped = loadGuides('content/guides').library;
  const w = (text: string) => text.split(' ');

  it('reads the employer as the longest run of leading words naming a guide, then the category', () => {
    expect(readEmployerCategory(shipped, w('system design'))).toEqual({ category: 'system design' });
    expect(readEmployerCategory(shipped, w("children's hospital of philadelphia behavioural"))).toEqual({
      employer: "children's hospital of philadelphia",
      category: 'behavioural',
    });
    expect(readEmployerCategory(shipped, w('harvard medical school system design'))).toEqual({
      employer: 'harvard medical school',
      category: 'system design',
    });
    expect(readEmployerCategory(shipped, w('chop'))).toEqual({ employer: 'chop' });
    expect(readEmployerCategory(shipped, [])).toEqual({});
  });

  it('keeps a word that fills no slot apart from the employer', () => {
    expect(readEmployerCategory(shipped, w('chop dancing'))).toEqual({ employer: 'chop', category: 'dancing' });
    expect(readEmployerCategory(shipped, w('chop behavioral dancing'))).toEqual({
      employer: 'chop',
      category: 'behavioral',
      extra: 'dancing',
    });
    // An unknown employer is the words before the category.
    expect(readEmployerCategory(shipped, w('initech corp behavioral'))).toEqual({
      employer: 'initech corp',
      category: 'behavioral',
    });
    expect(readTipsWords(shipped, w('chop salary'))).toEqual({ employer: 'chop', section: 'salary' });
    expect(readTipsWords(shipped, w('chop process extra'))).toEqual({
      employer: 'chop',
      section: 'process',
      extra: 'extra',
    });
    expect(readTipsWords(shipped, ['harvard medical school', 'faq'])).toEqual({
      employer: 'harvard medical school',
      section: 'faq',
    });
    // A misspelt name stays apart from the word after it.
    expect(readTipsWords(shipped, w('chopp salary'))).toEqual({ employer: 'chopp', section: 'salary' });
    expect(readTipsWords(new GuideLibrary([]), w('process'))).toEqual({ section: 'process' });
  });

  it('reads member mentions in every platform form', () => {
    expect(parseMemberRef('<@U123>')).toEqual({ id: 'U123' });
    expect(parseMemberRef('<@U123|ada>')).toEqual({ id: 'U123' });
    expect(parseMemberRef('<@!42>')).toEqual({ id: '42' });
    expect(parseMemberRef('@Ada')).toEqual({ name: 'Ada' });
    expect(parseMemberRef('  ')).toEqual({});
  });
});

describe('digest', () => {
  const flags = (over: Partial<AnswerFlags>): AnswerFlags => ({
    story: true,
    situation: true,
    task: true,
    action: true,
    result: true,
    resultMeasured: true,
    ownershipFlagged: false,
    checksPassed: 6,
    checksTotal: 6,
    wordCount: 120,
    ...over,
  });
  it('counts members once (their latest attempt) and ranks what was missing', () => {
    const d = composeDigest(
      [
        { userId: 'a', attempt: 1, late: false, flags: flags({ result: false, resultMeasured: false }) },
        { userId: 'a', attempt: 2, late: false, flags: flags({}) },
        { userId: 'b', attempt: 1, late: false, flags: flags({ result: false, resultMeasured: false, task: false }) },
        { userId: 'c', attempt: 1, late: true, flags: flags({ result: false, resultMeasured: false }) },
      ],
      'Be specific.',
      'Acme',
    );
    expect(d.text).toContain('**3 members** answered; 1 with all four STAR parts.');
    expect(d.text).toMatch(/Most often missing:\n- the Result: 2 of 3\n- the Task: 1 of 3/);
    expect(d.text).toContain('**Tip from the Acme guide:** Be specific.');
  });

  it('does not tally STAR parts for a question that asks for an approach', () => {
    const d = composeDigest(
      [
        { userId: 'a', attempt: 1, late: false, flags: flags({ story: false, situation: false, result: false }) },
        { userId: 'b', attempt: 1, late: false, flags: flags({}) },
      ],
      undefined,
      'Acme',
      false,
    );
    expect(d.text).toContain('**2 members** answered; 1 backed the approach with a real example from their work.');
    expect(d.text).not.toMatch(/missing|STAR parts/);
  });
});

describe('the digest tip', () => {
  it('comes from the guide tips, else its focus areas, else what its interviewers evaluate', () => {
    const post = { id: 'p1', employer: 'acme' };
    const withTips = new GuideLibrary([guide('acme', 'Acme')]);
    expect(tipFor(withTips, post)).toEqual({ tip: 'Quantify your results for Acme.', employer: 'Acme' });
    const focusOnly = new GuideLibrary([guide('acme', 'Acme', { tips: [] })]);
    expect(tipFor(focusOnly, post).tip).toBe('Legacy systems');
    const neither = new GuideLibrary([guide('acme', 'Acme', { tips: [], focusAreas: [] })]);
    expect(tipFor(neither, post).tip).toBe('Interviewers look at Problem solving: How you break a problem down.');
  });
});
