import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';
import type { Locale } from './locale.ts';

export type { MessageKey } from './en.ts';
export { LOCALES, isLocale, negotiateLocale, type Locale } from './locale.ts';

/** Every catalog, by locale. */
export const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, es };

/** Looks a message up and fills its {placeholders}. */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Keys that come in `.one` / `.other` forms. */
type PluralBase<K> = K extends `${infer B}.one` ? B : never;
export type PluralKey = PluralBase<MessageKey>;

export interface I18n {
  locale: Locale;
  t: Translate;
  /** The `.one` or `.other` form for a count (both languages here need no more forms). */
  plural: (base: PluralKey, n: number, vars?: Record<string, string | number>) => string;
  /** Localised formatting of numbers and dates (UTC). */
  int: (n: number) => string;
  date: (ms: number) => string;
  shortDate: (ms: number) => string;
}

const TAG: Record<Locale, string> = { en: 'en-GB', es: 'es-ES' };

/** The translator and formatters for one locale. */
export function i18n(locale: Locale): I18n {
  const catalog = CATALOGS[locale];
  const t: Translate = (key, vars) => {
    const text = catalog[key] ?? en[key];
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
  };
  const num = new Intl.NumberFormat(TAG[locale]);
  const dateFmt = new Intl.DateTimeFormat(TAG[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const shortFmt = new Intl.DateTimeFormat(TAG[locale], { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return {
    locale,
    t,
    plural: (base, n, vars) => t(`${base}.${n === 1 ? 'one' : 'other'}` as MessageKey, { n: num.format(n), ...vars }),
    int: (n) => num.format(n),
    date: (ms) => `${dateFmt.format(new Date(ms))} UTC`,
    shortDate: (ms) => shortFmt.format(new Date(ms)),
  };
}
