import { expect, it } from 'vitest';
import { detectLanguage } from './detect.ts';

it('tells Spanish memos from English ones', () => {
  expect(detectLanguage('Recomiendo que aprobemos la inversión para el almacén antes del viernes.')).toBe('es');
  expect(detectLanguage('I recommend that we approve the investment for the warehouse by Friday.')).toBe('en');
  expect(detectLanguage('')).toBe('en');
  expect(detectLanguage('ROI 38% Q3 2026')).toBe('en');
});
