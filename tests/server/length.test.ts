// A game set shorter for the room: it ends after the month set, scored against the scenario's threshold for that length;
// the facilitator's list of sessions follows every session without being asked.
import { describe, expect, it, vi } from 'vitest';
import { thresholdFor, type GameState } from '../../src/engine/index.js';
import { loadScenario } from '../../src/scenario/load-node.js';
import { SessionStore } from '../../src/server/db.js';
import { client, FACILITATOR_TOKEN, facilitatorView as fview, serverWithFacilitator, until } from './support.js';

const ctx = serverWithFacilitator();
const truth = (sid: string): GameState => fview(ctx.fac.views.get(sid)).state;

describe('the game length', () => {
  it('a six-month MONUSCO session played by bots ends at month 6, scored against the six-month pass mark', async () => {
    const loaded = loadScenario('monusco-2013');
    if (!loaded.ok) throw new Error('no scenario');
    const scn = loaded.value;
    const made = await ctx.fac.createSession({ scenario: 'monusco-2013', team: 'Six', seed: 11, months: 6 });
    const sid = made.session.session;
    expect(made.session.months).toBe(6);
    // a second facilitator screen (the dashboard on another laptop) hears of every change without asking
    const other = client(ctx.server.url, FACILITATOR_TOKEN);
    await other.connect();
    await until(() => other.sessions.some((x) => x.session === sid), 'the list');
    const lists = () => other.received.filter((m) => m.type === 'sessions').length;
    const before = lists();
    ctx.fac.watch(sid);
    await ctx.fac.command(sid, { do: 'start', autoplay: true });
    await until(() => ctx.fac.views.get(sid)?.status.ended === true, 'the end of the game', 60_000);
    const s = truth(sid);
    expect(s.phase).toBe('over');
    expect(s.turn).toBe(6);
    expect(s.assessed).toHaveLength(6);
    const mark = thresholdFor(scn, 6);
    expect(mark).toBe(scn.scoring.lengths?.find((l) => l.months === 6)?.threshold);
    expect(mark).not.toBe(scn.scoring.threshold);
    // Autoplay bots end a six-month game by its last month: the short game's pass mark decides.
    expect(s.outcome?.end).toBeNull();
    expect(s.outcome?.result).toBe(s.outcome!.score >= mark ? 'success' : 'failure');
    await until(() => other.sessions.find((x) => x.session === sid)?.status.ended === true, 'the live list');
    expect(lists()).toBeGreaterThan(before);
    expect(other.sessions.find((x) => x.session === sid)).toMatchObject({ turn: 6, phase: 'over', months: 6 });
    // What goes out live is the summaries that changed (here, this session's), not the whole list again; put
    // together, they are the whole list the server gives when asked.
    const live = other.received.filter((m) => m.type === 'sessions' && m.id === undefined && m.changed);
    expect(live.length).toBeGreaterThan(0);
    for (const m of live) expect(m.type === 'sessions' && m.sessions.map((x) => x.session)).toEqual([sid]);
    const asked = await other.listSessions();
    expect(other.sessions).toEqual(asked.sessions);
    other.close();
  }, 90_000);

  it('is set before the start or during the game, never past the scenario nor before the month reached', async () => {
    await expect(
      ctx.fac.createSession({ scenario: 'tutorial', team: 'Long', seed: 2, months: 7 }),
    ).rejects.toMatchObject({ code: 'facilitator/length' });
    const made = await ctx.fac.createSession({ scenario: 'tutorial', team: 'Short', seed: 2 });
    const sid = made.session.session;
    expect(made.session.months).toBe(6);
    await ctx.fac.command(sid, { do: 'set-length', months: 2 });
    await until(() => truth(sid).months === 2, 'the length');
    await expect(ctx.fac.command(sid, { do: 'set-length', months: 9 })).rejects.toMatchObject({
      code: 'facilitator/length',
    });
    // the game's record carries it: the debrief's replay ends where the session did
    await ctx.fac.command(sid, { do: 'start', autoplay: true });
    await until(() => ctx.fac.views.get(sid)?.status.ended === true, 'the end', 60_000);
    expect(truth(sid).turn).toBe(2);
    await until(() => ctx.fac.records.has(sid), 'the record');
    expect(ctx.fac.records.get(sid)!.log[0]).toEqual({ type: 'facilitator/length', months: 2 });
  }, 90_000);

  it('a session whose length is refused is not made: no row, no list entry, nothing of it in the store', async () => {
    const teams = async () => (await ctx.fac.listSessions()).sessions.map((x) => x.team);
    // Bad input: refused before anything is written.
    await expect(
      ctx.fac.createSession({ scenario: 'tutorial', team: 'Too long', seed: 5, months: 7 }),
    ).rejects.toMatchObject({ code: 'facilitator/length' });
    expect(await teams()).not.toContain('Too long');
    // The store refuses the length's write (a full disk): what was written of the session is taken back.
    const known = new Set(ctx.server.hub.sessions.keys());
    const append = SessionStore.prototype.append;
    const spy = vi.spyOn(SessionStore.prototype, 'append').mockImplementation(function (this: SessionStore, ...a) {
      if (!known.has(a[0])) throw new Error('database or disk is full');
      return append.apply(this, a);
    });
    try {
      await expect(
        ctx.fac.createSession({ scenario: 'tutorial', team: 'Half made', seed: 6, months: 3 }),
      ).rejects.toMatchObject({ code: 'internal' });
    } finally {
      spy.mockRestore();
    }
    expect(await teams()).not.toContain('Half made');
    expect([...ctx.server.hub.sessions.values()].map((x) => x.row.team)).not.toContain('Half made');
    // The next session is made as ever.
    const ok = await ctx.fac.createSession({ scenario: 'tutorial', team: 'Whole', seed: 6, months: 3 });
    expect(ok.session.months).toBe(3);
    expect(await teams()).toContain('Whole');
  });
});
