/** Durations in milliseconds, the unit every time in this app is stored and compared in. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
