// One bot driver: the same seed played through the simulator, the browser store and the server's session gives the same log.
import { afterAll, describe, expect, it } from 'vitest';
import { hashState, newGame, step } from '../../src/engine/index.js';
import { seedSecret } from '../../src/engine/hash.js';
import { seedWorld } from '../../src/engine/rng.js';
import { SessionStore } from '../../src/server/db.js';
import { Session } from '../../src/server/session.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { botRandom, decide, nextChair, refill, situationOf, type ChairSituation } from '../../src/sim/driver.js';
import type { Doctrine, DoctrineContext } from '../../src/sim/doctrine.js';
import { legalList } from '../../src/engine/legal.js';
import { viewFor, type GameState, type PlanItem } from '../../src/engine/index.js';
import { runBots } from '../../src/store/store.js';
import { hashScenario } from '../../src/engine/replay.js';
import { loadShipped, sessionRow } from '../helpers/factory.js';
import { tempDir } from '../server/support.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('one bot driver', () => {
  for (const [scenario, doctrine, seed] of [
    ['tutorial', 'report', 4],
    ['monusco-2013', 'random', 9],
  ] as const) {
    it(`${scenario} with ${doctrine} bots: sim, store and server autopilot play the same game`, () => {
      const scn = loadShipped(scenario);
      const sim = playGame(scn, seed, seatAll(DOCTRINES[doctrine]!), undefined, undefined, undefined);
      expect(sim.phase).toBe('over');

      const store = runBots(
        { id: 't', scenario: scn, game: newGame(scn, seed), humanChairs: [], botDoctrine: doctrine },
        [],
      );

      const db = new SessionStore(`${tmp.dir}/${scenario}.db`);
      const row = sessionRow({
        id: `s-${scenario}`,
        scenario,
        scenarioHash: hashScenario(scn),
        seed,
        team: 't',
        doctrine,
      });
      db.createSession(row);
      // the fog's and the world's keys as the simulator makes them from the seed (a new session draws random ones;
      // the world's, one per seed for the room)
      db.setMeta(`fog-secret:${row.id}`, seedSecret(seed));
      db.setMeta(`world-seed:${seed}`, seedWorld(seed));
      const session = Session.open(row, scn, { store: db, now: () => 0, onChange: () => {} });
      expect(session.command({ do: 'start', autoplay: true }, 'go').ok).toBe(true);
      const server = session.state;
      session.close();
      db.close();

      expect(store.log).toEqual(sim.log);
      expect(server.log).toEqual(sim.log);
      expect(hashState(server)).toBe(hashState(sim));
    });
  }

  it('a session from before keyed draws (events, no world key kept) resumes on the generator of its seed, as it was played', () => {
    const scn = loadShipped('tutorial');
    const seed = 11;
    const keys = { secret: seedSecret(seed), world: null };
    const sim = playGame(scn, seed, seatAll(DOCTRINES['report']!), newGame(scn, seed, keys), undefined, undefined);
    expect(sim.format).toBe(2);
    const db = new SessionStore(`${tmp.dir}/legacy.db`);
    const row = sessionRow({ id: 's-legacy', code: 'ABCDEG', scenarioHash: hashScenario(scn), seed, team: 't' });
    db.createSession(row);
    db.setMeta(`fog-secret:${row.id}`, seedSecret(seed));
    // Played as an older server played it...
    db.setMeta(`world-key:${row.id}`, 'legacy');
    const deps = { store: db, now: () => 0, onChange: () => {} };
    const first = Session.open(row, scn, deps);
    expect(first.command({ do: 'start', autoplay: true }, 'go').ok).toBe(true);
    expect(hashState(first.state)).toBe(hashState(sim));
    first.close();
    // ...then opened by this one, in a database that kept no world key for it.
    db.setMeta(`world-key:${row.id}`, '');
    const again = Session.open(row, scn, deps);
    expect(hashState(again.state)).toBe(hashState(sim));
    expect(again.state.world).toBeUndefined();
    again.close();
    db.close();
  });
  it('decides from a true state as from the chair’s view and legal list alone, and shows the doctrine nothing else', () => {
    const scn = loadShipped('monusco-2013');
    const report = DOCTRINES['report']!;
    // The contexts the doctrine planned with.
    const seen = new Set<DoctrineContext>();
    const record: Doctrine = {
      ...report,
      plan(ctx) {
        seen.add(ctx);
        return report.plan(ctx);
      },
    };
    playGame(scn, 6, seatAll(record), undefined, undefined, undefined);
    // Every decision of a game (events, strategy, plans, revisions), from the state and from the view.
    const m = scn.mechanics;
    const back = Math.max(2, m.practiceTurns, m.siloTurns, m.exclusionTurns);
    const kinds = new Set<string>();
    let s = newGame(scn, 6);
    while (s.phase !== 'over') {
      const chair = nextChair(s, scn, () => true)!;
      const fromView: ChairSituation = {
        chair,
        scenario: scn,
        random: botRandom(s, chair),
        view: viewFor(s, scn, chair, { ledgerFrom: Math.max(0, s.turn - back) }),
        legal: legalList(s, scn, chair),
      };
      const actions = decide(situationOf(s, scn, chair), report)!;
      expect(actions).toEqual(decide(fromView, report));
      for (const a of actions) {
        const r = step(s, a, scn);
        if (r.ok) {
          s = r.state;
          kinds.add(a.type);
        }
      }
    }
    expect([...kinds]).toEqual(expect.arrayContaining(['event/choose', 'strategy/set', 'plan/add', 'plan/revise']));
    // The context a doctrine is given holds no state of its own: only the chair, the scenario and the draws.
    expect(seen.size).toBeGreaterThan(0);
    for (const ctx of seen) expect(Object.keys(ctx).sort()).toEqual(['chair', 'random', 'scenario']);
  });
  it('sends no plan item the rules refuse, and the plan the engine takes is the one it would take of the whole list', () => {
    for (const [scenario, doctrine] of [
      ['monusco-2013', 'report'],
      ['minusma-2014', 'strong'],
    ] as const) {
      const scn = loadShipped(scenario);
      const inner = DOCTRINES[doctrine]!;
      // As an outside doctrine may: the built-in plan with its first item left out (what follows it then fits).
      let listed: PlanItem[] = [];
      const d: Doctrine = {
        ...inner,
        plan(ctx) {
          return (listed = inner.plan(ctx).slice(1));
        },
      };
      const openings: GameState[] = [];
      playGame(scn, 5, seatAll(d), undefined, undefined, (s) => openings.push(s));
      let adds = 0;
      for (const opening of openings) {
        // Every chair's plan of the month, as play.ts sends it, and as the whole list would have been sent.
        let s = opening;
        for (let chair = nextChair(s, scn, () => true); s.phase === 'planning' && chair;) {
          let whole = s;
          const x = situationOf(s, scn, chair);
          for (const a of decide(x, d) ?? []) {
            const r = step(s, a, scn);
            if (a.type === 'plan/add') {
              adds++;
              expect(r.ok ? null : r.rejection).toBeNull();
              // The legal list's own action, not a copy of it.
              expect(x.legal.includes(a)).toBe(true);
            }
            if (r.ok) s = r.state;
          }
          for (const a of refill(chair, 0, listed)) {
            const r = step(whole, a, scn);
            if (r.ok) whole = r.state;
          }
          expect(s.plans[chair]?.items).toEqual(whole.plans[chair]?.items);
          chair = nextChair(s, scn, () => true);
        }
      }
      expect(adds).toBeGreaterThan(4 * openings.length);
    }
  });
});
