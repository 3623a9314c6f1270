import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/star/split';

const texts = (s: string) => splitSentences(s).map((x) => x.text);

describe('sentence splitting', () => {
  it('keeps abbreviations, dotted names and versions inside their sentence', () => {
    expect(
      texts(
        'I moved the service to Node.js and shipped v2.0 of the API, e.g. the billing part. In the U.S. market sales grew by 3.5%. Dr. Smith approved it.',
      ),
    ).toEqual([
      'I moved the service to Node.js and shipped v2.0 of the API, e.g. the billing part.',
      'In the U.S. market sales grew by 3.5%.',
      'Dr. Smith approved it.',
    ]);
  });

  it('ends a sentence after a dotted abbreviation when a new sentence clearly starts', () => {
    expect(texts('We expanded into the U.S. Then I hired a local team.')).toEqual([
      'We expanded into the U.S.',
      'Then I hired a local team.',
    ]);
  });

  it('splits on ! and ? and keeps quotes with their sentence', () => {
    expect(texts('It broke on launch day! Why? Nobody had tested the "happy path."  I fixed it.')).toEqual([
      'It broke on launch day!',
      'Why?',
      'Nobody had tested the "happy path."',
      'I fixed it.',
    ]);
  });

  it('reads bullet lists and numbered lists as one sentence per item, without the bullet', () => {
    expect(
      texts('- profiled the service\n* added a cache\n• set up alerts\n1. wrote a runbook\n2) trained the team'),
    ).toEqual(['profiled the service', 'added a cache', 'set up alerts', 'wrote a runbook', 'trained the team']);
  });

  it('treats line breaks as sentence ends but rejoins a hard-wrapped paragraph', () => {
    expect(texts('Our deploys were manual\nI automated them')).toEqual(['Our deploys were manual', 'I automated them']);
    expect(texts('Our deploys were manual and took\nmost of a day. I automated them.')).toEqual([
      'Our deploys were manual and took\nmost of a day.',
      'I automated them.',
    ]);
  });

  it('takes "Situation:" style headings as the author naming the part', () => {
    const segs = splitSentences(
      'Situation: the site was slow.\nTask: make it fast.\nAction: I added a CDN.\nResult: pages load in 1s.',
    );
    expect(segs.map((s) => [s.heading, s.text])).toEqual([
      ['situation', 'the site was slow.'],
      ['task', 'make it fast.'],
      ['action', 'I added a CDN.'],
      ['result', 'pages load in 1s.'],
    ]);
  });

  it('splits unpunctuated transcript text on discourse markers and new clauses', () => {
    const out = texts(
      'so at my last job our billing system kept failing every month end my manager asked me to fix it so i went through the logs and then i added a lock and after that we had zero failures',
    );
    expect(out.length).toBeGreaterThanOrEqual(4);
    expect(out).toContain('so i went through the logs');
    expect(out.some((s) => s.startsWith('my manager asked me'))).toBe(true);
    expect(out[out.length - 1]).toBe('and after that we had zero failures');
  });

  it('keeps a fenced code block as one piece', () => {
    const segs = splitSentences('I wrote this:\n```\nconst a = 1. b = 2;\nif (x) { y(); }\n```\nIt worked.');
    expect(segs.map((s) => s.code ?? false)).toEqual([false, true, false]);
    expect(segs[1]?.text).toContain('if (x) { y(); }');
  });

  it('gives offsets that point back into the original text', () => {
    const input = '  - First I looked.\n\nThen   I fixed it!  ';
    for (const s of splitSentences(input)) expect(input.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps a leading emoji with its sentence and treats a trailing one as a full stop', () => {
    expect(texts('🚀 Shipped the new flow 🎉 Conversion went up 18%')).toEqual([
      '🚀 Shipped the new flow 🎉',
      'Conversion went up 18%',
    ]);
  });
});
