// Numbers in the debrief's tables: a fixed count of decimals, so a column lines up, and the language's decimal mark.
import { describe, expect, it } from 'vitest';
import { decimal, signed } from '../../src/ui/i18n/index.js';

describe('decimal', () => {
  it('writes every number with one decimal, so 50 and 57.5 line up as 50.0 and 57.5', () => {
    expect([50, 57.5, 60, 57.46, 57.45001, 0].map((v) => decimal(v, 1, 'en'))).toEqual([
      '50.0',
      '57.5',
      '60.0',
      '57.5',
      '57.5',
      '0.0',
    ]);
  });

  it('never writes a negative zero, and keeps a real negative', () => {
    expect(decimal(-0.04, 1, 'en')).toBe('0.0');
    expect(decimal(-2.26, 1, 'en')).toBe('-2.3');
  });

  it('writes a decimal comma in French', () => {
    expect(decimal(57.5, 1, 'fr')).toBe('57,5');
    expect(decimal(3, 2, 'fr')).toBe('3,00');
  });

  it('signs a difference to a fixed count of decimals with a true minus, and writes a rounded zero unsigned', () => {
    expect([-9.24, 1.25, 0.04, -0.04, 0].map((v) => signed(v, 1))).toEqual(['−9.2', '+1.3', '0.0', '0.0', '0.0']);
    expect(signed(-3)).toBe('−3');
  });
});
