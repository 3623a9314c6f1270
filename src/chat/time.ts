// Times in outbound text are data, not prose: a token carries the instant, how it is
// meant (a moment, a date, a distance from now) and the words the core wrote for it.
// Each adapter renders the token its own way (Discord `<t:…:F>` shown in the reader's
// own time zone, Slack `<!date^…>`); anything that cannot shows the words.

/** How a time is shown: `moment` a date and time, `date` a day, `relative` "in 3 hours". */
export type TimeStyle = 'moment' | 'date' | 'relative';

const LETTER: Record<TimeStyle, string> = { moment: 'F', date: 'D', relative: 'R' };
const STYLE_OF: Record<string, TimeStyle> = { F: 'moment', D: 'date', R: 'relative' };

/** `<time:1772438400000:F|Mon 2 Mar 09:00 (Europe/Berlin)>` */
const TOKEN = /<time:(\d{1,15}):([FDR])\|([^>]*)>/g;

export interface TimeMention {
  at: Date;
  style: TimeStyle;
  /** The core's own words for it, in the channel's or member's time zone. */
  words: string;
}

/** A time in a message's text; `words` are what a plain-text reader sees. */
export function timeToken(at: Date | number, style: TimeStyle, words: string): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  return `<time:${Math.round(ms)}:${LETTER[style]}|${words.replace(/[<>|]/g, '')}>`;
}

/** Replaces every time token in `text` with what `render` makes of it. */
function renderTimes(text: string, render: (t: TimeMention) => string): string {
  return text.replace(TOKEN, (_m, ms: string, letter: string, words: string) =>
    render({ at: new Date(Number(ms)), style: STYLE_OF[letter] ?? 'moment', words }),
  );
}

/** The words alone: for the terminal, logs, and anything without its own time syntax. */
export function plainTimes(text: string): string {
  return renderTimes(text, (t) => t.words);
}

/**
 * The message with every time token rendered by `render`; its title and footer by
 * `inLabels` when they are shown where the platform's markup does not work.
 */
export function withTimes<M extends { text: string; title?: string; footer?: string }>(
  message: M,
  render: (t: TimeMention) => string,
  inLabels: (t: TimeMention) => string = render,
): M {
  return {
    ...message,
    text: renderTimes(message.text, render),
    ...(message.title !== undefined ? { title: renderTimes(message.title, inLabels) } : {}),
    ...(message.footer !== undefined ? { footer: renderTimes(message.footer, inLabels) } : {}),
  };
}
