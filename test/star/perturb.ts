// Rewrites with a known effect on the analysis, applied to the labelled answers.
import { compose, type LabelledAnswer } from './evaluate';

/** The answer without its Result sentences. */
export function withoutResult(a: LabelledAnswer): string {
  return compose({ ...a, sentences: a.sentences.filter(([l]) => l !== 'R') }).text;
}

/** Every first-person singular turned plural. */
export function iToWe(text: string): string {
  const map: Record<string, string> = {
    i: 'we',
    "i'm": "we're",
    "i've": "we've",
    "i'd": "we'd",
    "i'll": "we'll",
    me: 'us',
    my: 'our',
    mine: 'ours',
    myself: 'ourselves',
  };
  return text
    .replace(/\b(i'm|i've|i'd|i'll|i|me|my|mine|myself)\b/gi, (w) => {
      const to = map[w.toLowerCase()] as string;
      return w[0] === w[0]?.toUpperCase() && w !== 'I' ? to[0]?.toUpperCase() + to.slice(1) : w === 'I' ? 'we' : to;
    })
    .replace(/(^|[.!?]\s+|\n-?\s*)we\b/g, (_, p) => `${p}We`);
}

const NUMBER_WORDS =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|half|twice|zero|dozen)\b/gi;

/** Every quantity gone: before/after pairs become "a lot", other numbers "some". */
export function withoutNumbers(text: string): string {
  return text
    .replace(/\bfrom [^.,;\n]*?\bto [^\s.,;\n]+(?: (?:a|per) [a-z]+| [a-z]+%?)?/gi, 'a lot')
    .replace(/(?:[$£€]\s?)?\d[\d,.]*\s?(?:%|k\b|ms\b|x\b|percent\b)?/g, 'some')
    .replace(NUMBER_WORDS, 'some')
    .replace(/\b(?:doubled|tripled|halved)\b/gi, 'changed')
    .replace(/\bpercent\b/gi, '');
}

const IRREGULAR: Record<string, string> = {
  was: 'be',
  were: 'be',
  had: 'have',
  did: 'do',
  got: 'get',
  went: 'go',
  made: 'make',
  took: 'take',
  found: 'find',
  wrote: 'write',
  ran: 'run',
  built: 'build',
  led: 'lead',
  saw: 'see',
  told: 'tell',
  gave: 'give',
  kept: 'keep',
  began: 'begin',
  brought: 'bring',
  spent: 'spend',
  sent: 'send',
  met: 'meet',
  chose: 'choose',
  came: 'come',
  set: 'set',
  put: 'put',
  cut: 'cut',
  shut: 'shut',
  held: 'hold',
  spoke: 'speak',
  thought: 'think',
  knew: 'know',
  left: 'leave',
  paid: 'pay',
  sold: 'sell',
  taught: 'teach',
  stood: 'stand',
  felt: 'feel',
  rewrote: 'rewrite',
  read: 'read',
  added: 'add',
};

function base(verb: string): string {
  const lower = verb.toLowerCase();
  if (IRREGULAR[lower]) return IRREGULAR[lower];
  if (/ied$/.test(lower)) return lower.replace(/ied$/, 'y');
  if (/([bdgmnprt])\1ed$/.test(lower)) return lower.slice(0, -3);
  if (/(?:at|iz|is|c|g|v|u|rs|ns|ok|ll|ps|ar)ed$/.test(lower) || /[^aeiou][aeiou][^aeiouwxy]ed$/.test(lower))
    return lower.replace(/d$/, '');
  return lower.replace(/ed$/, '');
}

/** The story retold as a plan: "I profiled" becomes "I would profile", and time anchors go. */
export function asHypothetical(text: string): string {
  return (
    text
      .replace(
        /\b(I|we|We|i)\s+((?:also|then|first|quickly|immediately|just)\s+)?([a-z]+ed|[a-z]+)\b/g,
        (m, subj, adv, verb) => {
          const v = verb.toLowerCase();
          if (!/ed$/.test(v) && !IRREGULAR[v]) return m;
          return `${subj} would ${adv ?? ''}${base(v)}`;
        },
      )
      // "I would draft it and asked ..." → "... and ask ...": the second step of the same sentence
      .replace(/(\bwould [a-z]+\b[^.!?\n]*?\band )([a-z]+ed)\b/g, (_, pre, verb) => `${pre}${base(verb)}`)
      .replace(/\b(?:last (?:year|spring|summer|winter|month)|in (?:19|20)\d\d|(?:\w+ )?years? ago),?\s*/gi, '')
  );
}

/** What speech-to-text gives: no capitals, no punctuation, one line. */
export function asTranscript(text: string): string {
  return text
    .toLowerCase()
    .replace(/[.,!?;:"()]/g, '')
    .replace(/\s*\n\s*-?\s*/g, ' ');
}
