// The terminal study group in a real pseudo-terminal (util-linux `script` gives the bot a
// TTY): how a member leaves, and what a start-up failure looks like there.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'starling-tty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hasScript = spawnSync('script', ['--version']).status === 0;

interface Session {
  child: ChildProcess;
  output: () => string;
  waitFor: (pattern: RegExp, ms?: number) => Promise<void>;
  exit: (ms?: number) => Promise<number | null>;
}

function session(env: Record<string, string>): Session {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(SLACK_|DISCORD_|LOG_|CONSOLE_USER|DATABASE_URL|CONTENT_DIR)/.test(k),
    ),
  );
  // -e: the bot's exit code is script's; -f: output as it comes; the command runs on a pty
  const child = spawn('script', ['-qfec', `${process.execPath} bin/starling.js start`, '/dev/null'], {
    cwd: root,
    env: { ...clean, NO_COLOR: '1', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    async waitFor(pattern, ms = 15_000) {
      const end = Date.now() + ms;
      while (!pattern.test(out)) {
        if (Date.now() > end) throw new Error(`no ${pattern} in:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async exit(ms = 8_000) {
      const timer = new Promise<'running'>((r) => setTimeout(() => r('running'), ms));
      const r = await Promise.race([exited, timer]);
      if (r === 'running') {
        child.kill('SIGKILL');
        return -1;
      }
      return r;
    },
  };
}

describe.skipIf(!hasScript)('the terminal study group in a real terminal', () => {
  it.each(['/quit', '/exit'])('%s leaves: no new prompt, the process ends with 0', async (command) => {
    const s = session({ DATABASE_URL: join(dir, `${command.slice(1)}.db`) });
    await s.waitFor(/you › /);
    s.child.stdin?.write('/prep help\r');
    await s.waitFor(/for examples\s+(?:\S+)?you › /); // the help, then the next prompt
    s.child.stdin?.write(`${command}\r`);
    expect(await s.exit()).toBe(0);
    // after the command was typed, no prompt was drawn again
    expect(s.output().split(command).at(-1)).not.toMatch(/you › /);
  });

  it('a pasted answer of many lines is one reply with one feedback', async () => {
    const s = session({ DATABASE_URL: join(dir, 'paste.db') });
    await s.waitFor(/you › /);
    const paste = [
      'Last spring at my previous job our checkout service was failing during peak sales.',
      'As the on-call lead, my goal was to stop the outages before the launch.',
      'I profiled the service, then I added an index and a cache.',
      'As a result, checkout errors dropped from 4% to 0.2%.',
    ];
    s.child.stdin?.write(`${paste.join('\r')}\r`);
    await s.waitFor(/STAR check: \d of 6[\s\S]*you › /);
    // lines are handled in order: once a later command is answered, any second feedback would be out
    s.child.stdin?.write('/prep employers\r');
    await s.waitFor(/guides[\s\S]*Harvard Medical School[\s\S]*you › /);
    expect(s.output().match(/Feedback on your answer/g)).toHaveLength(1);
    expect(s.output()).toMatch(/STAR check: 6 of 6/);
    s.child.stdin?.write('/quit\r');
    expect(await s.exit()).toBe(0);
  });

  it('three typed replies get one feedback after the quiet period, reading all three, and a fresh prompt', async () => {
    const s = session({ DATABASE_URL: join(dir, 'quiet.db'), FEEDBACK_QUIET_SECONDS: '1' });
    await s.waitFor(/you › /);
    const replies = [
      'Last spring at my previous job our checkout service was failing during peak sales.',
      'As the on-call lead, my goal was to stop the outages before the launch.',
      'I profiled the service, then I added an index and a cache. As a result, checkout errors dropped from 4% to 0.2%.',
    ];
    for (const [i, line] of replies.entries()) {
      s.child.stdin?.write(`${line}\r`);
      // each typed line is its own reply: its marker shows before the next is typed
      await s.waitFor(new RegExp(`(marker on your answer[^\\n]*[\\s\\S]*){${i + 1}}`));
    }
    expect(s.output()).not.toMatch(/Feedback on your answer/);
    await s.waitFor(/STAR check: 6 of 6[\s\S]*Done well[\s\S]*you › /, 5_000);
    expect(s.output().match(/Feedback on your answer/g)).toHaveLength(1);
    const feedback = s.output().split('Feedback on your answer').at(-1) ?? '';
    expect(feedback).toContain('S Last spring at my previous job');
    expect(feedback).toContain('T As the on-call lead');
    expect(feedback).toMatch(/R As a result, checkout errors dropped/);
    s.child.stdin?.write('/quit\r');
    expect(await s.exit()).toBe(0);
  });

  it.each([
    ['Ctrl-D', '\x04'],
    ['Ctrl-C', '\x03'],
  ])('%s leaves too', async (name, key) => {
    const s = session({ DATABASE_URL: join(dir, `${name}.db`) });
    await s.waitFor(/you › /);
    s.child.stdin?.write(key);
    expect(await s.exit()).toBe(0);
  });

  it('a start-up failure is one message and a non-zero exit, with no prompt left behind', async () => {
    const s = session({ DATABASE_URL: join(dir, 'no', 'such', 'folder', 's.db') });
    expect(await s.exit()).toBe(1);
    expect(s.output()).toMatch(/its folder .*folder does not exist\. Create the folder first/);
    expect(s.output()).not.toMatch(/you › |\n\s+at /);
  });
});
