// The layering the architecture promises, checked on the source text: the core never
// imports a platform SDK, migrations never import the application, and the chat
// framework never imports the features it routes to; and only configuration reads the
// environment.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else if (/\.(ts|js|mjs|cjs)$/.test(name)) out.push(path);
  }
  return out;
}

/** Every module specifier a file imports (static, dynamic and re-exports). */
function importsOf(source: string): string[] {
  const specs: string[] = [];
  const re =
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of source.matchAll(re)) specs.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');
  return specs;
}

function offenders(dir: string, bad: (spec: string, file: string) => boolean): string[] {
  return files(join(root, dir)).flatMap((file) =>
    importsOf(readFileSync(file, 'utf8'))
      .filter((spec) => bad(spec, file))
      .map((spec) => `${relative(root, file)} imports ${spec}`),
  );
}

describe('architecture', () => {
  it('finds imports of every form (the check itself works)', () => {
    const sample = `import a from '@slack/bolt';\nimport type { B } from "discord.js";\nconst c = await import('../src/x');\nexport { d } from './d';\nimport './side';`;
    expect(importsOf(sample).sort()).toEqual(['../src/x', './d', './side', '@slack/bolt', 'discord.js']);
  });

  it('src/ never imports a platform SDK', () => {
    expect(
      offenders(
        'src',
        (s) =>
          s.startsWith('@slack/') || s === 'discord.js' || s.startsWith('discord.js/') || s.startsWith('@discordjs/'),
      ),
    ).toEqual([]);
  });

  it("only the AI coach's endpoint talks to the model (one network client, one place)", () => {
    const outside = (spec: string, file: string) =>
      (spec === 'openai' || spec.startsWith('openai/')) && !file.endsWith(join('src', 'coach', 'endpoint.ts'));
    expect(['src', 'adapters', 'bench'].flatMap((dir) => offenders(dir, outside))).toEqual([]);
  });

  it('migrations/ never import the application', () => {
    expect(offenders('migrations', (s) => s.includes('/src/') || s.startsWith('../src') || s === '../src')).toEqual([]);
  });

  it('the chat framework never imports features, and only the entry points (main, cli) import adapters', () => {
    expect(offenders('src/chat', (s) => /(^|\/)(practice|guides|star|scheduler)(\/|$)/.test(s))).toEqual([]);
    const entry = (file: string) => file.endsWith(join('src', 'main.ts')) || file.includes(join('src', 'cli'));
    expect(offenders('src', (s, file) => s.includes('adapters/') && !entry(file))).toEqual([]);
  });

  it('only configuration reads the environment (NO_COLOR aside); the rest is handed its settings', () => {
    const allowed = (file: string) =>
      /^src\/config[^/]*\.ts$/.test(file) || ['src/env.ts', 'src/main.ts', 'src/cli/index.ts'].includes(file);
    const readers = ['src', 'adapters'].flatMap((dir) =>
      files(join(root, dir)).flatMap((path) => {
        const file = relative(root, path).split('\\').join('/');
        if (allowed(file)) return [];
        return readFileSync(path, 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            /process\.env/.test(line.replace(/process\.env\.NO_COLOR/g, '')) ? [`${file}:${i + 1}`] : [],
          );
      }),
    );
    expect(readers).toEqual([]);
  });
});
