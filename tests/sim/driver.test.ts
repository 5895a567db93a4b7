// One bot driver: the same seed played through the simulator, the browser store and the server's session gives the same log.
import { afterAll, describe, expect, it } from 'vitest';
import { hashState, newGame } from '../../src/engine/index.js';
import { seedSecret } from '../../src/engine/fog.js';
import { SessionStore } from '../../src/server/db.js';
import { Session } from '../../src/server/session.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { playGame, seatAll } from '../../src/sim/play.js';
import { runBots } from '../../src/store/store.js';
import { hashScenario } from '../../src/engine/replay.js';
import { loadShipped } from '../helpers/factory.js';
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
      const sim = playGame(scn, seed, seatAll(DOCTRINES[doctrine]!), undefined, undefined, undefined, {
        draws: 'stateless',
      });
      expect(sim.phase).toBe('over');

      const store = runBots(
        { id: 't', scenario: scn, game: newGame(scn, seed), humanChairs: [], botDoctrine: doctrine },
        [],
      );

      const db = new SessionStore(`${tmp.dir}/${scenario}.db`);
      const row = {
        id: `s-${scenario}`,
        code: 'ABCDEF',
        scenario,
        scenarioHash: hashScenario(scn),
        seed,
        team: 't',
        doctrine,
        createdAt: 0,
        endedAt: null,
      };
      db.createSession(row);
      // the fog's key as the simulator makes it from the seed (a new session would draw a random one)
      db.setMeta(`fog-secret:${row.id}`, seedSecret(seed));
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
});
