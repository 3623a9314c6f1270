// The terminal study group driven through piped input: `npm start` with no tokens.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePng } from '../charts/png';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'starling-console-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(
  input: string,
  db: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(SLACK_|DISCORD_|LOG_|CONSOLE_USER|DATABASE_URL|CONTENT_DIR)/.test(k),
    ),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/starling.js', 'start'], {
      cwd: root,
      env: { ...clean, DATABASE_URL: join(dir, db), NO_COLOR: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(input);
  });
}

const COMPLETE =
  'Last spring at my previous job our checkout service was failing during peak sales. As the on-call lead, my goal was to stop the outages before the launch. I profiled the service and found a slow query, then I added an index and a cache. As a result, checkout errors dropped from 4% to 0.2%.';
const NO_RESULT =
  'In 2023 at Acme our team was behind on a data migration for a hospital client. I was responsible for moving the records safely. I wrote validation scripts and ran the migration in small batches.';

describe('npm start with piped input', () => {
  it('answers each piped line as a whole reply at once, whatever the quiet period, and lists the story', async () => {
    const started = Date.now();
    const { code, out } = await run(`${NO_RESULT}\n${COMPLETE}\n/prep stories\n`, 'piped-quiet.db', {
      FEEDBACK_QUIET_SECONDS: '30',
    });
    expect(code).toBe(0);
    // two replies, two feedbacks, each before the next line was read; nobody waited 30 s
    const feedback = out.split('Feedback on your answer');
    expect(feedback).toHaveLength(3);
    expect(feedback[1]).toContain('STAR check: 4 of 6');
    expect(feedback[2]).toMatch(/STAR check: \d of 6/);
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(out).toContain('Your story bank: 1 story');
    expect(out).toContain('Competencies with no story yet');
  });

  it("prints CHOP's tips and exits 0", async () => {
    const { code, out, err } = await run('/prep tips chop\n', 'tips.db');
    // the first start says where the new database is, and nothing else goes to stderr
    expect(err).toBe(
      `Starling: created a new database at ${join(dir, 'tips.db')} (set DATABASE_URL to keep it elsewhere)\n`,
    );
    expect(code).toBe(0);
    expect(out).toContain('Question of the day');
    expect(out).toContain("Children's Hospital of Philadelphia · Software Engineer: in short");
    expect(out).toMatch(/\nTips\n- \S/); // the guide's own tips, as a list
    // Plain text when piped: no colour codes, no markdown markers.
    expect(out).not.toContain('\x1b[');
    expect(out).not.toContain('**');
  });

  it('runs a study session: answers, feedback, markers, retry, another member, summary', async () => {
    const lines = [
      NO_RESULT,
      '/prep retry',
      `${NO_RESULT} As a result, we finished two days early with zero lost records.`,
      '/as Bob',
      COMPLETE,
      '/prep me',
      '/as you',
      '/prep leaderboard',
      '/prep frobnicate',
      '/wat',
    ];
    const { code, out } = await run(`${lines.join('\n')}\n`, 'session.db');
    expect(code).toBe(0);
    expect(out).toMatch(/only you can see this[\s\S]*STAR check: \d of 6/);
    expect(out).toMatch(/marker on your answer: S ✓ · T ✓ · A ✓\n/);
    expect(out).toContain('counts as attempt 2');
    expect(out).toContain('Compared with attempt 1');
    expect(out).toMatch(/Better than last time: it now has a Result/);
    expect(out).toMatch(/only Bob can see this[\s\S]*Answers given: 1/);
    expect(out).toMatch(
      /Leaderboard · last 30 days[\s\S]*Bob[\s\S]*you|Leaderboard · last 30 days[\s\S]*you[\s\S]*Bob/,
    );
    expect(out).toContain('There is no `/prep frobnicate` command');
    expect(out).toContain('There is no /wat here');
  });

  it('holds a mock interview: each piped line answered before the next, then the scorecard; resumed on the next start', async () => {
    const lines = [
      '/prep mock chop behavioral 2',
      NO_RESULT,
      'As a result, we finished two days early with zero lost records.',
      '/prep me',
    ];
    const { code, out } = await run(`${lines.join('\n')}\n`, 'mock.db');
    expect(code).toBe(0);
    // in order: the question, the answer, the follow-up quoting it, the reply, the next question
    expect(out).toMatch(
      /Question 1 of 2[\s\S]*you: In 2023[\s\S]*You said: “I wrote validation scripts and ran the migration in small batches\.”\nAnd what was the result\?[\s\S]*you: As a result[\s\S]*Question 2 of 2/,
    );
    // the daily question's thread got none of it
    expect(out).not.toMatch(/marker on your answer/);
    expect(out).toMatch(/Mock interviews: 1 \(1 answer; all four STAR parts in 0 at first, 1 after follow-ups\)/);
    const again = await run('/prep mock\nstop\n', 'mock.db');
    expect(again.out).toMatch(/still open here|still open in your direct messages/);
    expect(again.out).toMatch(/Mock interview scorecard: 1 of 2 answered[\s\S]*R ✗ → S ✓ · T ✓ · A ✓ · R ✓/);
  });

  it('shows the same open question again on the next start', async () => {
    const first = await run('', 'resume.db');
    const second = await run('', 'resume.db');
    const question = (out: string) => /│ (.+\?)/.exec(out)?.[1];
    expect(question(first.out)).toMatch(/\?$/);
    expect(question(second.out)).toBe(question(first.out));
  });

  it('answers with the STAR form, then edits and deletes a reply', async () => {
    const lines = [
      '/form',
      'Last spring at my previous job our checkout service was failing during peak sales.',
      'As the on-call lead, my goal was to stop the outages before the launch.',
      'I profiled the service, then I added an index and a cache in front of the slow query.',
      'As a result, checkout errors dropped from 4% to 0.2%.',
      '/as Cy',
      'I usually stay calm.',
      '/edit I usually stay calm and I would listen to everyone.',
      '/delete',
      '/prep forget-me',
      '/press 1',
    ];
    const { code, out } = await run(`${lines.join('\n')}\n`, 'form.db');
    expect(code).toBe(0);
    expect(out).toContain('you answered with the STAR form:');
    expect(out).toContain('marker on your answer: S ✓ · T ✓ · A ✓ · R ✓');
    expect(out).toContain('Updated after your edit');
    expect(out).toContain('Cy deleted a reply.');
    expect(out).toContain('Deleted 0 answers (0 replies), 0 analyses, your streaks and your member record');
  });

  it('/edit after /form edits the form answer; the form is offered under one name', async () => {
    const lines = [
      '/form',
      'Last spring at my previous job our checkout service was failing during peak sales.',
      'As the on-call lead, my goal was to stop the outages before the launch.',
      'I profiled the service, then I added an index and a cache in front of the slow query.',
      'The launch went ahead.',
      '/edit Last spring our checkout failed at peak. My goal was to stop it. I added an index and a cache. As a result, errors dropped from 4% to 0.2%.',
      '',
    ];
    const { code, out } = await run(`${lines.join('\n')}\n`, 'form-edit.db');
    expect(code).toBe(0);
    expect(out).not.toContain('You have no reply to edit yet');
    // the terminal cannot edit what it printed: the new feedback is printed anew, saying what changed
    expect(out.match(/Feedback on your answer/g)).toHaveLength(2);
    expect(out).toMatch(
      /Updated after your edit[\s\S]*What your edit changed: Better than last time: it now has a measured result/,
    );
    expect(out).toContain('Nothing to send: type your answer, or /help');
    expect(out).toContain('[Answer with the STAR form] – type /form');
    expect(out).not.toContain('[STAR form]');
  });

  it('a non-English answer gets no score and stays out of every STAR figure; export goes to files', async () => {
    const spanish =
      'El año pasado en mi trabajo anterior, nuestro sistema de pagos fallaba cada semana. Yo era responsable de arreglarlo antes del lanzamiento. Analicé los registros y encontré una consulta lenta. Como resultado, los errores bajaron un 80 por ciento.';
    const { code, out } = await run(`${spanish}\n/prep me\n/prep leaderboard\n/prep export\n`, 'spanish.db');
    expect(code).toBe(0);
    expect(out).toContain('STAR check: not scored');
    expect(out).not.toMatch(/0 of 6/);
    expect(out).toContain('1 answer the check could not read (not in English, or code only) counts above');
    expect(out).not.toMatch(/STAR checks 0%/);
    const saved = [...out.matchAll(/file saved: (\S+) \(/g)].map((m) => m[1] as string);
    expect(saved.map((p) => p.replace(/.*\//, ''))).toEqual([
      expect.stringMatching(/^starling-export-\d{4}-\d{2}-\d{2}\.json$/),
      expect.stringMatching(/^starling-export-\d{4}-\d{2}-\d{2}\.md$/),
    ]);
    expect(saved.every((p) => p.startsWith(join(dir, 'exports')))).toBe(true);
    expect(JSON.parse(readFileSync(saved[0] as string, 'utf8')).answers[0].scored).toBe(false);
    const md = readFileSync(saved[1] as string, 'utf8');
    expect(md).toContain('No STAR score');
    expect(md).not.toContain('STAR checks passed');
    expect(out).not.toContain('"workspace"'); // the JSON is in the file, not on the screen
  });

  it('/prep me saves the progress chart as a PNG under the data folder and prints its path beside the text', async () => {
    const { code, out } = await run(`/prep question acme\n${COMPLETE}\n/prep me\n`, 'chart.db');
    expect(code).toBe(0);
    expect(out).toContain('Answers given');
    const path = /chart saved: (\S+) \(/.exec(out)?.[1] ?? '';
    expect(path.startsWith(join(dir, 'charts'))).toBe(true);
    expect(path).toMatch(/\.png$/);
    const png = decodePng(readFileSync(path));
    expect(png).toMatchObject({ width: 800, height: 400 });
    expect(png.colours).toBeGreaterThan(8);
    expect(out).toMatch(/Chart: .*answers per week/);
  });

  it('stops with one clear message and exit code 78 on bad settings', async () => {
    const { code, out, err } = await run('', 'bad.db', { LOG_LEVEL: 'loud' });
    expect(code).toBe(78);
    expect(out).toBe('');
    expect(err).toContain('LOG_LEVEL must be one of');
    expect(err).not.toMatch(/\n\s+at /);
  });
});
