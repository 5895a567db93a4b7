// The base maps of assets/maps/: every historical region lies in the right country, the towns sit where they are,
// and a scenario without geography keeps the schematic map.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseMapFor, countryAt, type BaseMap } from '../../src/ui/scenes/geo.js';
import { loadShipped } from '../helpers/factory.js';
import { ROOT } from '../scenario/support.js';

const base = (id: string) => JSON.parse(readFileSync(join(ROOT, 'assets/maps', `${id}.json`), 'utf8')) as BaseMap;

describe.each([
  ['monusco-2013', 'kivu', 'COD'],
  ['minusma-2014', 'mali', 'MLI'],
])('%s', (scenario, mapId, country) => {
  const s = loadShipped(scenario);
  const map = base(mapId);

  it(`draws the ${mapId} base map`, () => {
    expect(baseMapFor(s.regions)).toBe(mapId);
    expect(map.id).toBe(mapId);
  });

  it.each(s.regions.map((r) => [r.id, r] as const))(`puts region %s inside ${country}, on land`, (_id, r) => {
    expect(typeof r.lon).toBe('number');
    expect(typeof r.lat).toBe('number');
    expect(countryAt(map, r.lon!, r.lat!)).toBe(country);
  });
});

describe('the towns of the base maps', () => {
  // [map, town, country, lon, lat]: the towns a veteran places first, from public coordinates (±0.05°)
  const towns: [string, string, string, number, number][] = [
    ['kivu', 'goma', 'COD', 29.22, -1.68],
    ['kivu', 'bukavu', 'COD', 28.86, -2.51],
    ['kivu', 'bunia', 'COD', 30.25, 1.56],
    ['mali', 'kidal', 'MLI', 1.41, 18.44],
    ['mali', 'gao', 'MLI', -0.04, 16.27],
    ['mali', 'timbuktu', 'MLI', -3.01, 16.77],
    ['mali', 'bamako', 'MLI', -8.0, 12.65],
  ];
  it.each(towns)('%s: %s lies in %s where it is', (mapId, town, country, lon, lat) => {
    const map = base(mapId);
    const p = map.places.find((x) => x.id === town)!;
    expect(p).toBeDefined();
    expect(Math.abs(p.lon - lon)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(p.lat - lat)).toBeLessThanOrEqual(0.05);
    expect(countryAt(map, p.lon, p.lat)).toBe(country);
  });

  it('puts Goma at the north end of Lake Kivu and Bukavu at its south end, Kidal between Gao and the Algerian border', () => {
    const kivu = base('kivu');
    const goma = kivu.places.find((p) => p.id === 'goma')!;
    const bukavu = kivu.places.find((p) => p.id === 'bukavu')!;
    // the lake lies between them: a point halfway is water
    expect(countryAt(kivu, (goma.lon + bukavu.lon) / 2, (goma.lat + bukavu.lat) / 2)).toBeNull();
    const mali = base('mali');
    const kidal = mali.places.find((p) => p.id === 'kidal')!;
    expect(countryAt(mali, kidal.lon, kidal.lat + 2.5)).toBe('DZA');
  });

  it('leaves the tutorial without geography (the schematic map)', () => {
    expect(baseMapFor(loadShipped('tutorial').regions)).toBeNull();
  });
});
