import { describe, expect, it } from 'vitest';
import { analyzeAnswer, markerOf, renderFeedback } from '../../src/star';
import { analyzeDetailed } from '../../src/star/analyze';
import { compose, loadSet } from './evaluate';

// Written for these tests; none of the labelled evaluation answers appear here.
const COMPLETE = [
  'Two winters ago at a regional bakery chain, our delivery vans arrived late to about a third of the cafes.',
  'As the new logistics coordinator, I was asked to get on-time deliveries above 90% before the spring menu launch.',
  'I rode along on three routes and found that the vans left in the order they were loaded, not by distance.',
  'I rebuilt the loading plan around the route order and moved the earliest cafes to the first van.',
  'Then I set up a shared sheet where drivers logged each arrival time.',
  'As a result, on-time deliveries rose from 68% to 94% within six weeks.',
].join(' ');

describe('analyzeAnswer on a complete story', () => {
  const a = analyzeAnswer(COMPLETE);

  it('labels each sentence in order', () => {
    expect(a.sentences.map((s) => s.label)).toEqual(['situation', 'task', 'action', 'action', 'action', 'result']);
    expect(a.parts.result.sentences).toEqual([
      'As a result, on-time deliveries rose from 68% to 94% within six weeks.',
    ]);
  });

  it('judges it a story, owned, measured, and passes every check', () => {
    expect(a.story).toBe(true);
    expect(a.storyReason).toMatch(/specific past episode/);
    expect(a.ownership).toEqual({ iShare: 1, flagged: false });
    expect(a.resultMeasured).toBe(true);
    expect(a.checks).toMatchObject({ passed: 6, total: 6 });
    expect(a.wordCount).toBe(COMPLETE.split(/\s+/).length);
    expect(a.length).toBe('good');
  });

  it('puts the story judgement first and praise last', () => {
    expect(a.feedback[0]).toMatch(/real story/);
    expect(a.feedback[a.feedback.length - 1]).toMatch(/^Done well: the result is measured/);
    expect(a.praise).toContain('on-time deliveries rose from 68% to 94%');
  });
});

describe('what is missing', () => {
  it('a story without a result gets the missing-result suggestion first, quoting the last action', () => {
    const a = analyzeAnswer(
      'When I started at the library, volunteers had no rota and shifts were often empty. The head librarian asked me to sort it out. I phoned every volunteer about their free days. I built a shared calendar and wrote a short guide for swapping shifts.',
    );
    expect(a.story).toBe(true);
    expect(a.parts.result.present).toBe(false);
    expect(a.suggestions[0]).toMatch(
      /^Add the Result: after "I built a shared calendar and wrote a short guide for swapping shifts"/,
    );
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('actions told only as "we" are flagged and the suggestion quotes one', () => {
    const a = analyzeAnswer(
      'At my last job our biggest supplier kept shipping damaged parts. We visited their factory. We agreed new packing rules with them and we inspected each batch. Damaged parts became rare.',
    );
    expect(a.ownership).toEqual({ iShare: 0, flagged: true });
    expect(a.suggestions.join('\n')).toContain('"We visited their factory" tells what the team did');
    expect(a.checks.items.find((c) => c.name === 'your own actions')?.passed).toBe(false);
  });

  it('does not flag "we" when at least one action is the speaker\'s own', () => {
    const a = analyzeAnswer(
      'Last year our release slipped. We met as a team. I wrote the migration script. We shipped it on Friday.',
    );
    expect(a.ownership.flagged).toBe(false);
    expect(a.ownership.iShare).toBeGreaterThan(0);
  });

  it('a result without numbers is unmeasured and gets a "put a number on it" suggestion', () => {
    const a = analyzeAnswer(
      'Last year our onboarding took weeks. I wrote a setup script. New joiners said it was much easier to get going.',
    );
    expect(a.parts.result.present).toBe(true);
    expect(a.resultMeasured).toBe(false);
    expect(a.suggestions.join('\n')).toContain(
      'Put a number on the result: "New joiners said it was much easier to get going"',
    );
  });

  it('a result told first still counts as the result', () => {
    const a = analyzeAnswer(
      'I increased our newsletter sign-ups by 300% in two months. When I joined the marketing team, the form was hidden at the bottom of the page. I moved it to the top and cut it to one field.',
    );
    expect(a.sentences[0]?.label).toBe('result');
    expect(a.sentences[1]?.label).toBe('situation');
    expect(a.resultMeasured).toBe(true);
  });
});

describe('not a story', () => {
  it('hypothetical "I would" answers', () => {
    const a = analyzeAnswer(
      'I would first ask the customer what went wrong. Then I would check the order history. I would offer a fair fix.',
    );
    expect(a.story).toBe(false);
    expect(a.storyReason).toContain('what you would do');
    expect(a.feedback[0]).toMatch(/^This is not a story yet/);
    expect(a.suggestions[0]).toContain('"I would first ask the customer what went wrong"');
  });

  it('only the speaker\'s own "would" is a plan: what they promised others would do is still a story', () => {
    const a = analyzeAnswer(
      'In March a client threatened to leave over a broken import. I promised them they would see the fix by Friday. I told their manager they would get a refund for the month. I rewrote the importer over one weekend.',
    );
    expect(a.story).toBe(true);
  });

  it('a role held, with at most one deed and no occasion named, is no story; a role that opens a story is its scene', () => {
    const role = analyzeAnswer(
      'In high school I was the president of our robotics team, and I organised the build season. That was a good leadership experience.',
    );
    expect(role.story).toBe(false);
    expect(role.storyReason).toContain('a role you held ("In high school I was the president of our robotics team');
    const story = analyzeAnswer(
      "I was the only nurse on the night shift. A patient's alarm went off at 3am. I checked his line, found a kink and fixed it. His readings settled within minutes.",
    );
    expect(story.story).toBe(true);
    expect(story.sentences[0]?.label).toBe('situation');
  });

  it('"never have" in a lesson is no refusal: only the speaker saying they have no example is', () => {
    const a = analyzeAnswer(
      'In my first job I deleted a customer table in production by mistake. It taught me that developers should never have access to production.',
    );
    expect(a.story).toBe(true);
    expect(analyzeAnswer("I can't really think of a time I made a mistake.").storyReason).toContain('no example');
  });

  it('habits and generic self-descriptions', () => {
    expect(
      analyzeAnswer('I usually handle pressure by writing a list. I always finish the hardest task first.').storyReason,
    ).toContain('usually');
    const generic = analyzeAnswer(
      "I'm a detail-oriented person and colleagues trust my numbers. I think accuracy matters most.",
    );
    expect(generic.story).toBe(false);
    expect(generic.checks.passed).toBe(0);
  });

  it('a one-line past action is a (very short) story', () => {
    const a = analyzeAnswer('I repaired the printer.');
    expect(a.story).toBe(true);
    expect(a.length).toBe('too short');
    expect(a.suggestions.some((s) => s.includes('Add the Result'))).toBe(true);
  });
});

describe('ownership when the actions are passive', () => {
  it('flags an answer whose steps are all passive, and says no owner is named', () => {
    const a = analyzeAnswer(
      'Last year our release kept failing. The forms were rewritten. The migration was split into three steps. The error rate fell by half.',
    );
    expect(a.sentences.map((s) => s.label)).toEqual(['situation', 'action', 'action', 'result']);
    expect(a.ownership).toEqual({ iShare: 0, flagged: true });
    expect(a.checks.items.find((c) => c.name === 'your own actions')?.passed).toBe(false);
    expect(a.suggestions.join(' ')).toMatch(
      /Make your part visible: "The forms were rewritten" does not say who did it\. Add what you did yourself/,
    );
  });

  it('reads "got fixed" and "has been rewritten" as steps without an owner', () => {
    const a = analyzeAnswer(
      'At my last job our deploys were slow. I was asked to speed them up. The build has been rewritten in Go. The flaky tests got fixed. Deploys went from 40 minutes to 8.',
    );
    expect(a.parts.action.sentences).toEqual(['The build has been rewritten in Go.', 'The flaky tests got fixed.']);
    expect(a.ownership.flagged).toBe(true);
  });

  it('flags passive steps mixed with "we", not a passive scene next to "I" steps', () => {
    const we = analyzeAnswer(
      'At my last job our deploys were slow. We rewrote the build. The tests were split across four machines. Deploys went from 40 minutes to 8.',
    );
    expect(we.ownership.flagged).toBe(true);
    const scene = analyzeAnswer(
      'Last spring our checkout kept failing. The service was deployed in 2019 and nobody owned it. I profiled it and found a slow query. I added an index. Errors fell by 90%.',
    );
    expect(scene.sentences[1]?.label).toBe('situation');
    expect(scene.ownership).toEqual({ iShare: 1, flagged: false });
    const opening = analyzeAnswer(
      'The service was deployed in 2019. Last spring it started failing under load. I profiled it. I added an index. Errors fell by 90%.',
    );
    expect(opening.sentences[0]?.label).toBe('situation');
    expect(opening.ownership.flagged).toBe(false);
  });

  it('agrees with the labelled development answers marked for ownership', () => {
    const marked = loadSet('dev').filter((a) => a.ownership);
    expect(marked.filter((a) => a.ownership === 'flagged').length).toBeGreaterThanOrEqual(5);
    const wrong = marked
      .filter((a) => analyzeAnswer(compose(a).text).ownership.flagged !== (a.ownership === 'flagged'))
      .map((a) => a.id);
    expect(wrong).toEqual([]);
  });
});

describe('filler and hedges', () => {
  it('are measured apart and mentioned only when dense', () => {
    const hedgy = analyzeAnswer(
      'So basically at my old job the project was kind of late, you know. I guess I just sort of made a list, like, of the tasks. And honestly I basically sent it round every morning. In the end we kind of finished, maybe two weeks late.',
    );
    expect(hedgy.fillerDensity).toBeGreaterThan(10);
    expect(hedgy.hedgeDensity).toBeGreaterThan(10);
    expect(hedgy.suggestions.join(' ')).toMatch(/Cut the fillers and hedges \("basically", "kind of"/);
    const plain = analyzeAnswer(
      'At my old job the project was late. I made a list of the tasks and sent it every morning. We finished two weeks later than planned.',
    );
    expect(plain.fillerDensity).toBe(0);
    expect(plain.hedgeDensity).toBe(0);
    expect(plain.suggestions.join(' ')).not.toMatch(/fillers|hedges/);
  });

  it('names hedges on their own, and leaves a single "maybe" alone', () => {
    const unsure = analyzeAnswer(
      'Last year our support queue was kind of out of control. I guess I was the one who had to sort it. I sort of split the tickets by topic and maybe wrote three canned replies. I think the queue fell to about forty tickets.',
    );
    expect(unsure.fillerDensity).toBe(0);
    expect(unsure.hedgeDensity).toBeGreaterThanOrEqual(3);
    expect(unsure.suggestions.join(' ')).toMatch(/Drop the hedges \("/);
    const once = analyzeAnswer(
      'Last year our support queue was out of control. I was asked to sort it. I split the tickets by topic and wrote three canned replies. The queue fell from 300 to maybe forty tickets in a month.',
    );
    expect(once.hedgeDensity).toBeGreaterThan(0);
    expect(once.suggestions.join(' ')).not.toMatch(/hedges/);
  });

  it('are mentioned even when three suggestions are already queued, in place of the least valuable', () => {
    const text =
      'Basically we kind of had a problem with the rota, you know. We just sort of rewrote it, like, basically from scratch. And honestly we maybe moved the meetings too.';
    const calm = analyzeAnswer(
      text.replace(/basically |kind of |, you know|just |sort of |, like,|honestly |maybe /gi, ''),
    );
    // without the hedges: result, ownership and one detail fill the three places
    expect(calm.suggestions).toHaveLength(3);
    const noisy = analyzeAnswer(text);
    expect(noisy.suggestions).toHaveLength(3);
    expect(noisy.suggestions[0]).toMatch(/Result|outcome/);
    expect(noisy.suggestions[1]).toMatch(/Make your part visible/);
    expect(noisy.suggestions[2]).toMatch(/^Cut the fillers and hedges/);
    // the detail it displaced
    expect(calm.suggestions[2]).toMatch(/^Say what your goal or responsibility was/);
    expect(noisy.suggestions.join(' ')).not.toMatch(/Say what your goal/);
  });
});

describe('any input', () => {
  const inputs: [string, string][] = [
    ['empty', ''],
    ['whitespace', ' \n\t \n'],
    ['punctuation only', '... !!! ???'],
    ['emoji only', '🚀🎉👍'],
    ['100 KB', `${COMPLETE} `.repeat(Math.ceil(100_000 / COMPLETE.length))],
    ['one 100 KB word', 'a'.repeat(100_000)],
    ['code only', '```\nfunction f() { return 1; }\n```'],
    [
      'non-English',
      'El año pasado, en mi trabajo anterior, el sistema de pagos fallaba cada semana. Revisé los registros.',
    ],
    ['Chinese', '去年我在公司负责支付系统。我重写了缓存。错误率下降了百分之九十。'],
    ['control characters', 'I fixed\u0000 it.\u0007 Then\r\nit worked.'],
    ['lone surrogate', 'I fixed \ud800 it.'],
  ];
  it.each(inputs)('%s: never throws and stays consistent', (_name, text) => {
    const a = analyzeAnswer(text);
    expect(a.checks.total).toBe(6);
    expect(a.checks.passed).toBe(a.checks.items.filter((c) => c.passed).length);
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
    expect(a.feedback.length).toBeGreaterThan(0);
    for (const p of ['situation', 'task', 'action', 'result'] as const) {
      expect(a.parts[p].present).toBe(a.parts[p].sentences.length > 0);
    }
    expect(() => JSON.stringify(a)).not.toThrow();
    expect(renderFeedback(a).length).toBeGreaterThan(0);
  });

  it('says plainly when there is nothing to read, or it is not English', () => {
    expect(analyzeAnswer('').feedback[0]).toMatch(/nothing to read/);
    const es = analyzeAnswer(
      'El año pasado, en mi trabajo anterior, el sistema de pagos fallaba cada semana. Revisé los registros.',
    );
    expect(es.story).toBe(false);
    expect(es.feedback[0]).toMatch(/does not look like English/);
  });

  it('labels a code block as other and analyses the prose around it', () => {
    const a = analyzeAnswer(
      'Last month our API kept timing out in production.\n```js\nawait fetch(url)\n```\nI added retries with backoff. Timeouts dropped to zero.',
    );
    expect(a.sentences.find((s) => s.text.startsWith('```'))?.label).toBe('other');
    expect(a.parts.action.present).toBe(true);
    expect(a.resultMeasured).toBe(true);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(analyzeAnswer(COMPLETE))).toBe(JSON.stringify(analyzeAnswer(COMPLETE)));
  });
});

describe('rendering', () => {
  it('renderFeedback shows the score, the parts found, suggestions and praise in chat markdown', () => {
    const a = analyzeAnswer('At my last job our deploys were manual. I wrote a pipeline. Deploys became one click.');
    const md = renderFeedback(a);
    expect(md.split('\n')[0]).toBe(`**STAR check: ${a.checks.passed} of 6** · S ✓ · T ✗ · A ✓ · R ✓`);
    expect(md).toContain('> **A** I wrote a pipeline.');
    expect(md).toContain('**To make it stronger**\n- ');
    expect(md).toMatch(/\*\*Done well:\*\* /);
    expect(md).not.toMatch(/<|#/); // no HTML or headings: both platforms render bold, lists and quotes alike
  });

  it('markerOf names only the parts present', () => {
    const a = analyzeAnswer('At my last job our deploys were manual. I wrote a pipeline.');
    expect(markerOf(a)).toEqual({
      text: 'S ✓ · T ✗ · A ✓ · R ✗',
      emoji: ['regional_indicator_s', 'regional_indicator_a'],
    });
  });
});

describe('the missing-result alert fires only when the analyser is sure', () => {
  const ADD = /^(?:Add|Finish with) the Result/;

  it('an answer that stops on a step gets "Add the Result"', () => {
    const { analysis, detail } = analyzeDetailed(
      "Two years ago our school's parents' evening ran an hour late every term. I offered to reorganise it. I gave every parent a five-minute slot and put a bell in each classroom. I also printed a map of the rooms.",
    );
    expect(detail.resultAlert).toBe('missing');
    expect(analysis.suggestions[0]).toMatch(/^Add the Result: after "I also printed a map of the rooms"/);
  });

  it('an outcome tacked onto the last step counts as the Result, and no "Add the Result" is said', () => {
    const { analysis, detail } = analyzeDetailed(
      'When I was a shift lead at a call centre, new starters kept asking the same questions. I was asked to make their first week easier. I wrote a one-page guide to the phone system. I paired each new starter with an experienced agent for their first three days, and the questions in our team chat dried up.',
    );
    expect(analysis.parts.result.sentences).toEqual([
      'I paired each new starter with an experienced agent for their first three days, and the questions in our team chat dried up.',
    ]);
    expect(detail.resultAlert).toBeUndefined();
    expect(analysis.suggestions.some((s) => ADD.test(s))).toBe(false);
  });

  it('a story that may end on its outcome gets the softer wording, never "Add the Result"', () => {
    const { analysis, detail } = analyzeDetailed(
      'Last year, our team inherited a legacy payments service with no tests. My goal was to make it safe to change. We wrote characterisation tests for the main flows.',
    );
    expect(analysis.parts.result.present).toBe(false);
    expect(detail.resultAlert).toBe('unclear');
    expect(analysis.suggestions.some((s) => ADD.test(s))).toBe(false);
    expect(analysis.suggestions[0]).toMatch(/^Make the outcome explicit: if it isn't there yet, end with what changed/);
    expect(analysis.suggestions[0]).not.toMatch(/missing|no result/i);
  });

  it('an unclear Result shows "R ?" and "result (unclear)" to the group, a confident absence "R ✗"', () => {
    const unclear = analyzeAnswer(
      'Last year, our team inherited a legacy payments service with no tests. My goal was to make it safe to change. We wrote characterisation tests for the main flows.',
    );
    expect(unclear.resultStatus).toBe('unclear');
    expect(unclear.parts.result.present).toBe(false);
    expect(markerOf(unclear)).toEqual({
      text: 'S ✓ · T ✓ · A ✓ · R ?',
      emoji: ['regional_indicator_s', 'regional_indicator_t', 'regional_indicator_a'],
    });
    expect(unclear.checks.items.find((c) => c.name.startsWith('result'))).toEqual({
      name: 'result (unclear)',
      passed: false,
    });
    expect(renderFeedback(unclear).split('\n')[0]).toMatch(/· R \?$/);

    const missing = analyzeAnswer(
      "Two years ago our school's parents' evening ran an hour late every term. I offered to reorganise it. I gave every parent a five-minute slot and put a bell in each classroom. I also printed a map of the rooms.",
    );
    expect(missing.resultStatus).toBe('missing');
    expect(markerOf(missing).text).toMatch(/R ✗$/);
    expect(missing.checks.items.find((c) => c.name.startsWith('result'))).toEqual({ name: 'result', passed: false });
    expect(analyzeAnswer(COMPLETE).resultStatus).toBe('present');
    // a non-story has no Result to be unsure about
    expect(analyzeAnswer('I would talk to both sides first and then agree on a plan.').resultStatus).toBe('missing');
  });

  it('a present-tense outcome after the steps is not called missing', () => {
    const { analysis, detail } = analyzeDetailed(
      'Last spring our team wiki was a mess that nobody trusted. I was asked to tidy it up. I archived every page nobody had opened in a year and wrote a new index page. New joiners now use the index as their first stop.',
    );
    // read as the Result, or at least not called missing
    expect(analysis.parts.result.present || detail.resultAlert === 'unclear').toBe(true);
    expect(analysis.suggestions.some((s) => ADD.test(s))).toBe(false);
  });

  it('an outcome told first is not called missing', () => {
    const { analysis, detail } = analyzeDetailed(
      'The quarterly audit now takes one afternoon. At my previous job it took our team a full week of chasing receipts. I set up a shared folder where staff uploaded receipts on the day they spent the money.',
    );
    expect(detail.resultAlert).not.toBe('missing');
    expect(analysis.suggestions.some((s) => ADD.test(s))).toBe(false);
  });

  it('context told before the actions does not count as an outcome', () => {
    // "dropped" and "fewer" describe the problem, not how it ended
    const { analysis, detail } = analyzeDetailed(
      'Last year I volunteered at a youth charity. Sign-ups had dropped and fewer volunteers stayed past a month. I was asked to find out why. I called ten people who had left. I rewrote the sign-up form with the coordinator.',
    );
    expect(analysis.sentences[1]?.label).toBe('situation');
    expect(detail.resultAlert).toBe('missing');
  });

  it('no result alert for answers that are not stories, or that have a Result', () => {
    expect(analyzeDetailed('I would talk to both sides first and then agree on a plan.').detail.resultAlert).toBe(
      undefined,
    );
    expect(analyzeDetailed(COMPLETE).detail.resultAlert).toBe(undefined);
  });
});
