// The historical scenarios are rich enough to replay, cover every lesson, and speak French throughout.
import { describe, expect, it } from 'vitest';
import { loadLessons } from '../../src/scenario/load-node.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { loadShipped } from '../helpers/factory.js';

/** Every `{ en, … }` text object in a value, with its path. */
function texts(v: unknown, path = ''): { path: string; en: string; fr: unknown }[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => texts(x, `${path}.${i}`));
  if (v === null || typeof v !== 'object') return [];
  const o = v as Record<string, unknown>;
  if (typeof o['en'] === 'string') return [{ path, en: o['en'], fr: o['fr'] }];
  return Object.entries(o).flatMap(([k, x]) => texts(x, path ? `${path}.${k}` : k));
}

function lessonsUsed(s: Scenario): Set<string> {
  return new Set([
    ...s.actions.flatMap((a) => a.lessons),
    ...s.events.flatMap((e) => [...e.lessons, ...e.choices.flatMap((c) => c.lessons)]),
  ]);
}

describe.each(['monusco-2013', 'minusma-2014'])('%s', (id) => {
  const s = loadShipped(id);

  it('has the size the issue asks for', () => {
    expect(s.id).toBe(id);
    expect(s.turns).toBeGreaterThanOrEqual(12);
    expect(s.regions.length).toBeGreaterThanOrEqual(6);
    expect(s.actors.length).toBeGreaterThanOrEqual(8);
    for (const chair of ['srsg', 'force', 'envoy', 'police'] as const) {
      expect(s.chairs[chair], chair).toBeDefined();
      expect(new Set(s.actions.filter((a) => a.chair === chair).map((a) => a.id)).size, chair).toBeGreaterThanOrEqual(
        12,
      );
    }
    expect(s.events.length).toBeGreaterThanOrEqual(25);
    expect(s.events.filter((e) => e.date !== undefined && e.window !== undefined).length).toBeGreaterThanOrEqual(10);
    expect(s.events.filter((e) => e.when !== undefined).length).toBeGreaterThanOrEqual(5);
    expect(s.events.filter((e) => e.choices.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(s.strategies.length).toBeGreaterThanOrEqual(2);
    expect(s.mandate.tasks.length).toBeGreaterThanOrEqual(8);
    expect(s.end.length).toBeGreaterThanOrEqual(1);
    expect(s.epilogues.length).toBeGreaterThanOrEqual(2);
  });

  it('gives every actor interests and reactions', () => {
    for (const a of s.actors) {
      expect(a.interests.length, a.id).toBeGreaterThan(0);
    }
    expect(s.actors.filter((a) => a.rules.length > 0).length).toBeGreaterThanOrEqual(8);
  });

  it('exercises every lesson of the catalogue', () => {
    const catalogue = loadLessons();
    expect(catalogue.ok).toBe(true);
    const used = lessonsUsed(s);
    const missing = catalogue.ok ? catalogue.value.lessons.map((l) => l.id).filter((l) => !used.has(l)) : ['catalogue'];
    expect(missing).toEqual([]);
  });

  it('has French text for every English string', () => {
    const all = texts(s);
    expect(all.length).toBeGreaterThan(200);
    const untranslated = all.filter((t) => typeof t.fr !== 'string' || t.fr.trim() === '').map((t) => t.path);
    expect(untranslated).toEqual([]);
  });

  it('places every region on the map', () => {
    for (const r of s.regions) {
      expect(r.x >= 0 && r.x <= 1000 && r.y >= 0 && r.y <= 1000, r.id).toBe(true);
      for (const l of r.links) expect(s.regions.find((x) => x.id === l)?.links, `${r.id}–${l}`).toContain(r.id);
    }
  });
});
