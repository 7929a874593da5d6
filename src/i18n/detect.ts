import type { Locale } from './locale.ts';

const ES = new Set('el la los las de del que y en un una por para con no es se su al lo como más pero sus le ya o este esta son entre cuando muy sin sobre también hasta hay donde desde nos durante estos estas recomiendo propongo'.split(' '));
const EN = new Set('the of and to a in is it that for on with as was be by this are or from at an but not have we our will should'.split(' '));

/** The language a memo is written in, by counting common words (Spanish or English; English on a tie). */
export function detectLanguage(text: string): Locale {
  let es = 0;
  let en = 0;
  for (const w of text.toLowerCase().match(/[a-záéíóúñü]+/g) ?? []) {
    if (ES.has(w)) es++;
    if (EN.has(w)) en++;
  }
  return es > en ? 'es' : 'en';
}
