/** Formatting shared by views: numbers and dates for people, in UTC. */

const dateFmt = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const intFmt = new Intl.NumberFormat('en-US');

export function formatDate(ms: number): string {
  return `${dateFmt.format(new Date(ms))} UTC`;
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString();
}

export function formatInt(n: number): string {
  return intFmt.format(n);
}

/** "1 min 5 s", "42 s". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

export function plural(n: number, one: string, many: string): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`;
}

const shortFmt = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "22 Nov" (UTC), for chart axes. */
export function formatShortDate(ms: number): string {
  return shortFmt.format(new Date(ms));
}
