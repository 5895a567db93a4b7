// The facilitator's controls: phase clocks (auto-commit at expiry, frozen by a pause), injects, undo, freeing a chair, ending.
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/engine/index.js';
import { SessionStore } from '../../src/server/db.js';
import { client, facilitatorView as fview, serverWithFacilitator, sessionWith as seated, until } from './support.js';

const ctx = serverWithFacilitator();
const truth = (sid: string): GameState => fview(ctx.fac.views.get(sid)).state;

async function sessionWith(chairs: ('srsg' | 'force')[], seed: number) {
  const { sid, code, clients } = await seated(ctx.fac, ctx.server.url, seed, chairs);
  return { sid, code, players: clients };
}

describe('the facilitator', () => {
  it('runs phase clocks: at expiry the timer commits and confirms what is there, as logged actions; a pause freezes the clock', async () => {
    const { sid, players } = await sessionWith(['srsg'], 5);
    const [srsg] = players as [ReturnType<typeof client>];
    await ctx.fac.command(sid, { do: 'start' });
    await srsg.act({ type: 'mandate/adopt', chair: 'srsg', tasks: ['political-process', 'poc'] });
    const t0 = Date.now();
    await ctx.fac.command(sid, { do: 'set-timer', seconds: { sitrep: 1, strategy: 1, planning: 1, coordination: 1 } });
    // The clock is an absolute server time, sent to the players too.
    await until(() => srsg.timer?.deadline != null, 'a deadline');
    expect(srsg.timer!.deadline! - t0).toBeGreaterThan(500);
    expect(srsg.timer!.deadline! - t0).toBeLessThan(2000);
    expect(srsg.timeLeft()).toBeLessThanOrEqual(1000);
    // The SRSG does nothing: the clock moves the turn on through every phase.
    await until(() => truth(sid).turn === 2, 'turn 2 through the clocks', 10_000);
    expect(truth(sid).phase).toBe('sitrep');
    const t1 = truth(sid).log.filter((a) => 'chair' in a && a.chair === 'srsg');
    expect(t1.map((a) => a.type)).toEqual(
      expect.arrayContaining(['sitrep/close', 'strategy/set', 'plan/commit', 'plan/confirm']),
    );
    const store = new SessionStore(ctx.db);
    const byTimer = store.events(sid).filter((e) => e.actor === 'timer' && e.event.kind === 'action');
    expect(byTimer.length).toBeGreaterThanOrEqual(4);
    store.close();

    // A pause stops the clock: nothing moves, players see the time left, not a deadline.
    await ctx.fac.command(sid, { do: 'pause' });
    const frozen = truth(sid);
    await until(() => srsg.timer?.remaining != null, 'the frozen clock');
    expect(srsg.timer!.deadline).toBeNull();
    await new Promise((r) => setTimeout(r, 1300));
    expect(truth(sid)).toEqual(frozen);
    await ctx.fac.command(sid, {
      do: 'set-timer',
      seconds: { sitrep: null, strategy: null, planning: null, coordination: null },
    });
    await ctx.fac.command(sid, { do: 'resume' });
    await until(() => srsg.timer?.deadline === null && srsg.timer.remaining === null, 'the clock to be off');
    srsg.close();
  });

  it('injects a scenario event and ledgers it under the facilitator with the reason', async () => {
    const { sid, players } = await sessionWith(['srsg'], 6);
    const [srsg] = players as [ReturnType<typeof client>];
    await expect(ctx.fac.command(sid, { do: 'inject', event: 'market-attack', reason: 'Test' })).rejects.toMatchObject({
      code: 'session/not-started',
    });
    await ctx.fac.command(sid, { do: 'start' });
    await srsg.act({ type: 'mandate/adopt', chair: 'srsg', tasks: ['political-process', 'poc'] });
    await expect(ctx.fac.command(sid, { do: 'inject', event: 'no-such-event', reason: 'Test' })).rejects.toMatchObject({
      code: 'facilitator/unknown-event',
    });
    await ctx.fac.command(sid, { do: 'inject', event: 'market-attack', reason: 'To open the discussion on spoilers' });
    ctx.fac.sync(sid);
    await until(() => truth(sid).fired.some((f) => f.event === 'market-attack'), 'the inject');
    const entries = truth(sid).ledger.filter((e) => e.cause.kind === 'facilitator');
    expect(entries.length).toBeGreaterThan(0);
    expect(
      entries.every(
        (e) =>
          e.cause.kind === 'facilitator' &&
          e.cause.reason === 'To open the discussion on spoilers' &&
          e.cause.event === 'market-attack',
      ),
    ).toBe(true);
    // The chair sees the event and its ledgered effects, as everyone does.
    await until(
      () => srsg.view?.role === 'chair' && srsg.view.view.fired.some((f) => f.event === 'market-attack'),
      'the chair to see it',
    );
    srsg.close();
  });

  it('undoes the last resolution: back to its coordination, paused; bots then replay to the same end', async () => {
    const { sid } = await sessionWith([], 9);
    await expect(ctx.fac.command(sid, { do: 'undo-last-resolution', reason: 'x' })).rejects.toMatchObject({
      code: 'session/not-started',
    });
    // nobody in a chair: the bots play on only with autoplay
    await ctx.fac.command(sid, { do: 'start', autoplay: true });
    await until(() => truth(sid).phase === 'over', 'the bots to finish');
    const end = fview(ctx.fac.views.get(sid));
    expect(end.status.ended).toBe(true);
    await ctx.fac.command(sid, { do: 'undo-last-resolution', reason: 'Replay the last month with the plenary' });
    await until(() => truth(sid).phase === 'coordination', 'the undo');
    const undone = fview(ctx.fac.views.get(sid));
    expect(undone.status).toMatchObject({ paused: true, ended: false });
    expect(undone.state.turn).toBe(end.state.turn);
    expect(Object.values(undone.state.plans).every((p) => p.committed && !p.confirmed && !p.revised)).toBe(true);
    await ctx.fac.command(sid, { do: 'resume' });
    await until(() => truth(sid).phase === 'over', 'the bots to finish again');
    // The same plans resolve the same way (the bots may confirm in another order, so only the log's tail differs).
    const again = truth(sid);
    expect(again.outcome).toEqual(end.state.outcome);
    expect({ ...again, log: [] }).toEqual({ ...end.state, log: [] });
    expect(again.log.slice(0, undone.state.log.length)).toEqual(undone.state.log);
  });

  it('frees a chair for a bot, and ends a session: codes expire and intents are refused', async () => {
    const { sid, code, players } = await sessionWith(['srsg', 'force'], 12);
    const [srsg, force] = players as [ReturnType<typeof client>, ReturnType<typeof client>];
    await ctx.fac.command(sid, { do: 'start' });
    await srsg.act({ type: 'mandate/adopt', chair: 'srsg', tasks: ['political-process', 'poc'] });
    await ctx.fac.command(sid, { do: 'release-chair', chair: 'srsg' });
    await until(
      () => ctx.fac.lobby?.session === sid && ctx.fac.lobby.seats.srsg?.by === 'bot',
      'the bot to take the chair',
    );
    // The freed player is back in the lobby; the bot SRSG moves the game on to the force chair's planning.
    await until(() => srsg.role === 'member', 'the player to be unseated');
    await until(() => truth(sid).phase === 'planning', 'planning');
    await expect(srsg.act({ type: 'plan/commit', chair: 'srsg' })).rejects.toMatchObject({ code: 'auth/forbidden' });
    await ctx.fac.command(sid, { do: 'end-game', reason: 'Time for the debrief' });
    await until(() => force.received.some((m) => m.type === 'ended'), 'the end notice');
    expect(force.received.find((m) => m.type === 'ended')).toMatchObject({ reason: 'Time for the debrief' });
    await expect(force.act({ type: 'plan/commit', chair: 'force' })).rejects.toMatchObject({ code: 'session/ended' });
    await expect(ctx.fac.command(sid, { do: 'pause' })).rejects.toMatchObject({ code: 'session/ended' });
    const late = client(ctx.server.url);
    await late.connect();
    await expect(late.join(code, 'Late')).rejects.toMatchObject({ code: 'code/unknown' });
    const list = await ctx.fac.listSessions();
    expect(list.sessions.find((s) => s.session === sid)).toMatchObject({
      code: null,
      link: null,
      status: { ended: true },
    });
    for (const c of [late, srsg, force]) c.close();
  });
});
