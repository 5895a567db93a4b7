// Incremental views and the game record: a lost frame brings a whole view again; an undo past the end withdraws the record.
import { describe, expect, it } from 'vitest';
import { hashState, restoreSave } from '../../src/engine/index.js';
import { driveChair } from '../../src/net/drive.js';
import type { ViewBody, WireMessage } from '../../src/net/protocol.js';
import { loadScenario } from '../../src/scenario/load-node.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';
import { chairBody, projectorBody } from '../../src/server/views.js';
import {
  FACILITATOR_TOKEN,
  client,
  facilitatorView as truth,
  serverWithFacilitator,
  sessionWith as seated,
  until,
  type TestClient,
} from './support.js';

const r = loadScenario('tutorial');
if (!r.ok) throw new Error('tutorial does not load');
const scn: Scenario = r.value;

const ctx = serverWithFacilitator();
const wire = (c: TestClient) => c.tap.frames.map((f) => JSON.parse(f) as WireMessage);
const sessionWith = (seed: number, seats: ('srsg' | 'projector')[]) => seated(ctx.fac, ctx.server.url, seed, seats);
/** Plays the SRSG's chair; with `holdAt`, waits in that turn's planning while `holding.on`. */
const drive = (c: TestClient, holdAt?: number, holding = { on: true }) =>
  driveChair(c, {
    scenario: scn,
    doctrine: DOCTRINES['report']!,
    random: () => 0.5,
    hold: (b) => holding.on && b.view.turn === holdAt && b.view.phase === 'planning',
  });
/** Whether a chair's or the facilitator's view shows this turn's planning. */
function inPlanning(b: ViewBody | null | undefined, turn: number): boolean {
  const at = b?.role === 'chair' ? b.view : b?.role === 'facilitator' ? b.state : null;
  return at?.phase === 'planning' && at.turn === turn;
}

/** Once: loses the first view frame that brings new ledger or log entries to a list the client holds some of. */
function loseOneIncrement(c: TestClient): () => boolean {
  let lost = false;
  c.tap.drop = (f) => {
    if (lost) return false;
    const m = JSON.parse(f) as WireMessage;
    if (m.type !== 'view') return false;
    const b = m.body;
    const increment =
      b.role === 'chair'
        ? b.ledgerFrom > 0 && b.view.ledger.length > 0
        : b.role === 'facilitator' && b.logFrom > 0 && b.state.log.length > 0;
    return (lost = increment);
  };
  return () => lost;
}

describe('incremental views', () => {
  it('ask for a whole view again when a frame was lost, and end equal to the server projections', async () => {
    const { sid, clients } = await sessionWith(21, ['srsg']);
    const [srsg] = clients as [TestClient];
    const holding = { on: true };
    const driver = drive(srsg, 2, holding);
    await ctx.fac.command(sid, { do: 'start' });
    await until(() => inPlanning(srsg.view, 2) && inPlanning(ctx.fac.views.get(sid), 2), 'turn 2 planning');
    // The facilitator's adjustment adds to the ledger and the log; the frames that bring it are lost.
    const chairLost = loseOneIncrement(srsg);
    const facLost = loseOneIncrement(ctx.fac);
    await ctx.fac.command(sid, { do: 'adjust-indicator', indicator: 'credibility', by: -3, reason: 'A leak' });
    await until(() => chairLost() && facLost(), 'a frame of each to be lost');
    // Whatever the game does next tells each client it missed a frame: it asks for a sync and gets a whole view.
    await ctx.fac.command(sid, { do: 'pause' });
    await until(
      () => srsg.view?.status.paused === true && truth(ctx.fac.views.get(sid)).status.paused,
      'the paused views',
    );
    const s = ctx.server.hub.sessions.get(sid)!;
    expect(srsg.view).toEqual(chairBody(s.state, scn, 'srsg', s.status()));
    expect(truth(ctx.fac.views.get(sid)).state).toEqual(s.state);
    // One sync each, however many frames came between the loss and its answer.
    for (const c of [srsg, ctx.fac])
      expect(c.tap.sent.filter((f) => (JSON.parse(f) as { type: string }).type === 'sync')).toHaveLength(1);
    holding.on = false;
    await ctx.fac.command(sid, { do: 'end-game', reason: 'Enough' });
    await driver.done;
    srsg.close();
  });
});

describe('the game record', () => {
  it('is withdrawn on every screen by an undo past the end, also from a screen that was offline, and a new one follows', async () => {
    const { sid, clients } = await sessionWith(23, ['srsg', 'projector']);
    const [srsg, projector] = clients as [TestClient, TestClient];
    const screens = [srsg, projector, ctx.fac];
    await ctx.fac.command(sid, { do: 'start' });
    await drive(srsg).done;
    await until(() => screens.every((c) => c.records.has(sid)), 'the record on every screen');
    const first = srsg.record!;
    expect(first.stateHash).toBe(hashState(ctx.server.hub.sessions.get(sid)!.state));

    // The projector's network fails: the undo's notices never reach it, and it reconnects afterwards.
    projector.tap.drop = () => true;
    await ctx.fac.command(sid, { do: 'undo-last-resolution', reason: 'Replay the last month' });
    await until(() => wire(projector).some((m) => m.type === 'reopened'), 'the lost notice');
    delete projector.tap.drop;
    projector.drop();

    await until(() => screens.every((c) => !c.records.has(sid)), 'the record withdrawn everywhere');
    for (const c of screens) expect(c.received.filter((m) => m.type === 'reopened')).toHaveLength(1);
    expect(srsg.record).toBeNull();
    // Nothing stale: the views are the server's projections of the state after the undo (shorter ledger and log).
    const s = ctx.server.hub.sessions.get(sid)!;
    await until(
      () =>
        projector.view?.status.ended === false && truth(ctx.fac.views.get(sid)).state.log.length === s.state.log.length,
      'the views after the undo',
    );
    expect(srsg.view).toEqual(chairBody(s.state, scn, 'srsg', s.status()));
    expect(projector.view).toEqual(projectorBody(s.state, scn, s.status()));
    expect(truth(ctx.fac.views.get(sid)).state).toEqual(s.state);
    expect(truth(ctx.fac.views.get(sid)).hash).toBe(hashState(s.state));

    // Played on to a new end: a new record, which replays to the new final state.
    const again = drive(srsg);
    await ctx.fac.command(sid, { do: 'resume' });
    await again.done;
    await until(() => screens.every((c) => c.records.has(sid)), 'the new record on every screen');
    const end = ctx.server.hub.sessions.get(sid)!.state;
    for (const c of screens) {
      const save = c.records.get(sid)!;
      const replayed = restoreSave(save, scn, { facilitator: true });
      if (!replayed.ok) throw new Error(replayed.error.message);
      expect(hashState(replayed.state)).toBe(hashState(end));
    }
    srsg.close();
    projector.close();
  });

  it('is not sent before the end, and is sent on connecting to an ended session', async () => {
    const { sid, clients } = await sessionWith(25, ['srsg', 'projector']);
    const [srsg, projector] = clients as [TestClient, TestClient];
    const driver = drive(srsg, 3);
    await ctx.fac.command(sid, { do: 'start' });
    await until(() => inPlanning(srsg.view, 3), 'turn 3');
    for (const c of [srsg, projector, ctx.fac])
      expect(wire(c).some((m) => m.type === 'record' && m.session === sid)).toBe(false);
    await ctx.fac.command(sid, { do: 'end-game', reason: 'Time for the plenary' });
    await driver.done;
    await until(() => projector.records.has(sid), 'the record');
    const save = projector.records.get(sid)!;
    expect(save.log.at(-1)).toEqual({ type: 'facilitator/end', reason: 'Time for the plenary' });
    // A second facilitator page opened after the end gets it when it watches.
    const later = client(ctx.server.url, FACILITATOR_TOKEN);
    await later.connect();
    later.watch(sid);
    await until(() => later.records.has(sid), 'the record for a late watcher');
    expect(later.records.get(sid)).toEqual(save);
    for (const c of [later, srsg, projector]) c.close();
  });

  it('keeps the world key from a team while another team on its seed plays; a released key starts no new session', async () => {
    const a = await sessionWith(27, ['srsg']);
    const b = await sessionWith(27, ['srsg']);
    const [chairA] = a.clients as [TestClient];
    const [chairB] = b.clients as [TestClient];
    const hub = ctx.server.hub;
    const world = hub.sessions.get(a.sid)!.state.world;
    expect(world).toMatch(/^[0-9a-f]{32}$/);
    expect(hub.sessions.get(b.sid)!.state.world).toBe(world);
    // Team A ends while team B plays on: the facilitator has A's record; A's screen hears of the end, with no key.
    await ctx.fac.command(a.sid, { do: 'end-game', reason: 'A is done' });
    await until(() => ctx.fac.records.has(a.sid) && chairA.received.some((m) => m.type === 'ended'), 'the end of A');
    expect(ctx.fac.records.get(a.sid)!.world).toBe(world);
    // A sync's answer comes after anything sent before it: by then a record, had one gone, is in.
    const views = chairA.received.filter((m) => m.type === 'view').length;
    chairA.sync(a.sid);
    await until(() => chairA.received.filter((m) => m.type === 'view').length > views, 'the answer to a sync');
    expect(chairA.tap.frames.filter((f) => f.includes(world!))).toEqual([]);
    expect(chairA.records.has(a.sid)).toBe(false);
    // Team B ends too: now both records go out, with the key, and both replay.
    await ctx.fac.command(b.sid, { do: 'end-game', reason: 'B is done' });
    await until(() => chairA.records.has(a.sid) && chairB.records.has(b.sid), 'both records');
    for (const [c, sid] of [
      [chairA, a.sid],
      [chairB, b.sid],
    ] as const) {
      const save = c.records.get(sid)!;
      expect(save.world).toBe(world);
      const replayed = restoreSave(save, scn, { facilitator: true });
      if (!replayed.ok) throw new Error(replayed.error.message);
      expect(hashState(replayed.state)).toBe(hashState(hub.sessions.get(sid)!.state));
    }
    // The key has gone out: a team started on the seed now meets a world of its own.
    const c = await sessionWith(27, []);
    const next = hub.sessions.get(c.sid)!.state.world;
    expect(next).toMatch(/^[0-9a-f]{32}$/);
    expect(next).not.toBe(world);
    chairA.close();
    chairB.close();
  });
});
