// Russian IANA zones, west to east (UTC+2 … UTC+12), and their UTC offsets from Intl.

export const RU_ZONES = [
  'Europe/Kaliningrad', // +2
  'Europe/Moscow', // +3
  'Europe/Volgograd', // +3
  'Europe/Samara', // +4
  'Asia/Yekaterinburg', // +5
  'Asia/Omsk', // +6
  'Asia/Novosibirsk', // +7
  'Asia/Krasnoyarsk', // +7
  'Asia/Irkutsk', // +8
  'Asia/Yakutsk', // +9
  'Asia/Vladivostok', // +10
  'Asia/Magadan', // +11
  'Asia/Kamchatka', // +12
] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset in minutes at the instant `ms` (from Intl; slow, cache the result). */
export function offsetMinutesAt(zone: string, ms: number): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const local = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return Math.round((local - (ms - (ms % 1000))) / 60_000);
}

/**
 * The zone's single UTC offset over [fromMs, toMs], checked day by day. Russia has had no DST
 * since 2014, which is what lets moment-business-time (no time-zone support) run in a fixed offset.
 */
export function fixedOffsetMinutes(zone: string, fromMs: number, toMs: number): number {
  const first = offsetMinutesAt(zone, fromMs);
  for (let t = fromMs; t <= toMs; t += 86_400_000) {
    const o = offsetMinutesAt(zone, t);
    if (o !== first) {
      throw new Error(
        `${zone} changes its UTC offset (${first} → ${o} min) near ${new Date(t).toISOString()}`,
      );
    }
  }
  return first;
}

/** `+03:00`-style suffix for an offset in minutes. */
export function offsetSuffix(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}
