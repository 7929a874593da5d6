/** The UI languages; English is the fallback. */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(x: unknown): x is Locale {
  return typeof x === 'string' && (LOCALES as readonly string[]).includes(x);
}

/**
 * The best UI language for an Accept-Language header: the supported primary tag with the highest
 * q-value (order breaks ties), else English.
 */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return 'en';
  let best: { locale: Locale; q: number; index: number } | undefined;
  header.split(',').forEach((part, index) => {
    const [tag, ...params] = part.trim().split(';');
    const primary = tag?.trim().toLowerCase().split('-')[0];
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!isLocale(primary) || !(q > 0)) return;
    if (!best || q > best.q) best = { locale: primary, q, index };
  });
  return best?.locale ?? 'en';
}
