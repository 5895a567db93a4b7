// Issue #18, holes 3–5: one bad actor cannot stop the room. Memory stays bounded for a client that never reads, idle
// and flooding connections cannot lock the facilitator out, join codes cannot be guessed at speed.
// Other addresses on the loopback network (127.0.0.2 …) stand for other machines in the room.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { SessionClient, type SocketLike } from '../../src/net/client.js';
import type { ServerMessage } from '../../src/net/protocol.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import type { HubLimits } from '../../src/server/hub.js';
import type { RateLimit } from '../../src/server/rate-limit.js';
import {
  FACILITATOR_TOKEN,
  client,
  facilitatorView,
  ROOT,
  sessionWith,
  tempDir,
  until,
  type TestClient,
} from './support.js';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { driveChair } from '../../src/net/drive.js';
import { loadScenario } from '../../src/scenario/load-node.js';
import { DOCTRINES } from '../../src/sim/doctrines/index.js';

const loaded = loadScenario('tutorial');
if (!loaded.ok) throw new Error('tutorial does not load');
const tutorial = loaded.value;

interface Raw {
  readonly ws: WebSocket;
  readonly inbox: ServerMessage[];
  readonly closed: Promise<number>;
  isClosed: () => boolean;
  send: (x: unknown) => void;
  next: (pred?: (m: ServerMessage) => boolean, ms?: number) => Promise<ServerMessage>;
}

/** A raw socket from a chosen local address (127.0.0.x), keeping every message it receives. */
async function raw(url: string, from = '127.0.0.1'): Promise<Raw> {
  const ws = new WebSocket(url, { localAddress: from });
  const inbox: ServerMessage[] = [];
  let done = false;
  ws.on('message', (d) => inbox.push(JSON.parse(String(d)) as ServerMessage));
  const closed = new Promise<number>((r) =>
    ws.on('close', (code) => {
      done = true;
      r(code);
    }),
  );
  ws.on('error', () => {});
  await new Promise<void>((ok, fail) => {
    ws.once('open', () => ok());
    ws.once('close', () => fail(new Error('closed before open')));
  });
  return {
    ws,
    inbox,
    closed,
    isClosed: () => done,
    send: (x) => {
      if (ws.readyState === ws.OPEN) ws.send(typeof x === 'string' ? x : JSON.stringify(x));
    },
    next: async (pred = () => true, ms = 5000) => {
      const t0 = Date.now();
      for (;;) {
        const i = inbox.findIndex(pred);
        if (i >= 0) return inbox.splice(i, 1)[0]!;
        if (Date.now() - t0 > ms) throw new Error('no such message in time');
        await new Promise((r) => setTimeout(r, 5));
      }
    },
  };
}

const hello = { type: 'hello', protocol: 1 } as const;
const tmp = tempDir();
const servers: RunningServer[] = [];
const sockets: WebSocket[] = [];
const clients: TestClient[] = [];

async function serve(
  name: string,
  limits: HubLimits = {},
  rate: RateLimit = { perSecond: 1000, burst: 1000 },
  maxConnections?: number,
): Promise<RunningServer & { url: string }> {
  const s = await startServer({
    host: '127.0.0.1',
    port: 0,
    db: join(tmp.dir, `${name}.db`),
    dist: join(ROOT, 'dist'),
    facilitatorToken: FACILITATOR_TOKEN,
    rate,
    publicUrl: 'http://127.0.0.1',
    limits,
    ...(maxConnections !== undefined ? { maxConnections } : {}),
  });
  servers.push(s);
  return Object.assign(s, { url: `ws://127.0.0.1:${s.port}/ws` });
}

async function rawKept(url: string, from?: string): Promise<Raw> {
  const r = await raw(url, from);
  sockets.push(r.ws);
  return r;
}

async function facilitator(url: string): Promise<TestClient> {
  const f = client(url, FACILITATOR_TOKEN);
  clients.push(f);
  await f.connect();
  return f;
}

/** A server of its own, the facilitator, and a started session with a person in the SRSG's chair. */
async function startedWithChair(name: string, seed: number) {
  const server = await serve(name);
  const fac = await facilitator(server.url);
  const {
    sid,
    clients: [srsg],
  } = await sessionWith(fac, server.url, seed, ['srsg']);
  clients.push(srsg!);
  await fac.command(sid, { do: 'start' });
  return { server, fac, sid, srsg: srsg! };
}

afterAll(async () => {
  for (const c of clients) c.close();
  for (const ws of sockets) ws.terminate();
  for (const s of servers) await s.close();
  tmp.cleanup();
});

describe('hole 3: memory without bound', () => {
  it('a chair and a facilitator that ask for views again and again and never read leave little queued on the server', async () => {
    const { server, fac, sid, srsg } = await startedWithChair('memory', 5);
    // Played to the end: the views are at their largest (the whole ledger, and the game record with them).
    await driveChair(srsg, { scenario: tutorial, doctrine: DOCTRINES['report']!, random: () => 0.4 }).done;
    await until(() => facilitatorView(fac.view).status.ended, 'the end of the game');
    const token = srsg.received.find((m) => m.type === 'seated');
    expect(token?.type).toBe('seated');
    const chair = await rawKept(server.url);
    chair.send({ type: 'resume', protocol: 1, token: (token as Extract<ServerMessage, { type: 'seated' }>).token });
    await chair.next((m) => m.type === 'view');
    const boss = await rawKept(server.url);
    boss.send({ type: 'resume', protocol: 1, token: FACILITATOR_TOKEN });
    await boss.next((m) => m.type === 'welcome');
    boss.send({ type: 'watch', session: sid });
    const whole = await boss.next((m) => m.type === 'view');
    expect(JSON.stringify(whole).length).toBeGreaterThan(20_000);
    // Neither reads from now on; each asks for a whole view 600 times (well within its rate limit of 1000/s).
    (chair.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    (boss.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    for (let i = 0; i < 600; i++) {
      chair.send({ type: 'sync' });
      boss.send({ type: 'sync', session: sid });
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 300));
    // Today's code queued every whole view (tens of MiB); now the views wait while a connection has 1 MiB unread.
    expect(
      Math.max(
        0,
        ...[...(server.hub as unknown as { conns: Set<{ ws: WebSocket }> }).conns].map((c) => c.ws.bufferedAmount),
      ),
    ).toBeLessThan(2 * 2 ** 20);
    // Both still get their views once they read again: the last one, whole.
    (chair.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    (boss.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    chair.inbox.length = 0;
    await chair.next((m) => m.type === 'view', 10_000);
  });
});

describe('hole 3: a small request, a large answer', () => {
  it('answers a chair that asks for its whole view a hundred times at once with two whole views, not a hundred', async () => {
    const { server, srsg } = await startedWithChair('syncs', 6);
    const seated = srsg.received.find((m) => m.type === 'seated') as Extract<ServerMessage, { type: 'seated' }>;
    const chair = await rawKept(server.url);
    chair.send({ type: 'resume', protocol: 1, token: seated.token });
    await chair.next((m) => m.type === 'view');
    // A sync is some 15 bytes; each whole view is kilobytes (late in MINUSMA, ~150 KB). It reads all it is sent.
    chair.inbox.length = 0;
    for (let i = 0; i < 100; i++) chair.send({ type: 'sync' });
    await chair.next((m) => m.type === 'view');
    // The others are one, a second later.
    await chair.next((m) => m.type === 'view');
    // A request answered at once: whatever the syncs were to bring has come before its answer.
    chair.send({ type: 'join', code: 'ZZZZZZ', name: 'x', id: 'marker' });
    await chair.next((m) => m.type === 'error' && m.id === 'marker');
    expect(chair.inbox.filter((m) => m.type === 'view')).toEqual([]);
  });
});

describe('hole 4: lock-out', () => {
  it('idle connections that said hello, from one address or many, cannot keep the facilitator out', async () => {
    const server = await serve('lockout', { maxPerAddress: 10 }, undefined, 30);
    const welcomed: Raw[] = [];
    const refused: Raw[] = [];
    for (const from of ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5']) {
      for (let i = 0; i < 12; i++) {
        const r = await rawKept(server.url, from);
        r.send(hello);
        const m = await r.next((x) => x.type === 'welcome' || x.type === 'error');
        (m.type === 'welcome' ? welcomed : refused).push(r);
      }
    }
    // No more than 10 from one address, and no more than the server's 30 in all; the rest were turned away.
    expect(welcomed.length).toBeLessThanOrEqual(30);
    expect(refused.length).toBeGreaterThanOrEqual(18);
    expect(refused[0]!.inbox.length + 1).toBeGreaterThan(0);
    // The facilitator gets in all the same, and can work.
    const fac = await facilitator(server.url);
    expect(fac.role).toBe('facilitator');
    const created = await fac.createSession({ scenario: 'tutorial', team: 'Full house', seed: 2 });
    expect(created.session.code).toMatch(/^[A-Z2-9]{6}$/);
  });

  it('lets the facilitator in from the very address that holds a crowd of idle connections', async () => {
    const server = await serve('same-address', { maxPerAddress: 10 }, undefined, 30);
    const from = '127.0.0.20';
    for (let i = 0; i < 40; i++) {
      const r = await rawKept(server.url, from);
      r.send(hello);
    }
    const f = new SessionClient({
      url: server.url,
      token: FACILITATOR_TOKEN,
      socket: (u) => new WebSocket(u, { localAddress: from }) as unknown as SocketLike,
      timeoutMs: 5000,
    });
    try {
      expect((await f.connect()).role).toBe('facilitator');
      expect((await f.listSessions()).type).toBe('sessions');
    } finally {
      f.close();
    }
  });

  it('closes a connection that said hello and never joined', async () => {
    const server = await serve('anonymous', { anonymousMs: 300 });
    const r = await rawKept(server.url);
    r.send(hello);
    await r.next((m) => m.type === 'welcome');
    const code = await Promise.race([r.closed, new Promise<number>((ok) => setTimeout(() => ok(-1), 3000))]);
    expect(code).toBe(1008);
  });

  it('closes a steady flood, though the rate limit lets a message through now and then', async () => {
    const server = await serve('flood', {}, { perSecond: 20, burst: 40 });
    const r = await rawKept(server.url);
    r.send(hello);
    await r.next((m) => m.type === 'welcome');
    // ~400 messages a second for at most 6 s: far over 20/s, steadily.
    const t0 = Date.now();
    while (!r.isClosed() && Date.now() - t0 < 6000) {
      for (let i = 0; i < 4; i++) r.send({ type: 'sync', id: `flood-${i}` });
      await new Promise((ok) => setTimeout(ok, 10));
    }
    expect(r.isClosed()).toBe(true);
    expect(await r.closed).toBe(1008);
    // Its refusals named the requests they refused.
    const limited = r.inbox.find((m) => m.type === 'error' && m.code === 'message/rate-limited');
    expect(limited).toMatchObject({ id: expect.stringMatching(/^flood-\d$/) });
  });
});

describe('holes 5 and 7: join codes, and seats per session', () => {
  let server: RunningServer & { url: string };
  let fac: TestClient;
  let code = '';
  let sid = '';
  beforeAll(async () => {
    server = await serve('codes', { maxProjectors: 3, maxLobby: 4 });
    fac = await facilitator(server.url);
    const created = await fac.createSession({ scenario: 'tutorial', team: 'Codes', seed: 4 });
    code = created.session.code!;
    sid = created.session.session;
  });

  const wrong = (c: string) => [...c].map((ch) => (ch === 'A' ? 'B' : 'A')).join('');

  it('counts a wrong code: the connection is closed after a few', async () => {
    const r = await rawKept(server.url, '127.0.0.10');
    r.send(hello);
    await r.next((m) => m.type === 'welcome');
    for (let i = 0; i < 5; i++) r.send({ type: 'join', code: wrong(code), name: 'guess' });
    expect(await Promise.race([r.closed, new Promise<number>((ok) => setTimeout(() => ok(-1), 3000))])).toBe(1008);
    expect(r.inbox.filter((m) => m.type === 'error' && m.code === 'code/unknown').length).toBeLessThanOrEqual(3);
  });

  it('slows an address down, with a growing delay, even for the right code; and tells the facilitator', async () => {
    const from = '127.0.0.11';
    let checked = 0;
    let throttled = 0;
    // 30 connections from one address, each trying three codes at once.
    const conns = await Promise.all(Array.from({ length: 30 }, () => rawKept(server.url, from)));
    for (const r of conns) r.send(hello);
    await Promise.all(conns.map((r) => r.next((m) => m.type === 'welcome')));
    for (const r of conns)
      for (let i = 0; i < 3; i++)
        r.send({ type: 'join', code: wrong(code).slice(0, 5) + String(i + 2), name: 'guess' });
    await new Promise((ok) => setTimeout(ok, 500));
    for (const r of conns) {
      checked += r.inbox.filter((m) => m.type === 'error' && m.code === 'code/unknown').length;
      throttled += r.inbox.filter((m) => m.type === 'error' && m.code === 'code/throttled').length;
    }
    // Today every one of the 90 codes was checked; now only the first few from the address are.
    expect(checked).toBeLessThanOrEqual(6);
    expect(throttled).toBeGreaterThan(80);
    // The right code is refused too while the address waits: waiting teaches nothing.
    const late = await rawKept(server.url, from);
    late.send(hello);
    await late.next((m) => m.type === 'welcome');
    late.send({ type: 'join', code, name: 'late', id: 'j1' });
    expect(await late.next((m) => m.type === 'error' || m.type === 'joined')).toMatchObject({
      type: 'error',
      code: 'code/throttled',
      id: 'j1',
    });
    // Another machine in the room joins as usual.
    const other = await rawKept(server.url, '127.0.0.12');
    other.send(hello);
    await other.next((m) => m.type === 'welcome');
    other.send({ type: 'join', code, name: 'Ana' });
    expect(await other.next((m) => m.type === 'joined' || m.type === 'error')).toMatchObject({
      type: 'joined',
      session: sid,
    });
    // The facilitator's console hears of it.
    await until(() => fac.received.some((m) => m.type === 'alarm'), 'the alarm');
    expect(fac.received.find((m) => m.type === 'alarm')).toMatchObject({ kind: 'join-guessing', address: from });
  });

  it('hole 7: limits projector seats and the lobby per session; a projector screen that left makes room for a new one', async () => {
    const screens: Raw[] = [];
    const seat = async (from: string): Promise<ServerMessage> => {
      const r = await rawKept(server.url, from);
      r.send(hello);
      await r.next((m) => m.type === 'welcome');
      r.send({ type: 'join', code, name: 'wall' });
      await r.next((m) => m.type === 'joined');
      r.send({ type: 'claim-chair', seat: 'projector' });
      screens.push(r);
      return r.next((m) => m.type === 'seated' || m.type === 'error');
    };
    for (let i = 0; i < 3; i++) expect(await seat('127.0.0.13')).toMatchObject({ type: 'seated' });
    expect(await seat('127.0.0.13')).toMatchObject({ type: 'error', code: 'session/full' });
    screens[0]!.ws.close();
    await screens[0]!.closed;
    await until(() => fac.lobby?.projectors === 2, 'the lobby to count two projectors');
    expect(await seat('127.0.0.13')).toMatchObject({ type: 'seated' });
    // The lobby takes at most 4 people who have not taken a seat.
    const waiting: ServerMessage[] = [];
    const lobby: Raw[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await rawKept(server.url, '127.0.0.14');
      lobby.push(r);
      r.send(hello);
      await r.next((m) => m.type === 'welcome');
      r.send({ type: 'join', code, name: `p${i}` });
      waiting.push(await r.next((m) => m.type === 'joined' || m.type === 'error'));
    }
    expect(waiting.filter((m) => m.type === 'error' && m.code === 'session/full').length).toBeGreaterThanOrEqual(1);
    expect(server.hub.sessions.get(sid)!.seats.size).toBe(3);
    // Screens that come and go leave no more rows than the limit.
    for (const r of lobby) r.ws.close();
    await Promise.all(lobby.map((r) => r.closed));
    for (let i = 0; i < 5; i++) {
      const last = screens.at(-1)!;
      last.ws.close();
      await last.closed;
      await until(() => fac.lobby?.projectors === 2, 'a screen to leave');
      expect(await seat('127.0.0.13')).toMatchObject({ type: 'seated' });
    }
    const rows = new Database(join(tmp.dir, 'codes.db'), { readonly: true });
    expect(
      (
        rows.prepare("SELECT COUNT(*) AS n FROM seats WHERE session = ? AND seat = 'projector'").get(sid) as {
          n: number;
        }
      ).n,
    ).toBe(3);
    rows.close();
  });
});
