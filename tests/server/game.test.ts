// A full group session of the tutorial over real WebSockets: a facilitator, three people in chairs, a bot in the fourth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashState, makeSave, restoreSave, type ChairView, type GameState } from '../../src/engine/index.js';
import { driveChair } from '../../src/net/drive.js';
import type { ServerMessage, ViewBody, WireMessage } from '../../src/net/protocol.js';
import { loadScenario } from '../../src/scenario/load-node.js';
import type { Chair, Scenario } from '../../src/scenario/schema.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { SessionStore } from '../../src/server/db.js';
import { Session } from '../../src/server/session.js';
import { chairBody, projectorBody } from '../../src/server/views.js';
import { FACILITATOR_TOKEN, client, inProcess, tempDir, until, type TestClient } from './support.js';

const r = loadScenario('tutorial');
if (!r.ok) throw new Error('tutorial does not load');
const scn: Scenario = r.value;
const HUMANS: Chair[] = ['srsg', 'envoy', 'police'];

const tmp = tempDir();
let server: Awaited<ReturnType<typeof inProcess>>;
beforeAll(async () => {
  server = await inProcess(tmp.db);
});
afterAll(async () => {
  await server.close();
  tmp.cleanup();
});

const truthOf = (b: ViewBody | null): GameState => {
  if (!b || b.role !== 'facilitator') throw new Error('not a facilitator view');
  return b.state;
};

function cardsOf(chair: Chair): string[] {
  return scn.actions.filter((a) => a.chair === chair).map((a) => a.id);
}

/**
 * Every message a chair got, whole or as it came over the wire: other chairs' plans hidden in planning, their cards
 * nowhere, no true state. Only the game record, at the end, holds the log.
 */
function assertNoLeak(chair: Chair, received: readonly (ServerMessage | WireMessage)[]): number {
  let planningViews = 0;
  const others = HUMANS.concat('force').filter((c) => c !== chair);
  const foreign = others.flatMap(cardsOf).filter((id) => !cardsOf(chair).includes(id));
  for (const m of received) {
    if (m.type === 'record') continue;
    const text = JSON.stringify(m);
    // (The flags in force are in every view: card conditions read them, so legality showed them anyway.)
    for (const key of ['"rng"', '"log"', '"seed"', '"secret"', '"world"', '"truth"', '"state"', '"hash"', '"played"'])
      expect(text, `${chair} got ${key}`).not.toContain(key);
    if (m.type !== 'view') continue;
    expect(m.body.role).toBe('chair');
    if (m.body.role !== 'chair') continue;
    expect(m.body.chair).toBe(chair);
    const v: ChairView = m.body.view;
    if (v.phase !== 'planning') continue;
    planningViews++;
    for (const c of others) {
      expect(v.plans[c]?.items ?? null, `${chair} sees ${c}'s plan in planning`).toBeNull();
      expect(v.plans[c]?.note ?? null).toBeNull();
    }
    // Past turns' resolved actions are history in the ledger; everything else must not name another chair's card.
    const rest = JSON.stringify({ ...m.body, view: { ...v, ledger: [] } });
    for (const id of foreign) expect(rest, `${chair} saw '${id}' during planning`).not.toContain(`"${id}"`);
  }
  return planningViews;
}

describe('a group session of the tutorial', () => {
  it('plays to the end with three people and a bot, each seeing only their own chair', async () => {
    const fac = client(server.url, FACILITATOR_TOKEN);
    const w = await fac.connect();
    expect(w.role).toBe('facilitator');
    const created = await fac.createSession({ scenario: 'tutorial', team: 'Blue team', seed: 11 });
    const sid = created.session.session;
    expect(created.session.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(created.session.link).toBe(`http://127.0.0.1/?join=${created.session.code}`);
    expect(created.qr.startsWith('data:image/svg+xml;base64,')).toBe(true);

    const players = HUMANS.map(() => client(server.url));
    for (const [i, p] of players.entries()) {
      await p.connect();
      await p.join(created.session.code!, `Player ${i + 1}`);
      const seated = await p.claimChair(HUMANS[i]!);
      expect(seated.token.length).toBeGreaterThan(30);
    }
    const projector = client(server.url);
    await projector.connect();
    await projector.join(created.session.code!, 'Room screen');
    await projector.claimChair('projector');
    // A chair is taken by one person at a time.
    const late = client(server.url);
    await late.connect();
    await late.join(created.session.code!, 'Late');
    await expect(late.claimChair('srsg')).rejects.toMatchObject({ code: 'seat/taken' });
    late.close();

    await until(() => fac.lobby?.seats.police?.by === 'human', 'lobby to show three people');
    expect(fac.lobby?.seats.force).toMatchObject({ by: 'bot', name: 'report' });

    // Before the start nobody plays.
    await expect(
      players[0]!.act({ type: 'mandate/adopt', chair: 'srsg', tasks: ['political-process'] }),
    ).rejects.toMatchObject({ code: 'session/not-started' });
    await fac.command(sid, { do: 'start' });

    // The envoy's player thinks long in turn 2's planning, which is when the facilitator steps in.
    let thinking = true;
    const hold = (b: { chair: Chair; view: ChairView }) =>
      thinking && b.chair === 'envoy' && b.view.turn === 2 && b.view.phase === 'planning';
    const drivers = players.map((p) =>
      driveChair(p, { scenario: scn, doctrine: DOCTRINES['report']!, random: () => 0.5, hold }),
    );
    await until(
      () =>
        truthOf(fac.view).turn === 2 &&
        truthOf(fac.view).phase === 'planning' &&
        truthOf(fac.view).plans.srsg?.committed === true,
      'turn 2 planning',
    );
    await fac.command(sid, { do: 'pause' });
    await until(
      () => players.every((p) => p.view?.status.paused === true) && fac.view?.status.paused === true,
      'everyone to hear of the pause',
    );
    // Mid-game, with the game held still: the views put together from incremental frames are the server's own projections.
    const session = server.hub.sessions.get(sid)!;
    for (const [i, p] of players.entries())
      expect(p.view, HUMANS[i]).toEqual(chairBody(session.state, scn, HUMANS[i]!, session.status()));
    expect(truthOf(fac.view)).toEqual(session.state);
    expect(fac.view?.role === 'facilitator' && fac.view.hash).toBe(hashState(session.state));
    expect(players.every((p) => p.record === null) && fac.records.size === 0).toBe(true);
    await expect(players[1]!.act({ type: 'plan/commit', chair: 'envoy' })).rejects.toMatchObject({
      code: 'session/paused',
    });
    await fac.command(sid, {
      do: 'adjust-indicator',
      indicator: 'credibility',
      by: -5,
      reason: 'The Council reads a leaked cable',
    });
    await fac.command(sid, {
      do: 'custom-inject',
      title: 'Storm',
      effects: [{ do: 'violence', region: 'port', by: 5 }],
      reason: 'A storm hits the port',
    });
    thinking = false;
    await fac.command(sid, { do: 'resume' });

    await Promise.all(drivers.map((d) => d.done));
    await until(() => truthOf(fac.view).phase === 'over', 'the facilitator to see the end');
    const truth = truthOf(fac.view);
    expect(truth.outcome).not.toBeNull();
    expect(truth.log.some((a) => a.type === 'plan/confirm' && a.chair === 'force')).toBe(true);
    const facilitatorEntries = truth.ledger.filter((e) => e.cause.kind === 'facilitator');
    expect(facilitatorEntries.map((e) => e.cause.kind === 'facilitator' && e.cause.reason)).toEqual([
      'The Council reads a leaked cable',
      'Storm: A storm hits the port',
    ]);
    await until(() => players.every((p) => p.received.some((m) => m.type === 'ended')), 'players to hear the end');
    expect(players.every((p) => p.view?.role === 'chair' && p.view.view.outcome !== null)).toBe(true);

    // The game record reaches every connection of the session once, after the final view, and replays to the final state.
    const everyone: TestClient[] = [...players, projector, fac];
    await until(() => everyone.every((c) => c.records.has(sid)), 'the record on every screen');
    const final = server.hub.sessions.get(sid)!;
    for (const c of everyone) {
      expect(c.received.filter((m) => m.type === 'record')).toHaveLength(1);
      const wire = c.tap.frames.map((f) => JSON.parse(f) as WireMessage);
      const at = wire.findIndex((m) => m.type === 'record');
      const lastView = wire.slice(0, at).findLast((m) => m.type === 'view');
      expect(lastView?.type === 'view' && lastView.body.status.ended).toBe(true);
      const save = c.records.get(sid)!;
      expect(save).toEqual(makeSave(scn, final.state, { label: 'Blue team' }));
      const replayed = restoreSave(save, scn, { facilitator: true });
      if (!replayed.ok) throw new Error(replayed.error.message);
      expect(hashState(replayed.state)).toBe(hashState(final.state));
    }
    expect(players[0]!.record).toBe(players[0]!.records.get(sid));
    expect(fac.record).toBeNull();
    // ...and comes again on a sync.
    players[0]!.sync();
    await until(
      () => players[0]!.received.filter((m) => m.type === 'record').length === 2,
      'the record again on a sync',
    );
    // The last views, put together, are the server's own projections of the final state.
    for (const [i, p] of players.entries())
      expect(p.view, HUMANS[i]).toEqual(chairBody(final.state, scn, HUMANS[i]!, final.status()));
    expect(projector.view).toEqual(projectorBody(final.state, scn, final.status()));
    await until(
      () => hashState(truthOf(fac.view)) === hashState(final.state),
      'the facilitator to see the final state',
    );
    expect(truthOf(fac.view)).toEqual(final.state);

    // Join codes expire with their session.
    const after = client(server.url);
    await after.connect();
    await expect(after.join(created.session.code!, 'Too late')).rejects.toMatchObject({ code: 'code/unknown' });
    after.close();

    // Fog and hidden plans held over the wire, in every frame each chair got, and in the views the client put together.
    let planning = 0;
    for (const [i, p] of players.entries()) {
      planning += assertNoLeak(HUMANS[i]!, p.received);
      const wire = p.tap.frames.map((f) => JSON.parse(f) as WireMessage);
      assertNoLeak(HUMANS[i]!, wire);
      // Most view frames carried only the ledger entries not sent before.
      const views = wire.flatMap((m) => (m.type === 'view' && m.body.role === 'chair' ? [m.body] : []));
      const incremental = views.filter((b) => b.ledgerFrom > 0);
      expect(incremental.length).toBeGreaterThan(views.length / 2);
      expect(incremental.some((b) => b.view.ledger.length > 0)).toBe(true);
    }
    expect(planning).toBeGreaterThan(6);

    // The projector showed the map and the public indicators, never a plan's content or an estimate.
    const exact = Object.entries(scn.indicators)
      .filter(([, i]) => i.observed === 'exact')
      .map(([k]) => k);
    const shown = projector.received.filter((m) => m.type === 'view');
    expect(shown.length).toBeGreaterThan(10);
    for (const m of shown) {
      if (m.type !== 'view' || m.body.role !== 'projector') throw new Error('a projector got another view');
      const text = JSON.stringify(m);
      for (const key of ['"items"', '"ledger"', '"actors"', '"legal"', '"state"', '"note"'])
        expect(text).not.toContain(key);
      if (m.body.view.phase !== 'over') for (const k of Object.keys(m.body.view.indicators)) expect(exact).toContain(k);
    }
    projector.close();

    // The game is its log: a second store handle rebuilds the same state from the database alone.
    const store = new SessionStore(tmp.db);
    const row = store.session(sid)!;
    const again = Session.open(row, scn, { store, now: Date.now, onChange: () => {} });
    expect(hashState(again.state)).toBe(hashState(truth));
    expect(again.state.log.length).toBe(truth.log.length);
    const actors = new Set(store.events(sid).map((e) => e.actor.split(':')[0]));
    expect([...actors].sort()).toEqual(['bot', 'facilitator', 'seat']);
    store.close();

    for (const p of [...players, fac]) p.close();
  });
});
