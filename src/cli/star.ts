// `starling star [--json] [file]`: analyse one answer from a file or standard input.
import { readFile } from 'node:fs/promises';
import { type Analysis, analyzeAnswer } from '../star';
import { parseCli } from './args';
import { type Cli, CliError } from './errors';

const STAR_USAGE = 'Usage: starling star [--json] [file]   (no file, or -, reads the answer from standard input)';

const LETTER = { situation: 'S', task: 'T', action: 'A', result: 'R', other: '·' } as const;
const MAX_BYTES = 1_000_000;

export const cli: Cli = {
  summary: 'analyse an interview answer for STAR structure',
  usage: [
    'Usage: starling star [--json] [file]',
    '',
    'Reads one interview answer from <file>, or from standard input when no file is given,',
    'and shows each sentence marked S, T, A or R, the checks passed and the feedback.',
    '',
    '  --json   print the full analysis as JSON instead',
    '',
    'Example: echo "Last year our deploys failed weekly. I added tests. Failures fell 80%." | starling star',
  ].join('\n'),
  async run(args) {
    const { values, positionals: files } = parseCli(args, { json: { type: 'boolean' } }, STAR_USAGE);
    const json = values.json === true;
    if (files.length > 1) throw new CliError(`give one file at most (got ${files.length}).\n\n${STAR_USAGE}`, 2);
    const file = files[0] === '-' ? undefined : files[0];
    let text: string;
    if (file) {
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const why =
          code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? String(err));
        throw new CliError(`cannot read ${file}: ${why}. Give the path of a text file holding the answer.`);
      }
    } else {
      if (process.stdin.isTTY) process.stderr.write('Type or paste the answer, then press Ctrl-D.\n');
      text = await readStdin();
    }
    if (Buffer.byteLength(text) > MAX_BYTES) {
      throw new CliError(`the answer is ${Math.round(Buffer.byteLength(text) / 1000)} KB; give at most 1 MB of text.`);
    }
    if (!text.trim()) {
      throw new CliError(
        `the answer is empty${file ? ` (${file})` : ''}. Write the answer in a file, or pipe it in: echo "Last year I ..." | starling star`,
      );
    }
    const a = analyzeAnswer(text);
    process.stdout.write(json ? `${JSON.stringify(a, null, 2)}\n` : `${renderText(a)}\n`);
    return 0;
  },
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The terminal view: sentences marked, then checks, then feedback. */
export function renderText(a: Analysis): string {
  const lines: string[] = ['Sentences:'];
  for (const s of a.sentences) {
    lines.push(`  ${LETTER[s.label]}  ${s.text.replace(/\s+/g, ' ')}`);
    if (s.why.length) lines.push(`       (${s.why.join('; ')})`);
  }
  lines.push('', `Checks: ${a.checks.passed} of ${a.checks.total}`);
  for (const c of a.checks.items) lines.push(`  ${c.passed ? '[x]' : '[ ]'} ${c.name}`);
  const share =
    a.ownership.iShare === null ? 'no actions' : `${Math.round(a.ownership.iShare * 100)}% of actions say "I"`;
  lines.push(`  ${a.wordCount} words (${a.length}); ${share}`);
  lines.push('', 'Feedback:');
  for (const f of a.feedback) lines.push(`  - ${f}`);
  return lines.join('\n');
}
