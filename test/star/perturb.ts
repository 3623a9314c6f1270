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
    .replace(/(?:[$£€]\s?)?\d[\d,.]*(?:\s?(?:%|k\b|ms\b|x\b|percent\b))?/g, 'some')
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

// Past forms whose participle differs, plus those that do not end in -ed; the rest add -ed.
const PARTICIPLE: Record<string, string> = {
  wrote: 'written',
  rewrote: 'rewritten',
  took: 'taken',
  gave: 'given',
  chose: 'chosen',
  drew: 'drawn',
  began: 'begun',
  broke: 'broken',
  spoke: 'spoken',
  ran: 'run',
  made: 'made',
  built: 'built',
  rebuilt: 'rebuilt',
  found: 'found',
  held: 'held',
  sent: 'sent',
  set: 'set',
  put: 'put',
  cut: 'cut',
  split: 'split',
  led: 'led',
  brought: 'brought',
  spent: 'spent',
  kept: 'kept',
  told: 'told',
  bought: 'bought',
  sold: 'sold',
  paid: 'paid',
  taught: 'taught',
  read: 'read',
  met: 'met',
  sought: 'sought',
  laid: 'laid',
  shut: 'shut',
  redid: 'redone',
  did: 'done',
};
const STOP =
  /^(?:to|with|for|on|in|at|from|by|into|onto|over|about|across|around|under|between|against|behind|using|via|before|after|and|but|so|that|which|who|because|when|until|while|during|through|per|every|each|than|as|if|instead|without|i|we|he|she|they)$/i;
const PARTICLES = new Set(['up', 'out', 'down', 'off', 'together', 'back', 'over', 'through', 'in']);
const NOT_DEEDS = new Set([
  'was',
  'were',
  'had',
  'felt',
  'knew',
  'noticed',
  'realised',
  'realized',
  'needed',
  'wanted',
  'seemed',
]);

/**
 * Every "I <verb>ed <object>" turned passive: "I rewrote the forms to ..." becomes "The forms
 * were rewritten to ...". Steps without an object ("I talked to them") are left as they are;
 * `passiveApplies` tells whether any step by "I" is left.
 */
export function iToPassive(text: string): string {
  return text.replace(
    /\b(?:I|i)\s+((?:also|then|first|quickly|immediately|just|finally|personally)\s+)?([a-z]+)\b((?:(?!\b[Ii]\s)[^.!?;:\n])*)/g,
    (m, adv: string | undefined, verb: string, rest: string, offset: number, whole: string) => {
      const v = verb.toLowerCase();
      const participle = PARTICIPLE[v] ?? (/[a-z]{2}ed$/.test(v) && !NOT_DEEDS.has(v) ? v : undefined);
      // "When I joined", "after I left": the time of the scene, not a step
      if (!participle || /\b(?:when|while|after|before|as|since|once|until)\s+$/i.test(whole.slice(0, offset)))
        return m;
      const words = rest.trim().split(/\s+/).filter(Boolean);
      let at = 0;
      let particle = '';
      if (words[0] && PARTICLES.has(words[0].toLowerCase()) && words[1] && !STOP.test(words[1])) {
        particle = ` ${words[0]}`;
        at = 1;
      }
      const object: string[] = [];
      while (at < words.length && !STOP.test((words[at] as string).replace(/,$/, '')) && object.length < 8) {
        const w = words[at] as string;
        object.push(w.replace(/,$/, ''));
        at++;
        if (w.endsWith(',')) break;
      }
      if (!object.length || /^(?:to|that|me|us|him|her|them)$/i.test(object[0] as string)) return m;
      const head = object.join(' ');
      const plural = /s$/i.test(object[object.length - 1] as string) && !/ss$/i.test(head);
      const tail = words.slice(at).join(' ');
      // the space before the next "I" the match stopped at
      const trailing = /\s*$/.exec(rest)?.[0] ?? '';
      // a capital only where "I" opened the sentence
      const start = offset === 0 || /[.!?\n]\s*(?:-\s*)?$/.test(whole.slice(0, offset));
      const subject = start ? `${head[0]?.toUpperCase()}${head.slice(1)}` : head;
      return `${subject} ${plural ? 'were' : 'was'} ${adv ?? ''}${participle}${particle}${tail ? ` ${tail}` : ''}${trailing}`;
    },
  );
}

/** Whether a step by "I" is left after iToPassive (it could not turn that step). */
export function iStepLeft(text: string): boolean {
  return [
    ...text.matchAll(
      /\b(?:I|i)\s+(?:(?:also|then|first|quickly|immediately|just|finally|personally)\s+)?([a-z]+ ?[a-z]*)/g,
    ),
  ].some((m) => {
    const [v = '', next = ''] = (m[1] as string).toLowerCase().split(' ');
    return (
      Boolean(PARTICIPLE[v]) ||
      (/[a-z]{2}ed$/.test(v) && !NOT_DEEDS.has(v)) ||
      /^(?:sat|went|came|met|spoke|talked|got|stayed|worked|flew|drove)$/.test(v) ||
      (v === 'had' && (/^(?:a|an)$/.test(next) || /[a-z]{2}ed$/.test(next) || Boolean(PARTICIPLE[next])))
    );
  });
}
