// One argument parser for every `starling` command: node:util's parseArgs, with its errors
// turned into short lines that name the option and show the command's usage.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CliError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The option a parse error is about: node quotes it as '--name' or '--name <value>'. */
function optionIn(message: string): string {
  return /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? 'an option';
}

function explain(err: NodeJS.ErrnoException, usage: string): CliError {
  const option = optionIn(err.message);
  const said =
    err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      ? `unknown option ${option}`
      : err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
        ? /argument missing/.test(err.message)
          ? `${option} needs a value after it`
          : `${option} takes no value`
        : err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
          ? 'this command takes no plain arguments'
          : err.message;
  return new CliError(`${said}.\n\n${usage}`, 2);
}

/** Parses `args` against `options`; a mistake is a CliError (exit 2) with the usage. */
export function parseCli<O extends Options>(args: string[], options: O, usage: string, positionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals: positionals, strict: true });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS_')) throw explain(e, usage);
    throw err;
  }
}

/**
 * The lines of a command's usage about one subcommand ("import" of `starling guide`): the
 * lines that name it and the more indented lines that continue them, then the options.
 */
export function subcommandUsage(usage: string, command: string, sub: string): string | undefined {
  const lines = usage.split('\n');
  const picked: string[] = [];
  const indent = (l: string) => l.length - l.trimStart().length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.includes(`starling ${command} ${sub}`) && !line.trimStart().startsWith(`${sub} `)) continue;
    picked.push(line.trimStart());
    for (let k = i + 1; k < lines.length && indent(lines[k] as string) > indent(line) + 2; k++) {
      picked.push(`  ${(lines[k] as string).trim()}`);
    }
  }
  if (!picked.length) return undefined;
  const options = usage.slice(usage.indexOf('\nOptions:') + 1);
  const head = picked[0]?.startsWith('starling') ? 'Usage: ' : `Usage: starling ${command} `;
  return `${head}${picked.join('\n')}${usage.includes('\nOptions:') ? `\n\n${options}` : ''}`;
}
