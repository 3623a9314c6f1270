// Time zones as people type them: IANA names in any case, and the everyday abbreviations
// ("EST", "pst", "CET") mapped to the zone they mean in daily use, which follows daylight
// saving. tzdata also knows "EST" and "MST" as fixed offsets that never change: a schedule
// set with those would drift an hour from New York or Denver half the year.
import { isValidTimeZone } from './time';

interface Abbreviation {
  zone: string;
  /** where the same letters mean somewhere else, the zone to type instead */
  otherwise?: { use: string; for: string };
}

const ABBREVIATIONS: Record<string, Abbreviation> = {
  et: { zone: 'America/New_York' },
  est: { zone: 'America/New_York' },
  edt: { zone: 'America/New_York' },
  ct: { zone: 'America/Chicago' },
  cst: { zone: 'America/Chicago', otherwise: { use: 'Asia/Shanghai', for: 'China Standard Time' } },
  cdt: { zone: 'America/Chicago' },
  mt: { zone: 'America/Denver' },
  mst: { zone: 'America/Denver', otherwise: { use: 'America/Phoenix', for: 'Arizona, which keeps MST all year' } },
  mdt: { zone: 'America/Denver' },
  pt: { zone: 'America/Los_Angeles' },
  pst: { zone: 'America/Los_Angeles' },
  pdt: { zone: 'America/Los_Angeles' },
  akst: { zone: 'America/Anchorage' },
  akdt: { zone: 'America/Anchorage' },
  hst: { zone: 'Pacific/Honolulu' },
  ast: { zone: 'America/Halifax' },
  adt: { zone: 'America/Halifax' },
  nst: { zone: 'America/St_Johns' },
  brt: { zone: 'America/Sao_Paulo' },
  art: { zone: 'America/Argentina/Buenos_Aires' },
  bst: { zone: 'Europe/London' },
  wet: { zone: 'Europe/Lisbon' },
  west: { zone: 'Europe/Lisbon' },
  cet: { zone: 'Europe/Paris' },
  cest: { zone: 'Europe/Paris' },
  eet: { zone: 'Europe/Athens' },
  eest: { zone: 'Europe/Athens' },
  msk: { zone: 'Europe/Moscow' },
  ist: {
    zone: 'Asia/Kolkata',
    otherwise: { use: 'Europe/Dublin (Ireland) or Asia/Jerusalem (Israel)', for: 'Irish or Israel time' },
  },
  pkt: { zone: 'Asia/Karachi' },
  sgt: { zone: 'Asia/Singapore' },
  hkt: { zone: 'Asia/Hong_Kong' },
  jst: { zone: 'Asia/Tokyo' },
  kst: { zone: 'Asia/Seoul' },
  awst: { zone: 'Australia/Perth' },
  acst: { zone: 'Australia/Adelaide' },
  acdt: { zone: 'Australia/Adelaide' },
  aest: {
    zone: 'Australia/Sydney',
    otherwise: { use: 'Australia/Brisbane', for: 'Queensland, which keeps AEST all year' },
  },
  aedt: { zone: 'Australia/Sydney' },
  nzst: { zone: 'Pacific/Auckland' },
  nzdt: { zone: 'Pacific/Auckland' },
};

export interface ResolvedZone {
  /** the IANA name, as tzdata spells it */
  zone: string;
  /** the abbreviation typed, when one was */
  typed?: string;
  otherwise?: { use: string; for: string };
}

/** The IANA zone a typed word means, or undefined when it is none. */
export function resolveZone(word: string): ResolvedZone | undefined {
  const typed = word.trim();
  const known = ABBREVIATIONS[typed.toLowerCase()];
  if (known) return { zone: known.zone, typed, ...(known.otherwise ? { otherwise: known.otherwise } : {}) };
  if (!typed || !isValidTimeZone(typed)) return undefined;
  // "europe/berlin" is valid too; say it back as tzdata spells it
  return { zone: new Intl.DateTimeFormat('en-US', { timeZone: typed }).resolvedOptions().timeZone };
}

/** One line saying how an abbreviation was read, for the schedule's confirmation. */
export function zoneNote(resolved: ResolvedZone): string | undefined {
  if (!resolved.typed) return undefined;
  const o = resolved.otherwise;
  const other = o ? ` For ${o.for}, use ${o.use}.` : '';
  return `${resolved.typed.toUpperCase()} read as ${resolved.zone}, which follows its daylight saving changes.${other}`;
}
