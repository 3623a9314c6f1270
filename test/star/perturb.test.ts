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
    const withResult = stories.filter((a) => a.sentences.some(([l]) => l === 'R'));
    expect(withResult.length).toBeGreaterThan(25);
    const misses = withResult.filter((a) => analyzeAnswer(withoutResult(a)).parts.result.present).map((a) => a.id);
    expect(misses).toEqual([]);
    for (const a of withResult) {
      // the confident alert, not the softer "make the outcome explicit"
      expect(analyzeDetailed(withoutResult(a)).detail.resultAlert, a.id).toBe('missing');
      const out = analyzeAnswer(withoutResult(a));
      expect(out.checks.items.find((c) => c.name === 'result')?.passed).toBe(false);
      expect(out.suggestions.join(' ')).toMatch(/(Add|Finish with) the Result/);
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
