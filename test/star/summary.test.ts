import { describe, expect, it } from 'vitest';
import {
  type AnswerFlags,
  analyzeAnswer,
  compareAttempts,
  flagsOf,
  renderSummaryChart,
  type SummaryEntry,
  summarize,
} from '../../src/star';

const FULL: AnswerFlags = {
  story: true,
  situation: true,
  task: true,
  action: true,
  result: true,
  resultMeasured: true,
  ownershipFlagged: false,
  checksPassed: 6,
  checksTotal: 6,
  wordCount: 150,
};
const NO_RESULT: AnswerFlags = { ...FULL, result: false, resultMeasured: false, checksPassed: 4 };
const GENERIC: AnswerFlags = {
  ...FULL,
  story: false,
  situation: false,
  task: false,
  action: false,
  result: false,
  resultMeasured: false,
  checksPassed: 0,
};

let n = 0;
function entry(flags: AnswerFlags, extra: Partial<SummaryEntry> = {}): SummaryEntry {
  n++;
  return { answerId: `a${n}`, at: new Date(Date.UTC(2026, 0, 30 - n)), flags, ...extra };
}

describe('flagsOf and compareAttempts', () => {
  const first = analyzeAnswer('At my last job our deploys were manual. We wrote a pipeline. We added a staging step.');
  const retry = analyzeAnswer(
    'At my last job our deploys were manual and took a day. I was asked to automate them. I wrote a pipeline and added a staging step. Deploys went from a day to ten minutes.',
  );

  it('flagsOf keeps what a summary needs', () => {
    expect(flagsOf(first)).toEqual({
      story: true,
      situation: true,
      task: false,
      action: true,
      result: false,
      resultMeasured: false,
      ownershipFlagged: true,
      checksPassed: 2,
      checksTotal: 6,
      wordCount: 17,
    });
  });

  it('a better retry lists what improved and that nothing is missing', () => {
    const c = compareAttempts(flagsOf(first), retry);
    expect(c.improved).toEqual(['the Task', 'actions told as "I"', 'a Result', 'a measured result']);
    expect(c.stillMissing).toEqual([]);
    expect(c.text).toBe(
      'Better than last time: it now has the Task, actions told as "I", a Result and a measured result. Nothing is missing now: every check passes. Checks: 2 of 6 → 6 of 6.',
    );
  });

  it('a worse retry says what was lost and what is still missing', () => {
    const c = compareAttempts(flagsOf(retry), first);
    expect(c.improved).toEqual([]);
    expect(c.text).toMatch(
      /^No new parts compared with last time\. Lost since last time: the Task, actions told as "I", a Result and a measured result\./,
    );
    expect(c.stillMissing).toContain('a Result');
  });

  it('names a part lost on the retry once, not again as still missing', () => {
    const habit = analyzeAnswer('I usually stay calm under pressure and I always make sure everyone is heard.');
    const c = compareAttempts(flagsOf(retry), habit);
    expect(c.text).toMatch(/Lost since last time: a specific story, the Situation, the Task, your Actions/);
    expect(c.text).not.toMatch(/Still missing/);
    expect(c.text).not.toMatch(/Nothing is missing/);
    const partial = compareAttempts(flagsOf(first), analyzeAnswer('I usually write a pipeline.'));
    expect(partial.text).toMatch(/Still missing: the Task, a Result and a measured result\./);
  });
});

describe('summarize', () => {
  it('needs answers before it can say much', () => {
    const s = summarize([]);
    expect(s).toMatchObject({
      answers: 0,
      lastN: 0,
      storyRate: 0,
      trend: 'not enough answers',
      employers: [],
      categories: [],
    });
    expect(s.weakest).toBeUndefined();
    expect(s.best).toBeUndefined();
    expect(renderSummaryChart(s)).toMatch(/No answers analysed yet/);
  });

  it('rates each part over the last ten answers only', () => {
    // newest first: ten answers missing the result, then older complete ones that fall outside the window
    const entries = [
      ...Array.from({ length: 10 }, () => entry(NO_RESULT)),
      ...Array.from({ length: 5 }, () => entry(FULL)),
    ];
    const s = summarize(entries);
    expect(s.answers).toBe(15);
    expect(s.lastN).toBe(10);
    expect(s.partRates).toEqual({ situation: 1, task: 1, action: 1, result: 0 });
    expect(s.weakest?.part).toBe('result');
    expect(s.weakest?.tip).toMatch(/what changed/);
    expect(s.trend).toBe('steady');
  });

  it('sees improvement and slipping between the older and newer halves', () => {
    const improving = [entry(FULL), entry(FULL), entry(FULL), entry(GENERIC), entry(GENERIC), entry(NO_RESULT)];
    expect(summarize(improving).trend).toBe('improving');
    const slipping = [entry(GENERIC), entry(GENERIC), entry(NO_RESULT), entry(FULL), entry(FULL), entry(FULL)];
    expect(summarize(slipping).trend).toBe('slipping');
    expect(summarize([entry(FULL), entry(GENERIC), entry(FULL)]).trend).toBe('not enough answers');
  });

  it('a missing story is the weakest point when it is the rarest', () => {
    const s = summarize([entry(GENERIC), entry(GENERIC), entry(FULL)]);
    expect(s.storyRate).toBe(0.33);
    expect(s.weakest?.part).toBe('story');
  });

  it('picks the best-structured answer (newest on ties) and lists employers and categories', () => {
    const best = entry(FULL, {
      employer: 'Acme',
      category: 'Leadership',
      questionText: 'Tell me about a time you led.',
    });
    const entries = [
      entry(NO_RESULT, { employer: 'Globex' }),
      best,
      entry(FULL, { employer: 'Acme', category: 'Conflict' }),
    ];
    const s = summarize(entries);
    expect(s.best?.answerId).toBe(best.answerId);
    expect(s.employers).toEqual(['Globex', 'Acme']);
    expect(s.categories).toEqual(['Leadership', 'Conflict']);
  });

  it('when everything is always present there is no weakest part', () => {
    expect(summarize([entry(FULL), entry(FULL)]).weakest).toBeUndefined();
  });
});

describe('renderSummaryChart', () => {
  it('draws one bar per part in a code block', () => {
    const s = summarize([entry(FULL), entry(NO_RESULT), entry(NO_RESULT), entry(FULL)]);
    expect(renderSummaryChart(s)).toBe(
      [
        '```',
        'Story     ██████████ 100%',
        'Situation ██████████ 100%',
        'Task      ██████████ 100%',
        'Action    ██████████ 100%',
        'Result    █████░░░░░  50%',
        'last 4 answers · trend: steady',
        '```',
      ].join('\n'),
    );
  });
});
