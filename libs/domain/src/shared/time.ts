// Durations in milliseconds; the domain counts time as epoch milliseconds and never reads a clock.
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Epoch ms → ISO-8601 UTC, the form every event carries (readable in the log and on Kafka). */
export const toIso = (ms: number): string => new Date(ms).toISOString();

/** ISO-8601 → epoch ms; NaN for a malformed string, so callers decide what a bad time means. */
export const fromIso = (iso: string): number => Date.parse(iso);
