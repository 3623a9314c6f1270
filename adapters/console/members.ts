// Who is typing in the terminal study group, and the adapter's settings.

export interface ConsoleOptions {
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream & { isTTY?: boolean };
  /** The member you play at first. */
  user?: string;
  /** Colours and prompts; defaults to whether output is a terminal (and NO_COLOR is unset). */
  color?: boolean;
  clock?: () => Date;
  /** Where files the bot sends (an export) are saved; without it they are printed inline. */
  filesDir?: string;
  /** Where charts are saved as PNG files; without it only their text alternative is shown. */
  chartsDir?: string;
}

/** A member's id from the name typed after /as: lower case, words joined by dashes. */
export function memberId(name: string): string {
  return (
    name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'member'
  );
}
