// What every `starling` subcommand shares with the dispatcher in index.ts: the command shape
// and the usage error. Kept apart so subcommands never import the dispatcher.

export interface Cli {
  /** What `starling --help` shows for it. */
  summary: string;
  /** Lines of detailed usage for `starling <command> --help`. */
  usage: string;
  run(args: string[]): Promise<number>;
}

/** A usage or input problem: printed without a stack trace. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
