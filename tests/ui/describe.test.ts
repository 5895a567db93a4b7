// The colour a change gets: good or bad for the mission by what the track means, not by its arrow.
import { describe, expect, it } from 'vitest';
import { changeTone, shownEffects } from '../../src/ui/describe.js';
import { MECHANICS } from '../../src/scenario/constants.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { en } from '../../src/ui/i18n/en.js';
import { loadShipped } from '../helpers/factory.js';

const scn = loadShipped('tutorial');

describe('changeTone', () => {
  it('reads most indicators as better higher, and casualties and expectations as worse higher', () => {
    expect(changeTone(scn, { kind: 'indicator', id: 'trust' }, 'up')).toBe('good');
    expect(changeTone(scn, { kind: 'indicator', id: 'process' }, 'down')).toBe('bad');
    expect(changeTone(scn, { kind: 'indicator', id: 'casualties' }, 'up')).toBe('bad');
    expect(changeTone(scn, { kind: 'indicator', id: 'casualties' }, 'down')).toBe('good');
    expect(changeTone(scn, { kind: 'indicator', id: 'expectations' }, 'up')).toBe('bad');
  });

  it('leaves closeness to the government neutral: 50 is the balance, so a change alone is neither', () => {
    expect(changeTone(scn, { kind: 'indicator', id: 'closeness' }, 'up')).toBe('neutral');
    expect(changeTone(scn, { kind: 'indicator', id: 'closeness' }, 'down')).toBe('neutral');
  });

  it('reads violence and an armed group’s strength as worse higher, a host state’s strength as neither, stance as better higher', () => {
    expect(changeTone(scn, { kind: 'violence', id: 'lakeside' }, 'up')).toBe('bad');
    expect(changeTone(scn, { kind: 'violence', id: 'lakeside' }, 'down')).toBe('good');
    expect(changeTone(scn, { kind: 'strength', id: 'hlf' }, 'up')).toBe('bad');
    expect(changeTone(scn, { kind: 'strength', id: 'hlf' }, 'down')).toBe('good');
    expect(changeTone(scn, { kind: 'strength', id: 'government' }, 'up')).toBe('neutral');
    expect(changeTone(scn, { kind: 'stance', id: 'hlf' }, 'up')).toBe('good');
    expect(changeTone(scn, { kind: 'implementation' }, 'down')).toBe('bad');
  });
});

describe('shownEffects', () => {
  it('leaves out setting and ending situation markers, whose ids are no text for a player, and keeps the rest in order', () => {
    const effects = [
      { do: 'flag', set: 'req-fib-tz' },
      { do: 'indicator', id: 'trust', by: 2 },
      { do: 'unflag', flag: 'fib-requested' },
      { do: 'violence', region: 'lakeside', by: -3 },
    ] as const;
    expect(shownEffects(effects)).toEqual([effects[1], effects[3]]);
    expect(shownEffects([{ do: 'flag', set: 'x' }])).toEqual([]);
  });
});

describe('names on screen', () => {
  // fr.ts is typed to carry every key of en.ts, so a name in English is a name in French too
  it('has a readable name for every mechanic the engine can write to the ledger', () => {
    expect(MECHANICS.filter((m) => !(`mech.${m}` in en))).toEqual([]);
  });

  it('has a readable name for every built-in doctrine', () => {
    expect(Object.keys(DOCTRINES).filter((d) => !(`doctrine.${d}` in en))).toEqual([]);
  });
});
