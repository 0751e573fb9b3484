// Durations in milliseconds; the domain counts time as epoch milliseconds and never reads a clock.
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);
/** 1970-01-01 and 10000-01-01 (exclusive): where the four-digit form below is what toISOString gives. */
const FAST_FROM = 0;
const FAST_TO = 253_402_300_800_000;

/**
 * Epoch ms → ISO-8601 UTC, the form every event carries (readable in the log and on Kafka): exactly what
 * `new Date(ms).toISOString()` gives, computed by arithmetic for whole milliseconds of years 1970–9999 (about
 * three times faster; the lists write a few hundred of these per page) and by toISOString otherwise.
 */
export const toIso = (ms: number): string => {
  if (!(ms >= FAST_FROM && ms < FAST_TO) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY);
  let rest = ms - days * DAY;
  // The civil date of a day number (H. Hinnant's days_from_civil, inverted), for days ≥ 0.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / HOUR);
  rest -= hour * HOUR;
  const minute = Math.floor(rest / MINUTE);
  rest -= minute * MINUTE;
  const second = Math.floor(rest / 1_000);
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}.${pad3(rest - second * 1_000)}Z`;
};

/** ISO-8601 → epoch ms; NaN for a malformed string, so callers decide what a bad time means. */
export const fromIso = (iso: string): number => Date.parse(iso);
