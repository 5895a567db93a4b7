// History a veteran trusts (issue #19): dated events inside the scenario's months or marked hypothetical, sources
// listed and cited, people named with their dates, a glossary in both languages, lessons that cite the report exactly.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  INDEX_FILE,
  readReportIndex,
  renderReportIndex,
  REPORT_FILE,
  reportParagraphs,
} from '../../scripts/report-index.js';
import { loadLessons } from '../../src/scenario/load-node.js';
import type { Scenario, ScenarioInput } from '../../src/scenario/schema.js';
import { L, card, loadShipped, makeScenario, run, toPlanning } from '../helpers/factory.js';

const SCENARIOS = readdirSync(join(import.meta.dirname, '../../scenarios'))
  .filter((n) => n.endsWith('.yaml') && n !== 'lessons.yaml')
  .map((n) => n.replace(/\.yaml$/, ''));
const HISTORICAL = ['monusco-2013', 'minusma-2014'];

/** Months since year 0 of a `YYYY-MM` or `YYYY-MM-DD` date. */
const month = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
/** The latest month an English text names ("October 2014", or a bare year as its December), or undefined. */
function latestNamed(text: string): number | undefined {
  let latest: number | undefined;
  const seen = (m: number) => (latest = latest === undefined ? m : Math.max(latest, m));
  for (const m of text.matchAll(/\b([A-Z][a-z]+) (\d{4})\b/g)) {
    const i = MONTHS.indexOf(m[1]!);
    if (i >= 0) seen(Number(m[2]) * 12 + i);
  }
  for (const m of text.replaceAll(/\b[A-Z][a-z]+ \d{4}\b/g, '').matchAll(/\b(19\d\d|20\d\d)\b/g))
    seen(Number(m[1]) * 12 + 11);
  return latest;
}

/**
 * What a scenario's history gets wrong, one line each (issue #19): a dated event outside the scenario's months or
 * outside its own window of turns, an event that speaks of a month after the scenario ends, a dated event without a
 * listed source or resting on Wikipedia or on a source dated only by its year, and sources without author, title, date
 * or web address, and two versions of one day (same date, same source) both told as history. Hypothetical events may
 * do the first three: they say so in play.
 */
function historyProblems(s: Scenario): string[] {
  const out: string[] = [];
  const first = month(s.start);
  const last = first + s.turns - 1;
  const sources = new Map(s.sources.map((x) => [x.id, x]));
  for (const src of s.sources) {
    for (const f of ['author', 'title', 'date', 'url'] as const)
      if (src[f].trim() === '') out.push(`source ${src.id}: no ${f}`);
    if (!/^https?:\/\/\S+$/.test(src.url)) out.push(`source ${src.id}: no web address`);
  }
  for (const e of s.events) {
    if (e.date !== undefined && !e.hypothetical) {
      const m = month(e.date);
      if (m < first || m > last) out.push(`event ${e.id}: ${e.date} is outside the scenario's months`);
      else if (e.window && (m - first + 1 < e.window.from || m - first + 1 > e.window.to))
        out.push(`event ${e.id}: ${e.date} is outside its window of turns`);
    }
    const named = latestNamed([e.title.en, e.text.en, ...e.choices.map((c) => c.label.en)].join(' '));
    if (!e.hypothetical && named !== undefined && named > last)
      out.push(`event ${e.id}: speaks of a month after the scenario ends`);
    if (e.date !== undefined) {
      const src = e.source === undefined ? undefined : sources.get(e.source);
      if (src === undefined) out.push(`event ${e.id}: dated without a listed source`);
      else if (/wikipedia\.org/.test(src.url)) out.push(`event ${e.id}: rests on Wikipedia`);
      else if (!/^\d{4}-\d{2}/.test(src.date)) out.push(`event ${e.id}: its source is dated by its year only`);
    }
  }
  // Two dated events telling the same date from the same source are two versions of one day (a branch): at most one
  // is history, the others are roads not taken and must say so.
  const versions = new Map<string, string[]>();
  for (const e of s.events)
    if (e.date !== undefined && e.source !== undefined && !e.hypothetical) {
      const key = `${e.date} ${e.source}`;
      versions.set(key, [...(versions.get(key) ?? []), e.id]);
    }
  for (const ids of versions.values())
    if (ids.length > 1) out.push(`events ${ids.join(', ')}: versions of one day, all told as history`);
  return out;
}

describe.each(SCENARIOS)('%s', (id) => {
  const s = loadShipped(id);

  it('lists its sources', () => {
    expect(s.sources.length).toBeGreaterThan(0);
  });

  it('dates every dated event inside its months and window, cites a dated source for it, or marks it hypothetical', () => {
    expect(historyProblems(s)).toEqual([]);
  });
});

describe('the history check', () => {
  const src = { id: 'sg', author: 'UN', title: 'Report', date: '2020-02-01', url: 'https://undocs.org/S/2020/1' };
  const problems = (edit: (e: Record<string, unknown>, s: ScenarioInput) => void) =>
    historyProblems(
      makeScenario((s) => {
        const e: Record<string, unknown> = { id: 'ev', title: L('Ev'), text: L('It happens.'), date: '2020-02-10' };
        s.sources = [{ ...src }];
        e.source = 'sg';
        edit(e, s);
        s.events = [e as unknown as NonNullable<ScenarioInput['events']>[number]];
      }),
    );
  it('passes a dated, sourced event inside the months (2020-01 to 2020-04)', () => {
    expect(problems(() => {})).toEqual([]);
  });
  it('fails an event dated after the last month, unless it is hypothetical', () => {
    expect(problems((e) => (e.date = '2020-05'))).toEqual(["event ev: 2020-05 is outside the scenario's months"]);
    expect(problems((e) => ((e.date = '2020-05'), (e.hypothetical = true)))).toEqual([]);
  });
  it('fails an event dated before the first month', () => {
    expect(problems((e) => (e.date = '2019-12-31'))).toEqual(["event ev: 2019-12-31 is outside the scenario's months"]);
  });
  it('fails an event that fires in turns its date is not in', () => {
    expect(problems((e) => (e.window = { from: 3, to: 4 }))).toEqual([
      'event ev: 2020-02-10 is outside its window of turns',
    ]);
  });
  it('fails an undated event that speaks of a later month, unless it is hypothetical', () => {
    const later = (e: Record<string, unknown>) => {
      delete e.date;
      delete e.source;
      e.text = L('As happened in October 2020, the government expels an official.');
    };
    expect(problems(later)).toEqual(['event ev: speaks of a month after the scenario ends']);
    expect(problems((e) => (later(e), (e.hypothetical = true)))).toEqual([]);
    expect(problems((e) => (later(e), (e.text = L('As in 2021, the talks stall.'))))).toEqual([
      'event ev: speaks of a month after the scenario ends',
    ]);
    expect(problems((e) => (later(e), (e.text = L('The 2009 deal and March 2020 talks.'))))).toEqual([]);
  });
  it('fails a dated event without a source, on Wikipedia, or on a source dated by year only', () => {
    expect(problems((e) => delete e.source)).toEqual(['event ev: dated without a listed source']);
    expect(problems((_, s) => (s.sources![0]!.url = 'https://en.wikipedia.org/wiki/X'))).toEqual([
      'event ev: rests on Wikipedia',
    ]);
    expect(problems((_, s) => (s.sources![0]!.date = '2020'))).toEqual([
      'event ev: its source is dated by its year only',
    ]);
  });
  it('refuses, at load, an event citing a source the scenario does not list', () => {
    expect(() => problems((e) => (e.source = 'nope'))).toThrow(/events\.0\.source: no source with id 'nope'/);
  });
  it('fails two versions of one day both told as history, unless all but one are hypothetical', () => {
    const twice = (hypothetical: boolean) =>
      historyProblems(
        makeScenario((s) => {
          s.sources = [{ ...src }];
          const ev = (id: string) => ({ id, title: L(id), text: L('It happens.'), date: '2020-02-10', source: 'sg' });
          s.events = [ev('happened'), { ...ev('branch'), hypothetical }];
        }),
      );
    expect(twice(false)).toEqual(['events happened, branch: versions of one day, all told as history']);
    expect(twice(true)).toEqual([]);
  });
  it('fails a source without a web address', () => {
    expect(problems((_, s) => (s.sources![0]!.url = 'a library somewhere'))).toEqual(['source sg: no web address']);
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

  it('names who held each chair, the Police Commissioner included', () => {
    for (const [chair, c] of Object.entries(s.chairs)) expect(c?.holders.length ?? 0, chair).toBeGreaterThan(0);
    expect(Object.keys(s.chairs)).toContain('police');
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
  // The report lives beside the repository (../shared/seed), not in it; its committed index of paragraphs
  // (scenarios/report-paragraphs.json, made by scripts/report-index.ts) lets this check run without it.
  const index = readReportIndex();
  /** The sections paragraph `n` falls under: its own bold headings, or those of the last paragraph before it with some. */
  const sectionsOf = (n: number) => {
    while (n > 1 && index.paragraphs[n - 1]!.sections.length === 0) n--;
    return index.paragraphs[n - 1]!.sections;
  };
  it("cites the report's own paragraphs: the main one opens, or follows, the section it names", () => {
    expect(index.paragraphs.map((p) => p.n)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(lessons.length).toBeGreaterThanOrEqual(10);
    for (const l of lessons)
      expect(sectionsOf(l.source.paragraph), `${l.id} ¶${l.source.paragraph}`).toContain(
        l.source.section.toLowerCase(),
      );
  });
  it('reads a section from the paragraph that opens it: ¶4 and ¶5 follow ¶3, which opens "political strategy"', () => {
    expect(sectionsOf(5)).toEqual(['political strategy']);
    expect(sectionsOf(5)).not.toContain('security council mandates');
    expect(sectionsOf(2)).toEqual(['security council mandates']);
  });
  it.skipIf(!existsSync(REPORT_FILE))('the index is what scripts/report-index.ts makes from the report now', () => {
    const seed = readFileSync(REPORT_FILE, 'utf8');
    const paragraphs = reportParagraphs(seed);
    expect(paragraphs).toHaveLength(16);
    expect(paragraphs[0]).toMatch(/^On 25 March 2015/);
    expect(paragraphs[15]).toMatch(/^It is clear that in the current context/);
    expect(readFileSync(INDEX_FILE, 'utf8'), 'stale: run npm run report:index').toBe(renderReportIndex(seed));
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
