import { i18n, type I18n, type Translate } from '../i18n/index.ts';

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


/** A figure that may be undefined: `digits` decimals, or "–". */
export function formatFigure(n: number | null, digits = 2): string {
  return n === null ? '–' : n.toFixed(digits);
}

/** A share 0..1 as a percentage with one decimal ("65.0%"), or "–". */
export function formatShare(n: number | null): string {
  return n === null ? '–' : `${(n * 100).toFixed(1)}%`;
}

/** A signed change with `digits` decimals ("+0.25", "-0.50", "0.00"), or "–". */
export function formatSigned(n: number | null, digits = 2): string {
  if (n === null) return '–';
  const s = n.toFixed(digits);
  if (Number(s) === 0) return (0).toFixed(digits);
  return n > 0 ? `+${s}` : s;
}

/** A page's document title: its own title, then the site's name (the layout and htmx fragments use the same). */
export function documentTitle(title: string, i18n: I18n): string {
  return `${title} · ${i18n.t('site.name')}`;
}
