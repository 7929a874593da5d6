import { describe, expect, it } from 'vitest';
import { idParam, ID_PATTERN } from './id-param.ts';

describe('idParam', () => {
  it('reads 1 to 15 digits as a number', () => {
    expect(idParam('1')).toBe(1);
    expect(idParam('0042')).toBe(42);
    expect(idParam('999999999999999')).toBe(999_999_999_999_999);
  });

  it('answers undefined for anything else', () => {
    for (const raw of [undefined, '', ' 1', '1 ', '-1', '+1', '1.5', '1e3', '0x1f', 'abc', '1234567890123456', '١٢']) {
      expect(idParam(raw), String(raw)).toBeUndefined();
    }
  });

  it('matches whole values only', () => {
    expect(ID_PATTERN.test('12')).toBe(true);
    expect(ID_PATTERN.test('a12')).toBe(false);
  });
});
