// How many AI requests a workspace may make: so many a minute and so many a day (UTC),
// counted in this process. Over the limit, the answer gets its offline feedback only.
export interface LimitOptions {
  perMinute: number;
  perDay: number;
  now?: () => number;
}

export interface Limits {
  /** Takes one request for `workspace` if it is within both limits. */
  take(workspace: string): boolean;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export function createLimits(options: LimitOptions): Limits {
  const now = options.now ?? Date.now;
  const recent = new Map<string, number[]>();
  const daily = new Map<string, { day: number; count: number }>();
  return {
    take(workspace) {
      const t = now();
      const day = Math.floor(t / DAY);
      const today = daily.get(workspace);
      const used = today?.day === day ? today.count : 0;
      if (used >= options.perDay) return false;
      const window = (recent.get(workspace) ?? []).filter((at) => at > t - MINUTE);
      if (window.length >= options.perMinute) {
        recent.set(workspace, window);
        return false;
      }
      window.push(t);
      recent.set(workspace, window);
      daily.set(workspace, { day, count: used + 1 });
      return true;
    },
  };
}
