// The glossary writes the people's dates in words, in the player's language (issue #19), not as ISO strings.
import { describe, expect, it } from 'vitest';
import { dateInWords } from '../../src/ui/glossary.js';

describe('dates in the glossary', () => {
  it('writes days and months in English', () => {
    expect(dateInWords('2013-05-17', 'en')).toBe('17 May 2013');
    expect(dateInWords('2014-12', 'en')).toBe('December 2014');
    expect(dateInWords('2014-08-01', 'en')).toBe('1 August 2014');
  });
  it('writes them in French, with the first of the month as « 1er »', () => {
    expect(dateInWords('2014-08-01', 'fr')).toBe('1er août 2014');
    expect(dateInWords('2013-08-13', 'fr')).toBe('13 août 2013');
    expect(dateInWords('2015-01', 'fr')).toBe('janvier 2015');
  });
});
