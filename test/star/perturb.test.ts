import { describe, expect, it } from 'vitest';
import { analyzeAnswer } from '../../src/star';
import { analyzeDetailed } from '../../src/star/analyze';
import { compose, loadSet } from './evaluate';
import { asHypothetical, asTranscript, iStepLeft, iToPassive, iToWe, withoutNumbers, withoutResult } from './perturb';

// Perturbations run over the development answers; the frozen test part stays untouched.
const dev = loadSet('dev');
const stories = dev.filter((a) => a.story);
const text = (a: (typeof dev)[number]) => compose(a).text;

describe('perturbations with a known effect', () => {
  it('deleting the Result makes the analyser say the Result is missing', () => {
    // a story whose remaining close is a lesson ("...but I learned a lot") has that close credited
    const closesOnLesson = (a: (typeof dev)[number]) => /\blearn(?:ed|t)\b/i.test(withoutResult(a));
    const withResult = stories.filter((a) => a.sentences.some(([l]) => l === 'R') && !closesOnLesson(a));
    expect(withResult.length).toBeGreaterThan(25);
    const misses = withResult.filter((a) => analyzeAnswer(withoutResult(a)).parts.result.present).map((a) => a.id);
    expect(misses).toEqual([]);
    // The confident "Add the Result" is calibrated on real answers (test/star/train.ts), where
    // a story's last step often holds its outcome, so a few of these get the softer wording
    // instead; none is left without a word about the Result, and none is told it has one.
    const read = withResult.map((a) => ({ a, ...analyzeDetailed(withoutResult(a)) }));
    const confident = read.filter(({ detail }) => detail.resultAlert === 'missing');
    expect(confident.length / read.length).toBeGreaterThanOrEqual(0.9);
    for (const { a, analysis, detail } of read) {
      expect(analysis.checks.items.find((c) => c.name.startsWith('result'))?.passed, a.id).toBe(false);
      if (!analysis.story) continue;
      const said = analysis.suggestions.join(' ');
      if (detail.resultAlert === 'missing') expect(said, a.id).toMatch(/(Add|Finish with) the Result/);
      else expect(said, a.id).toMatch(/Make the outcome explicit/);
    }
  });

  it('turning every "I" into "we" raises the ownership flag', () => {
    const mine = stories.filter((a) => analyzeAnswer(text(a)).ownership.iShare);
    expect(mine.length).toBeGreaterThan(25);
    const unflagged = mine.filter((a) => !analyzeAnswer(iToWe(text(a))).ownership.flagged).map((a) => a.id);
    expect(unflagged).toEqual([]);
    // and the original, told with "I", is not flagged
    expect(mine.filter((a) => analyzeAnswer(text(a)).ownership.flagged)).toEqual([]);
  });

  it('turning every "I <verb>ed <object>" into "<object> was <verb>ed" raises the ownership flag', () => {
    const mine = stories.filter((a) => analyzeAnswer(text(a)).ownership.iShare);
    // where the rewrite leaves no step by "I" ("I talked to them" has no object to promote)
    const applies = mine.filter((a) => !iStepLeft(iToPassive(text(a))));
    expect(applies.length).toBeGreaterThan(30);
    const unflagged = applies
      .filter((a) => !analyzeAnswer(iToPassive(text(a))).ownership.flagged)
      .map((a) => `${a.id}: ${iToPassive(text(a))}`);
    expect(unflagged).toEqual([]);
    for (const a of applies) {
      const out = analyzeAnswer(iToPassive(text(a)));
      expect(out.checks.items.find((c) => c.name === 'your own actions')?.passed, a.id).toBe(false);
    }
  });

  it('the passive rewrite turns steps, not the scene', () => {
    expect(iToPassive('When I joined, the form was hidden. I rewrote the form and I set up an alert.')).toBe(
      'When I joined, the form was hidden. The form was rewritten and an alert was set up.',
    );
    expect(iToPassive('I talked to them.')).toBe('I talked to them.');
    expect(iStepLeft('I talked to them.')).toBe(true);
    expect(iStepLeft('I was asked to fix it. The form was rewritten.')).toBe(false);
  });

  it('removing the numbers drops resultMeasured', () => {
    const measured = stories.filter((a) => analyzeAnswer(text(a)).resultMeasured);
    expect(measured.length).toBeGreaterThan(15);
    const still = measured.filter((a) => analyzeAnswer(withoutNumbers(text(a))).resultMeasured).map((a) => a.id);
    expect(still).toEqual([]);
  });

  it('rewriting the story as "I would ..." turns story false', () => {
    // the rewrite reaches steps told as "I <verb>", not subjectless bullets ("Asked everyone ...")
    const told = stories.filter(
      (a) =>
        a.sentences.filter(([l]) => l === 'A').length >= 2 &&
        a.sentences.filter(([l, t]) => l === 'A' && /^(?:\w+,? )?I\b/.test(t)).length >= 1 &&
        /\bI\b/.test(text(a)),
    );
    expect(told.length).toBeGreaterThan(20);
    const still = told
      .filter((a) => analyzeAnswer(asHypothetical(text(a))).story)
      .map((a) => `${a.id}: ${asHypothetical(text(a))}`);
    expect(still).toEqual([]);
  });

  it('lowercasing and stripping punctuation keeps most parts found', () => {
    let kept = 0;
    let total = 0;
    for (const a of stories) {
      const before = analyzeAnswer(text(a));
      const after = analyzeAnswer(asTranscript(text(a)));
      for (const p of ['situation', 'task', 'action', 'result'] as const) {
        if (!before.parts[p].present) continue;
        total++;
        if (after.parts[p].present) kept++;
      }
      expect(after.story).toBe(before.story);
    }
    expect(kept / total).toBeGreaterThan(0.8);
  });
});
