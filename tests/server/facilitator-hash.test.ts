// The facilitator's state hash is not made at every action: while play runs its view carries the hash of an earlier
// state of the game (and says which), and the state's own hash comes once the game stands still.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashState, type Action } from '../../src/engine/index.js';
import { driveChair } from '../../src/net/drive.js';
import { loadScenario } from '../../src/scenario/load-node.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { SessionViews } from '../../src/server/frames.js';
import { FACILITATOR_TOKEN, client, facilitatorView, inProcess, tempDir, until } from './support.js';

const r = loadScenario('tutorial');
if (!r.ok) throw new Error('tutorial does not load');
const scn = r.value;

const tmp = tempDir();
let server: Awaited<ReturnType<typeof inProcess>>;
beforeAll(async () => {
  server = await inProcess(tmp.db);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server.close();
  tmp.cleanup();
});

describe('the facilitator’s state hash', () => {
  it('is not made for each state a chair’s actions make, and is of the state itself once play stands still', async () => {
    const fac = client(server.url, FACILITATOR_TOKEN);
    await fac.connect();
    const created = await fac.createSession({ scenario: 'tutorial', team: 'Hash team', seed: 5 });
    const sid = created.session.session;
    const srsg = client(server.url);
    await srsg.connect();
    await srsg.join(created.session.code!, 'Ana');
    await srsg.claimChair('srsg');
    await fac.command(sid, { do: 'start' });
    // The chair plays by the doctrine up to its first planning, and is then left to us.
    const driver = driveChair(srsg, {
      scenario: scn,
      doctrine: DOCTRINES['report']!,
      random: () => 0.5,
      hold: (b) => b.view.phase === 'planning',
    });
    const truth = () => facilitatorView(fac.view);
    const state = () => server.hub.sessions.get(sid)!.state;
    const seen = () => truth().state.log.length === state().log.length;
    await until(() => srsg.view?.role === 'chair' && srsg.view.view.phase === 'planning' && seen(), 'planning');
    // Standing still, the view comes again with the state's own hash.
    await until(() => seen() && truth().hash === hashState(state()), 'the hash of the state at rest');
    const rest = { hash: truth().hash, at: truth().hashAt };
    expect(rest.at).toBe(state().log.length);

    const hashing = vi.spyOn(SessionViews.prototype, 'hash');
    for (let i = 0; i < 6; i++) {
      const body = srsg.view;
      if (body?.role !== 'chair') throw new Error('no chair view');
      const add = body.legal.find((a) => a.type === 'plan/add');
      const items = body.view.plans.srsg?.items?.length ?? 0;
      const action: Action = i % 2 === 0 && add ? add : { type: 'plan/remove', chair: 'srsg', index: items - 1 };
      await srsg.act(action);
      // The facilitator sees each new state, with the hash of the state at rest and the number of actions it is of.
      await until(seen, `the facilitator to see action ${i + 1}`);
      expect(truth().hashAt).toBe(rest.at);
      expect(truth().hash).toBe(rest.hash);
    }
    expect(state().log.length).toBe(rest.at + 6);
    expect(hashing).not.toHaveBeenCalled();

    // Once the state stands, its own hash follows, made once.
    await until(() => truth().hashAt === state().log.length, 'the hash of the new state');
    expect(truth().hash).toBe(hashState(state()));
    expect(hashing).toHaveBeenCalledTimes(1);
    driver.stop();
    srsg.close();
    fac.close();
  });
});
