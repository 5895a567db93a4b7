// Hidden stays hidden on the wire: no chair or projector frame carries the fog's secret, and no reply to a chair
// carries a hidden counter (the session's event count, the game's log length).
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/engine/index.js';
import { positionOf } from '../../src/net/protocol.js';
import { facilitatorView, serverWithFacilitator, sessionWith, until } from './support.js';

const ctx = serverWithFacilitator();

describe('holes 1 and 2: hidden information on the wire', () => {
  it('gives each session a secret of its own and each seed a world key, which reach no chair and no projector', async () => {
    const a = await sessionWith(ctx.fac, ctx.server.url, 41, ['srsg', 'envoy', 'projector']);
    const b = await sessionWith(ctx.fac, ctx.server.url, 41, []);
    await ctx.fac.command(a.sid, { do: 'start' });
    const [srsg, envoy, projector] = a.clients as [
      (typeof a.clients)[number],
      (typeof a.clients)[number],
      (typeof a.clients)[number],
    ];
    await until(() => srsg.view?.role === 'chair' && srsg.view.status.started, 'the srsg view');
    const adopt = srsg.view?.role === 'chair' ? srsg.view.legal.find((x) => x.type === 'mandate/adopt') : undefined;
    await srsg.act(adopt as Action);
    await until(() => envoy.view?.role === 'chair' && envoy.view.view.turn === 1, 'month 1');
    ctx.fac.watch(b.sid);
    await until(() => ctx.fac.views.has(a.sid) && ctx.fac.views.has(b.sid), 'both facilitator views');
    const secretA = facilitatorView(ctx.fac.views.get(a.sid)).state.secret;
    const secretB = facilitatorView(ctx.fac.views.get(b.sid)).state.secret;
    // Same seed, different secrets: made with crypto randomness, not from the seed.
    expect(secretA).toMatch(/^[0-9a-f]{32}$/);
    expect(secretB).toMatch(/^[0-9a-f]{32}$/);
    expect(secretA).not.toBe(secretB);
    // One world key per seed in the room: both teams meet the same world; a third seed gets its own.
    const c = await sessionWith(ctx.fac, ctx.server.url, 43, []);
    ctx.fac.watch(c.sid);
    await until(() => ctx.fac.views.has(c.sid), 'the third facilitator view');
    const worldA = facilitatorView(ctx.fac.views.get(a.sid)).state.world;
    expect(worldA).toMatch(/^[0-9a-f]{32}$/);
    expect(facilitatorView(ctx.fac.views.get(b.sid)).state.world).toBe(worldA);
    expect(facilitatorView(ctx.fac.views.get(c.sid)).state.world).not.toBe(worldA);
    for (const c of [srsg, envoy, projector]) {
      expect(c.tap.frames.length).toBeGreaterThan(0);
      for (const f of c.tap.frames) {
        expect(f).not.toContain(secretA);
        expect(f).not.toContain(worldA);
        expect(f).not.toContain('"secret"');
        expect(f).not.toContain('"world"');
      }
    }
    for (const c of a.clients) c.close();
  });

  it('answers a stale intent without counts, judges staleness on what the view shows, and acks a chair without the event count', async () => {
    const { sid, clients } = await sessionWith(ctx.fac, ctx.server.url, 42, ['srsg', 'envoy']);
    await ctx.fac.command(sid, { do: 'start' });
    const [srsg, envoy] = clients as [(typeof clients)[number], (typeof clients)[number]];
    await until(() => srsg.view?.role === 'chair' && srsg.view.status.started, 'the srsg view');
    const adopt = srsg.view?.role === 'chair' ? srsg.view.legal.find((x) => x.type === 'mandate/adopt') : undefined;
    await srsg.act(adopt as Action);
    await until(() => envoy.view?.role === 'chair' && envoy.view.view.turn === 1, 'month 1');
    const v = envoy.view?.role === 'chair' ? envoy.view.view : null;
    const where = positionOf(v!.turn, v!.phase);
    // The old guard compared with the log length and said it: "(3 actions, you saw 0)". A wrong guess now learns nothing more.
    for (const guess of [0, 1, 2, 3, 5, 8, 13, where + 1]) {
      const err = await envoy.act({ type: 'plan/commit', chair: 'envoy' }, { expect: guess }).then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
      expect(err?.code).toBe('session/stale');
      expect(err?.message).not.toMatch(/\d/);
    }
    // The SRSG acts at the position both chairs see; the ack says nothing of how many events the session holds.
    await until(
      () => srsg.view?.role === 'chair' && srsg.view.view.turn === 1 && srsg.view.legal.length > 0,
      'the srsg legal list',
    );
    const first = srsg.view?.role === 'chair' ? srsg.view.legal[0] : undefined;
    const close = await srsg.act(first as Action, { expect: where });
    expect(close).not.toHaveProperty('seq');
    const ack = srsg.received.filter((m) => m.type === 'ack');
    expect(ack.length).toBeGreaterThan(0);
    for (const m of ack) expect(m).not.toHaveProperty('seq');
    for (const f of srsg.tap.frames.filter((x) => x.includes('"type":"ack"'))) expect(f).not.toContain('"seq"');
    for (const c of clients) c.close();
  });
});
