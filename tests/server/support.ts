// Test support for the session server: real servers on 127.0.0.1 (in this process or a child), clients, temp databases.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll } from 'vitest';
import { SessionClient, type SocketLike } from '../../src/net/client.js';
import type { SeatKind, ServerMessage, ViewBody } from '../../src/net/protocol.js';
import { launchServer } from '../../src/server/launch.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import type { RateLimit } from '../../src/server/rate-limit.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FACILITATOR_TOKEN = 'test-facilitator-token-0123456789';

export function tempDir(): { dir: string; db: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'mandate-server-'));
  return { dir, db: join(dir, 'sessions.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function inProcess(
  db: string,
  rate: RateLimit = { perSecond: 1000, burst: 1000 },
): Promise<RunningServer & { url: string }> {
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    db,
    dist: join(ROOT, 'dist'),
    facilitatorToken: FACILITATOR_TOKEN,
    rate,
    publicUrl: 'http://127.0.0.1',
  });
  return Object.assign(server, { url: `ws://127.0.0.1:${server.port}/ws` });
}

/** What a tapped socket saw: every frame as it came over the wire, every frame sent, and frames to lose on the way in. */
export interface Tap {
  readonly frames: string[];
  readonly sent: string[];
  drop?: (frame: string) => boolean;
}

/** A `ws` socket that notes what passes, and can lose incoming frames as a faulty network would. */
export function tappedFactory(tap: Tap) {
  return (u: string): SocketLike => {
    const ws = new WebSocket(u);
    const sock: SocketLike = {
      get readyState() {
        return ws.readyState;
      },
      send: (d) => {
        tap.sent.push(d);
        ws.send(d);
      },
      close: (code, reason) => ws.close(code, reason),
      onopen: null,
      onmessage: null,
      onclose: null,
      onerror: null,
    };
    ws.onopen = () => sock.onopen?.(undefined as never);
    ws.onmessage = (ev) => {
      const text = String(ev.data);
      tap.frames.push(text);
      if (!tap.drop?.(text)) sock.onmessage?.({ data: text });
    };
    ws.onclose = (ev) => sock.onclose?.({ code: ev.code, reason: ev.reason });
    ws.onerror = () => sock.onerror?.(undefined as never);
    return sock;
  };
}

export type TestClient = SessionClient & { received: ServerMessage[]; tap: Tap };

/** A client that records every message it receives (whole, as the client hands them out) and every frame on the wire. */
export function client(url: string, token?: string): TestClient {
  const tap: Tap = { frames: [], sent: [] };
  const c = new SessionClient({
    url,
    socket: tappedFactory(tap),
    ...(token !== undefined ? { token } : {}),
    timeoutMs: 10_000,
  }) as TestClient;
  c.received = [];
  c.tap = tap;
  c.on('*', (m) => c.received.push(m));
  return c;
}

/** For a test file: a server in this process and a connected facilitator, made before its tests and closed after. */
export function serverWithFacilitator(): {
  readonly server: RunningServer & { url: string };
  readonly fac: TestClient;
  readonly db: string;
} {
  const tmp = tempDir();
  let server: (RunningServer & { url: string }) | null = null;
  let fac: TestClient | null = null;
  beforeAll(async () => {
    server = await inProcess(tmp.db);
    fac = client(server.url, FACILITATOR_TOKEN);
    await fac.connect();
  });
  afterAll(async () => {
    fac?.close();
    await server?.close();
    tmp.cleanup();
  });
  return {
    get server() {
      if (!server) throw new Error('the server is not started yet');
      return server;
    },
    get fac() {
      if (!fac) throw new Error('the facilitator is not connected yet');
      return fac;
    },
    db: tmp.db,
  };
}

/** A new tutorial session with a person (or a projector) in each of these seats, named after the seat. */
export async function sessionWith(
  fac: SessionClient,
  url: string,
  seed: number,
  seats: readonly SeatKind[],
): Promise<{ sid: string; code: string; clients: TestClient[] }> {
  const created = await fac.createSession({ scenario: 'tutorial', team: `Team ${seed}`, seed });
  const clients: TestClient[] = [];
  for (const seat of seats) {
    const c = client(url);
    await c.connect();
    await c.join(created.session.code!, seat);
    await c.claimChair(seat);
    clients.push(c);
  }
  return { sid: created.session.session, code: created.session.code!, clients };
}

/** The facilitator's view of a session, or an error when there is none. */
export function facilitatorView(b: ViewBody | null | undefined): Extract<ViewBody, { role: 'facilitator' }> {
  if (b?.role !== 'facilitator') throw new Error('no facilitator view');
  return b;
}

/** A raw socket for sending what the client helper never would. */
export async function rawSocket(url: string): Promise<{
  ws: WebSocket;
  next: (pred?: (m: ServerMessage) => boolean) => Promise<ServerMessage>;
  send: (x: unknown) => void;
  closed: Promise<number>;
}> {
  const ws = new WebSocket(url);
  const inbox: ServerMessage[] = [];
  const waiters: { pred: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];
  ws.on('message', (d) => {
    const m = JSON.parse(String(d)) as ServerMessage;
    const w = waiters.findIndex((x) => x.pred(m));
    if (w >= 0) waiters.splice(w, 1)[0]!.resolve(m);
    else inbox.push(m);
  });
  const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
  await new Promise<void>((ok, fail) => {
    ws.once('open', () => ok());
    ws.once('error', fail);
  });
  return {
    ws,
    closed,
    send: (x) => ws.send(typeof x === 'string' ? x : JSON.stringify(x)),
    next: (pred = () => true) => {
      const i = inbox.findIndex(pred);
      if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0]!);
      return new Promise((resolve, reject) => {
        waiters.push({ pred, resolve });
        setTimeout(() => reject(new Error('no such message within 5 s')), 5000).unref();
      });
    },
  };
}

/** Waits until a condition holds, checking every 10 ms. */
export async function until(cond: () => boolean, what: string, ms = 15_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface Child {
  readonly port: number;
  readonly proc: ChildProcess;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the server as a process of its own (src/server/launch.ts) and waits for its "listening" line. */
export async function spawnServer(db: string, port = 0): Promise<Child> {
  const s = launchServer({ db, port, token: FACILITATOR_TOKEN, rate: { perSecond: 1000, burst: 1000 } }, 20_000);
  return { port: await s.port, proc: s.proc, kill9: () => s.stop('SIGKILL'), stop: () => s.stop('SIGTERM') };
}
