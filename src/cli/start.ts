// `starling start`: the bot. With no platform tokens it is the terminal study group.
import { start } from '../main';
import type { Cli } from './errors';

export const cli: Cli = {
  summary: 'run the bot (the terminal study group when no platform tokens are set)',
  usage: `Usage: starling start

Runs Starling. With SLACK_* or DISCORD_* settings it connects to those platforms;
with none it runs the study group "#prep" in this terminal (CONSOLE_USER names you).
Piped input is read line by line and the bot exits when it ends:

  printf '/prep tips chop\\n' | npx starling start`,
  async run(args) {
    if (args.length > 0) {
      process.stderr.write(
        `starling start takes no arguments (got ${args.join(' ')}); settings come from the environment or .env.\n`,
      );
      return 2;
    }
    return start();
  },
};
