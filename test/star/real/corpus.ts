// The corpus of real answers from public sources (test/star/real/parts/*.jsonl, described in
// LABELLING.md): loaded, validated, located in their own text, and split into a development
// part and a test part by a seeded hash of the source, so every answer from one page or file
// falls on the same side and the test part holds sources the analyser was never tuned on.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Label } from '../../../src/star';

export const SPLIT_SEED = 'starling-real-v1';
/** Share of sources (by hash) that go to the test part. */
const TEST_SHARE = 40;

const Code = z.enum(['S', 'T', 'A', 'R', 'O']);
const Sentence = z.union([z.tuple([Code, z.string().min(1)]), z.tuple([Code, z.string().min(1), z.literal('lesson')])]);
export const RealAnswer = z.object({
  id: z.string().regex(/^[a-z0-9]+-\d{3}$/),
  source: z.string().min(8),
  source_title: z.string(),
  licence: z.string().min(1),
  kind: z.enum(['spoken', 'written']),
  style: z.enum(['prose', 'labelled', 'bullets', 'chat', 'transcript']),
  question: z.string().nullable(),
  text: z.string().min(1),
  sentences: z.array(Sentence).min(1),
  story: z.boolean(),
  own_actions: z.boolean().nullable(),
  measured: z.boolean(),
  on_topic: z.boolean().nullable(),
  notes: z.string().optional(),
});
export type RealAnswer = z.infer<typeof RealAnswer>;

const CODE: Record<string, Label> = { S: 'situation', T: 'task', A: 'action', R: 'result', O: 'other' };

interface GoldSpan {
  start: number;
  end: number;
  label: Label;
  lesson: boolean;
}

export interface GoldAnswer {
  id: string;
  text: string;
  spans: GoldSpan[];
  story: boolean;
  measured: boolean;
  ownActions: boolean | null;
  spoken: boolean;
  style: string;
  question: string | null;
  onTopic: boolean | null;
  source: string;
  split: 'dev' | 'test';
}

const dir = fileURLToPath(new URL('./parts/', import.meta.url));
const movedFile = fileURLToPath(new URL('./moved-to-dev.json', import.meta.url));

/** Where the source lives, without query or fragment: one page or one repository file. */
export function sourceKey(source: string): string {
  return source
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(www\.)?/, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

function splitOf(source: string, id: string, moved: Set<string>): 'dev' | 'test' {
  if (moved.has(id)) return 'dev';
  const h = createHash('sha256')
    .update(`${SPLIT_SEED}:${sourceKey(source)}`)
    .digest();
  return h.readUInt32BE(0) % 100 < TEST_SHARE ? 'test' : 'dev';
}

/** Each labelled sentence's place in the text, in order; throws when one is not there. */
function locate(a: RealAnswer): GoldSpan[] {
  let cursor = 0;
  return a.sentences.map(([code, sentence, lesson]) => {
    const at = a.text.indexOf(sentence, cursor);
    if (at < 0) throw new Error(`${a.id}: sentence not found in its text after offset ${cursor}: "${sentence}"`);
    cursor = at + sentence.length;
    return { start: at, end: cursor, label: CODE[code] as Label, lesson: lesson === 'lesson' };
  });
}

function readMoved(): Set<string> {
  try {
    return new Set(z.array(z.string()).parse(JSON.parse(readFileSync(movedFile, 'utf8'))));
  } catch {
    return new Set();
  }
}

export function loadRaw(): RealAnswer[] {
  const out: RealAnswer[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    readFileSync(dir + file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        const parsed = RealAnswer.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`);
        out.push(parsed.data);
      });
  }
  return out;
}

export function loadReal(part?: 'dev' | 'test'): GoldAnswer[] {
  const moved = readMoved();
  const all = loadRaw().map(
    (a): GoldAnswer => ({
      id: a.id,
      text: a.text,
      spans: locate(a),
      story: a.story,
      measured: a.measured,
      ownActions: a.own_actions,
      spoken: a.kind === 'spoken',
      style: a.style,
      question: a.question,
      onTopic: a.on_topic,
      source: a.source,
      split: splitOf(a.source, a.id, moved),
    }),
  );
  return part ? all.filter((a) => a.split === part) : all;
}
