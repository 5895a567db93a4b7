// The Publisher alone decides who receives what, the world key's records included: a chair's record of a team that
// ended waits while another team on the same world plays on, and goes out when the last of them ends.
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { ServerMessage } from '../../src/net/protocol.js';
import { loadScenario } from '../../src/scenario/load-node.js';
import { SessionStore, type SeatRow } from '../../src/server/db.js';
import { Publisher, type Outlet } from '../../src/server/publish.js';
import { Session } from '../../src/server/session.js';
import { sessionRow } from '../helpers/factory.js';

const r = loadScenario('tutorial');
if (!r.ok) throw new Error('tutorial does not load');
const scn = r.value;

/** A chair's connection that keeps what it is sent. */
function chairOutlet(session: string): Outlet & { frames: ServerMessage[] } {
  const frames: ServerMessage[] = [];
  const ws = { OPEN: 1, readyState: 1, bufferedAmount: 0, send: (t: string) => frames.push(JSON.parse(t)) };
  const seat: SeatRow = {
    id: `seat-${session}`,
    session,
    seat: 'srsg',
    name: 'Ana',
    tokenHash: `hash-${session}`,
    createdAt: 0,
    releasedAt: null,
  };
  return { ws: ws as unknown as WebSocket, role: 'chair', seat, last: new Map(), held: new Map(), frames };
}

describe('the publisher', () => {
  it('holds a chair’s record back while a team on the same world plays, and sends every record when the last one ends', async () => {
    const store = new SessionStore(':memory:');
    const open = (id: string, code: string, seed: number): Session => {
      const row = sessionRow({ id, code, scenarioHash: 'hash', seed, team: id });
      store.createSession(row);
      return Session.open(row, scn, { store, now: () => 0, onChange: () => {} });
    };
    const a = open('a', 'AAAAAA', 27);
    const b = open('b', 'BBBBBB', 27);
    const other = open('c', 'CCCCCC', 28);
    expect(a.state.world).toMatch(/^[0-9a-f]{32}$/);
    expect(b.state.world).toBe(a.state.world);
    const conns = new Map([
      ['a', chairOutlet('a')],
      ['b', chairOutlet('b')],
      ['c', chairOutlet('c')],
    ]);
    const all = new Map([
      ['a', a],
      ['b', b],
      ['c', other],
    ]);
    const out = new Publisher({
      now: () => 0,
      members: (id) => [conns.get(id)!],
      session: (id) => all.get(id) ?? null,
      sessions: () => all.values(),
    });
    const records = (id: string) => conns.get(id)!.frames.filter((m) => m.type === 'record');
    const end = async (s: Session, reason: string) => {
      expect(s.command({ do: 'end-game', reason }, `end-${s.id}`).ok).toBe(true);
      out.publish(s);
      await out.sent();
    };
    await end(a, 'A is done');
    expect(conns.get('a')!.frames.some((m) => m.type === 'ended')).toBe(true);
    expect(records('a')).toEqual([]);
    expect(JSON.stringify(conns.get('a')!.frames)).not.toContain(a.state.world!);
    await end(b, 'B is done');
    expect(records('b')).toHaveLength(1);
    expect(records('a')).toHaveLength(1);
    for (const id of ['a', 'b']) {
      const rec = records(id)[0]!;
      expect(rec.type === 'record' && rec.save.world).toBe(a.state.world);
    }
    // A team on a world of its own has its record at once.
    expect(other.state.world).not.toBe(a.state.world);
    await end(other, 'C is done');
    expect(records('c')).toHaveLength(1);
    for (const s of all.values()) s.close();
    store.close();
  });
});

describe('a session’s news', () => {
  it('goes out a slice at a time, so that forty teams changing at once leave the event loop free in between', async () => {
    const store = new SessionStore(':memory:');
    const sessions = new Map<string, Session>();
    const conns = new Map<string, Outlet & { frames: ServerMessage[] }>();
    for (let i = 0; i < 40; i++) {
      const id = `s${i}`;
      const row = sessionRow({
        id,
        code: `C${String(i).padStart(5, '0')}`,
        scenarioHash: 'hash',
        seed: 100 + i,
        team: id,
      });
      store.createSession(row);
      sessions.set(id, Session.open(row, scn, { store, now: () => 0, onChange: () => {} }));
      conns.set(id, chairOutlet(id));
    }
    const out = new Publisher({
      now: () => 0,
      members: (id) => [conns.get(id)!],
      session: (id) => sessions.get(id) ?? null,
    });
    const views = () => [...conns.values()].filter((c) => c.frames.some((m) => m.type === 'view')).length;
    for (const s of sessions.values()) out.publish(s);
    // Nothing in the task that changed the sessions…
    expect(views()).toBe(0);
    // …and, at the next turn of the event loop, some but not all (each first view is made from nothing).
    await new Promise((r) => setImmediate(r));
    expect(views()).toBeGreaterThan(0);
    expect(views()).toBeLessThan(40);
    await out.sent();
    expect(views()).toBe(40);
    // A chair that acted is sent its news in the same task (its ack follows), the record (the whole state hashed)
    // a moment later, with the session's other screens.
    const s0 = sessions.get('s0')!;
    const c0 = conns.get('s0')!;
    expect(s0.command({ do: 'end-game', reason: 'done' }, 'end').ok).toBe(true);
    const before = c0.frames.length;
    out.publish(s0);
    out.acted(s0, c0);
    expect(c0.frames.slice(before).map((m) => m.type)).toEqual(['lobby', 'view', 'ended']);
    await out.sent();
    expect(c0.frames.slice(before).map((m) => m.type)).toEqual(['lobby', 'view', 'ended', 'record']);
    out.close();
    for (const s of sessions.values()) s.close();
    store.close();
  });
});
