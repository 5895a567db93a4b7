// History a veteran trusts (issue #19): dated events inside the scenario's months or marked hypothetical, sources
// listed and cited, people named with their dates, a glossary in both languages, lessons that cite the report exactly.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLessons } from '../../src/scenario/load-node.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { card, loadShipped, makeScenario, run, toPlanning } from '../helpers/factory.js';

const SCENARIOS = readdirSync(join(import.meta.dirname, '../../scenarios'))
  .filter((n) => n.endsWith('.yaml') && n !== 'lessons.yaml')
  .map((n) => n.replace(/\.yaml$/, ''));
const HISTORICAL = ['monusco-2013', 'minusma-2014'];

/** Months since year 0 of a `YYYY-MM` or `YYYY-MM-DD` date. */
const month = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;

describe.each(SCENARIOS)('%s', (id) => {
  const s = loadShipped(id);

  it('lists its sources', () => {
    expect(s.sources.length).toBeGreaterThan(0);
    for (const src of s.sources) {
      expect(src.author.trim(), src.id).not.toBe('');
      expect(src.title.trim(), src.id).not.toBe('');
      expect(src.url.trim(), src.id).not.toBe('');
    }
  });

  it('dates every dated event inside its months, or marks it hypothetical', () => {
    const first = month(s.start);
    const last = first + s.turns - 1;
    const outside = s.events.filter(
      (e) => e.date !== undefined && !e.hypothetical && (month(e.date) < first || month(e.date) > last),
    );
    expect(outside.map((e) => `${e.id} ${e.date}`)).toEqual([]);
  });
});

describe.each(HISTORICAL)('%s, historically', (id) => {
  const s = loadShipped(id);

  it('cites a listed source on every dated event', () => {
    expect(s.events.filter((e) => e.date !== undefined && e.source === undefined).map((e) => e.id)).toEqual([]);
    const ids = new Set(s.sources.map((x) => x.id));
    for (const e of s.events) if (e.source !== undefined) expect(ids.has(e.source), e.id).toBe(true);
  });

  it('says in the text of every hypothetical event what really happened', () => {
    const hypothetical = s.events.filter((e) => e.hypothetical);
    expect(hypothetical.length).toBeGreaterThan(0);
    for (const e of hypothetical) {
      expect(e.text.en, e.id).toMatch(/hypothetical|compressed|road not taken/i);
      expect(e.text.fr, e.id).toMatch(/hypoth|resserrée/i);
    }
  });

  it('names its leaders, with roles in both languages', () => {
    const chairHolders = Object.values(s.chairs).flatMap((c) => c?.holders ?? []);
    const actorLeaders = s.actors.flatMap((a) => a.leaders);
    expect(chairHolders.length).toBeGreaterThanOrEqual(3);
    expect(actorLeaders.length).toBeGreaterThanOrEqual(8);
    for (const l of [...chairHolders, ...actorLeaders]) {
      expect(l.role.fr, l.name).toBeTruthy();
      if (l.from && l.to) expect(month(l.from) <= month(l.to), l.name).toBe(true);
    }
  });

  it('has a bilingual glossary of its acronyms and names', () => {
    expect(s.glossary.length).toBeGreaterThanOrEqual(20);
    for (const g of s.glossary) expect(g.name.fr, g.term).toBeTruthy();
    const terms = new Set(s.glossary.map((g) => g.term));
    for (const t of ['SRSG', 'JMAC', 'FPU', 'HRDDP']) expect(terms.has(t), t).toBe(true);
  });
});

describe('MINUSMA', () => {
  const s = loadShipped('minusma-2014');
  it('does not punish an SRSG–Envoy split: the SRSG held the UN seat in Algiers', () => {
    expect(s.mediationSeat).toBe('srsg');
  });
  it('does not show the 2014 blocs as the actors of November 2013', () => {
    for (const id of ['cma', 'platform']) {
      const a = s.actors.find((x) => x.id === id)!;
      expect(a.name.en, id).toMatch(/from (June|October) 2014/);
    }
  });
});

describe('mediationSeat', () => {
  const L = (en: string) => ({ en, fr: en });
  const conflicts = (seat: ScenarioInput['mediationSeat']) => {
    const scn = makeScenario((s) => {
      s.actions = [
        ...s.actions,
        { id: 'srsg-talks', chair: 'srsg', name: L('t'), text: L('t'), target: 'actor', tags: ['talks'], effects: [] },
        {
          id: 'envoy-talks',
          chair: 'envoy',
          name: L('t'),
          text: L('t'),
          target: 'actor',
          tags: ['talks'],
          effects: [],
        },
      ];
      s.chairs.envoy = { capacity: 2 };
      if (seat) s.mediationSeat = seat;
    });
    const s = run(scn, toPlanning(scn, { strategy: 'talks' }), [
      { type: 'plan/add', chair: 'srsg', item: card('srsg-talks', 'rebels') },
      { type: 'plan/add', chair: 'envoy', item: card('envoy-talks', 'rebels') },
      { type: 'plan/commit', chair: 'srsg' },
      { type: 'plan/commit', chair: 'envoy' },
      { type: 'plan/commit', chair: 'force' },
    ]);
    return s.conflicts.map((c) => c.kind);
  };
  it('counts an SRSG–Envoy split only where the seats are separate', () => {
    expect(conflicts(undefined)).toContain('uncoordinated-mediation');
    expect(conflicts('separate')).toContain('uncoordinated-mediation');
    expect(conflicts('srsg')).not.toContain('uncoordinated-mediation');
  });
});

describe('the lessons catalogue', () => {
  const r = loadLessons();
  if (!r.ok) throw new Error('lessons');
  const lessons = r.value.lessons;
  it("cites every paragraph each lesson rests on, the main one included, within the report's 16", () => {
    for (const l of lessons) {
      const ps = l.source.paragraphs ?? [l.source.paragraph];
      expect(ps, l.id).toContain(l.source.paragraph);
      for (const p of ps) expect(p >= 1 && p <= 16, l.id).toBe(true);
    }
  });
  it('marks the inferences beyond the report', () => {
    for (const id of ['L-spoilers', 'L-tcc', 'L-primacy', 'L-hoststate'])
      expect(lessons.find((l) => l.id === id)?.beyond, id).toBeDefined();
  });
  it("ends every lesson with a transfer question about the player's own mission", () => {
    for (const l of lessons) {
      const last = l.questions[l.questions.length - 1]!;
      expect(last.en, l.id).toMatch(/^In your own mission/);
      expect(last.fr, l.id).toMatch(/^Dans votre propre mission/);
    }
  });
});
