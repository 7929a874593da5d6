import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { CATALOGS, i18n } from './index.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('have exactly the same keys in every language', () => {
    for (const [locale, catalog] of Object.entries(CATALOGS)) {
      expect(Object.keys(catalog).sort(), locale).toEqual(Object.keys(en).sort());
    }
  });

  it('use the same placeholders in every language, and no message is empty', () => {
    for (const [locale, catalog] of Object.entries(CATALOGS)) {
      for (const [key, text] of Object.entries(catalog)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
    }
  });

  it('translates every message into Spanish (no English left but names and units)', () => {
    const same = Object.keys(en).filter((k) => CATALOGS.es[k as keyof typeof en] === en[k as keyof typeof en]);
    expect(same.sort()).toEqual(['duration.minutes', 'duration.seconds', 'error.prefix', 'error.titlePrefix', 'site.name'].sort());
  });

  it('fills placeholders, picks plural forms and formats numbers and dates per locale', () => {
    const es = i18n('es');
    const en_ = i18n('en');
    expect(es.plural('pending.ahead', 1)).toBe('En espera: 1 memorando por delante del suyo.');
    expect(en_.plural('pending.ahead', 3)).toBe('Waiting in line: 3 memos ahead of yours.');
    expect(en_.int(10000)).toBe('10,000');
    expect(es.int(10000)).toBe('10.000');
    expect(es.date(Date.UTC(2026, 10, 22, 9, 5))).toMatch(/22 nov 2026/);
    expect(en_.t('form.help', { max: '10,000' })).toBe('Paste the full memo as plain text, up to 10,000 characters.');
  });
});
