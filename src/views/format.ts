import { i18n, type Translate } from '../i18n/index.ts';

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

/** "1 min 5 s", "42 s", in the UI language. */
export function formatDuration(ms: number, t: Translate = i18n('en').t): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return t('duration.seconds', { s });
  return t('duration.minutes', { m: Math.floor(s / 60), s: s % 60 });
}

export function plural(n: number, one: string, many: string): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`;
}

