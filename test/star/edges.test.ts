import { describe, expect, it } from 'vitest';
import { analyzeAnswer, renderFeedback } from '../../src/star';
import { splitSentences } from '../../src/star/split';

const texts = (input: string) => splitSentences(input).map((s) => s.text);

describe('bad input gets a clear, kind reply and never an exception', () => {
  const cases: [string, string, RegExp][] = [
    ['empty', '', /nothing to read yet/],
    ['blank lines', ' \n\n  \t', /nothing to read yet/],
    ['emoji only', '😀🎉👍 🔥🚀🙏', /symbols or emoji only/],
    ['punctuation only', '?!?! ... --- ***', /symbols or emoji only/],
    ['binary-looking', '\u0000\u0001PK\u0003\u0004\ufffd\ufffd\u0007'.repeat(40), /does not look like English/],
    ['another script', '去年我们的部署每周都失败。我添加了一个测试阶段。', /does not look like English/],
    [
      'another language',
      "L'année dernière, nos déploiements échouaient chaque semaine. J'ai ajouté une étape de test.",
      /does not look like English/,
    ],
    ['fenced code', '```js\nfunction add(a, b) { return a + b; }\n```', /code only/],
    ['bare code', 'const x = require("fs");\nfor (let i = 0; i < 3; i++) { go(i); }\nif (x) { stop(); }', /code only/],
  ];
  it.each(cases)('%s', (_, input, says) => {
    const a = analyzeAnswer(input);
    expect(a.story).toBe(false);
    expect(a.feedback[0]).toMatch(says);
    expect(a.suggestions.length).toBeGreaterThan(0);
    expect(renderFeedback(a)).toMatch(says);
  });

  it('a 50,000-word answer is read whole and answered', () => {
    const huge = 'Last year our release failed. I fixed the build and we shipped it on time. '.repeat(3400);
    expect(huge.split(/\s+/).length).toBeGreaterThan(50_000);
    const a = analyzeAnswer(huge);
    expect(a.wordCount).toBeGreaterThan(50_000);
    expect(a.length).toBe('too long');
    expect(a.suggestions.join(' ')).toMatch(/runs long/);
  });

  it('a non-string is read as an empty answer', () => {
    expect(analyzeAnswer(undefined as unknown as string).feedback[0]).toMatch(/nothing to read yet/);
  });
});

describe('sentence splitting on real shapes of text', () => {
  it('splits a full stop with no space before a capital, but not "Node.js"', () => {
    expect(texts('We tuned it until it was consistent.The project shipped. We used Node.js there.')).toEqual([
      'We tuned it until it was consistent.',
      'The project shipped.',
      'We used Node.js there.',
    ]);
  });

  it('splits lower-case chat at "i" after a full stop', () => {
    expect(texts('the import kept failing. i added a check for bad dates. it has not failed since')).toEqual([
      'the import kept failing.',
      'i added a check for bad dates.',
      'it has not failed since',
    ]);
  });

  it('reads bold and markdown headings, and a heading alone on its line names the lines under it', () => {
    const segs = splitSentences(
      '**Situation:** Our deploys failed.\n### Action\nI added a test stage.\nI ran it nightly.\n__Result__ - Failures fell by 80%.',
    );
    expect(segs.map((s) => [s.heading, s.text])).toEqual([
      ['situation', 'Our deploys failed.'],
      ['action', 'I added a test stage.'],
      ['action', 'I ran it nightly.'],
      ['result', 'Failures fell by 80%.'],
    ]);
  });

  it('reads headings with the letter or an aside in brackets, and a heading with a subtitle names the lines under it', () => {
    const segs = splitSentences(
      'Situation (S):\n- At my last job, billing charged twice.\nAction (A) - My approach:\n- I refunded the first charge.\n[R] Double charges stopped.\nAction (what I did): I added a check.',
    );
    expect(segs.map((s) => [s.heading, s.text])).toEqual([
      ['situation', 'At my last job, billing charged twice.'],
      ['action', 'I refunded the first charge.'],
      ['result', 'Double charges stopped.'],
      ['action', 'I added a check.'],
    ]);
  });

  it('does not take a lower-case list letter in brackets for a heading', () => {
    expect(splitSentences('(a) I called the vendor.')[0]?.heading).toBeUndefined();
  });

  it('does not cut "next to" out of a spoken step', () => {
    const out = texts('at my old job the printers were always jammed i made a sign and i put one next to each printer');
    expect(out.some((t) => t.startsWith('next to'))).toBe(false);
  });
});

describe('what the feedback says', () => {
  it('takes the author\'s own "R:" as the result even when it reads like a step', () => {
    const a = analyzeAnswer(
      '- S: In a group coding task, most of the team wanted a complex design with many classes.\n- T: I had to show a simpler design would be easier to maintain.\n- A: I built a small prototype and showed its speed and clarity.\n- R: The team agreed, and we combined both ideas.',
    );
    expect(a.parts.result.present).toBe(true);
    expect(a.suggestions.join(' ')).not.toMatch(/Add the Result/);
  });

  it('credits a closing lesson and asks whether a Result is also there', () => {
    const a = analyzeAnswer(
      'Last year I led a small team that missed its first release date. I had to get the second release out on time. I split the work into weekly goals and met each developer every Monday. What I learned is that small goals keep a team honest.',
    );
    expect(a.parts.result.present).toBe(true);
    const said = a.suggestions.join(' ');
    expect(said).toMatch(/You close on what you learned \("What I learned is that small goals keep a team honest"\)/);
    expect(said).toMatch(/also say what happened because of what you did/);
    expect(said).not.toMatch(/Add the Result|Put a number on the result/);
  });

  it('does not call a measured outcome with "since then" in it a lesson-only close', () => {
    const a = analyzeAnswer(
      'In spring our weekly payroll export kept failing and the finance team re-entered rows by hand. I was asked to make it dependable before year end. I found that a timeout in the bank lookup caused it, added retries and set up an alert for rows that still failed. The export has gone through without a single failure for three months since then.',
    );
    expect(a.parts.result.present).toBe(true);
    expect(a.resultMeasured).toBe(true);
    const said = a.suggestions.join(' ');
    expect(said).not.toMatch(/You close on what you learned/);
    expect(said).not.toMatch(/also say what happened because of what you did/);
    expect(a.praise).toMatch(/the result is measured/);
  });

  it('still credits a "since then I always ..." close as the lesson it is', () => {
    const a = analyzeAnswer(
      'Last year I shipped a release that broke the login page for an hour. I had to find out why and stop it happening again. I traced it to a config change I had not tested and rolled it back. Since then I always test config changes on staging first.',
    );
    expect(a.suggestions.join(' ')).toMatch(/You close on what you learned \("Since then I always test config changes/);
  });

  it('says gently when the story is not about what the question asks', () => {
    const a = analyzeAnswer(
      'Last year I was the only developer on our booking site. I was asked to make the pages load faster. I compressed the images and added caching. Pages now load in under two seconds.',
      { question: 'Tell me about a time you had a conflict with a coworker.' },
    );
    expect(a.fit).toEqual({ asks: 'a conflict or disagreement with someone', fits: false });
    expect(renderFeedback(a)).toMatch(/The question asks about a conflict or disagreement with someone/);
  });

  it('says nothing of the kind when the story fits, or the question names no kind of situation', () => {
    const fits = analyzeAnswer(
      'Last year a colleague and I disagreed about the release plan. I asked him for coffee and we listened to each other. We agreed on a smaller first release, and it shipped on time.',
      { question: 'Tell me about a time you had a conflict with a coworker.' },
    );
    expect(fits.fit?.fits).toBe(true);
    expect(renderFeedback(fits)).not.toMatch(/The question asks about/);
    const open = analyzeAnswer('Last year I rebuilt our test suite. It runs in ten minutes now.', {
      question: 'Tell me about a project you are proud of.',
    });
    expect(open.fit).toBeUndefined();
    // the first line of a longer answer is too soon to judge
    const start = analyzeAnswer('Last spring our checkout was failing at peak.', {
      question: 'Tell me about a time the requirements changed mid-way through a project.',
    });
    expect(start.fit).toBeUndefined();
  });

  it('says why each sentence counted as what it did', () => {
    const a = analyzeAnswer(
      'At my last job our deploys failed every week. I was asked to fix them. I added a test stage. Failed deploys fell by 80% in a month.',
    );
    for (const s of a.sentences) expect(s.why.length, s.text).toBeGreaterThan(0);
    expect(a.sentences[1]?.why.join(' ')).toMatch(/responsib|goal/);
  });
});

describe('feedback a newcomer can believe', () => {
  it('reads a dated opening as the scene, not a measured result', () => {
    const a = analyzeAnswer(
      'In March 2023, two weeks before our launch, the payment provider changed its API. I was the engineer responsible for checkout, so I had to adapt our integration in time. I read the new docs, rewrote the client and added contract tests against their sandbox. We launched on the planned date and checkout errors stayed under 0.1% in the first month.',
    );
    expect(a.sentences[0]?.label).toBe('situation');
    expect(a.parts.result.sentences.join(' ')).not.toContain('In March 2023');
    expect(a.praise).not.toContain('In March 2023');
    expect(a.suggestions.join(' ')).not.toMatch(/Open with one sentence of context/);
  });

  it('praises a non-story only for what it visibly does', () => {
    for (const text of [
      'I would first talk to the stakeholders. Then I would re-plan the sprint and tell the team.',
      'I would eat a sandwich. I would go home.',
      'I usually work hard and communicate well.',
      'banana keyboard quickly purple the seventeen because cloud walking yesterday ocean synergy.',
    ]) {
      const a = analyzeAnswer(text);
      expect(a.story, text).toBe(false);
      expect(a.praise, text).toBe('');
      expect(renderFeedback(a)).not.toMatch(/Done well/);
    }
    const concrete = analyzeAnswer('I usually review about 30 pull requests a week for the team.');
    expect(concrete.praise).toMatch(/concrete detail: "I usually review about 30 pull requests/);
  });

  it('states one length rule, in the same words at every length', () => {
    const sentence = 'Last year I fixed our slow build by caching the dependencies in the pipeline. ';
    const said = [3, 10, 50].map((n) => analyzeAnswer(sentence.repeat(n)).suggestions.join(' '));
    const rules = said.flatMap((s) => s.match(/aim for \d+ to \d+ words/g) ?? []);
    expect(rules.length).toBeGreaterThanOrEqual(2);
    expect(new Set(rules)).toEqual(new Set(['aim for 100 to 300 words']));
    expect(said.join(' ')).not.toMatch(/150 to 300|aim for 100 to 300,/);
  });

  it('gives an answer it cannot read no score', () => {
    for (const text of [
      'El año pasado en mi trabajo, nuestro sistema fallaba cada semana y yo lo arreglé.',
      '🎉🎉🎉',
      'const x = f(1);\nreturn x;',
    ]) {
      const a = analyzeAnswer(text);
      expect(a.readable, text).toBe(false);
      expect(renderFeedback(a)).toMatch(/^\*\*STAR check: not scored\*\*/);
    }
    expect(analyzeAnswer('I usually work hard.').readable).toBe(true);
  });
});
