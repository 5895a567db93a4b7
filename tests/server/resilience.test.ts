// Issue #18, holes 6–8: one bad session cannot stop the server, an unusable database is refused in one line, names
// that select code are looked up as own names only, and the smaller ones (the facilitator's secret kept hashed, the
// database private, security headers, request ids on refusals, sync() while reconnecting).
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SessionClient } from '../../src/net/client.js';
import { facilitatorTokenFile, startServer, type RunningServer } from '../../src/server/server.js';
import { hashToken } from '../../src/server/tokens.js';
import {
  FACILITATOR_TOKEN,
  client,
  facilitatorView,
  rawSocket,
  ROOT,
  sessionWith,
  tappedFactory,
  tempDir,
  until,
  type Tap,
  type TestClient,
} from './support.js';

const tmp = tempDir();
const running: RunningServer[] = [];
const open: TestClient[] = [];
afterAll(async () => {
  for (const c of open) c.close();
  for (const s of running) await s.close().catch(() => {});
  tmp.cleanup();
});

async function serve(db: string, token: string | null = FACILITATOR_TOKEN): Promise<RunningServer & { url: string }> {
  const s = await startServer({
    host: '127.0.0.1',
    port: 0,
    db,
    dist: join(ROOT, 'dist'),
    ...(token !== null ? { facilitatorToken: token } : {}),
    rate: { perSecond: 1000, burst: 1000 },
    publicUrl: 'http://127.0.0.1',
  });
  running.push(s);
  return Object.assign(s, { url: `ws://127.0.0.1:${s.port}/ws` });
}

async function stop(s: RunningServer): Promise<void> {
  running.splice(running.indexOf(s), 1);
  await s.close();
}

async function fac(url: string): Promise<TestClient> {
  const f = client(url, FACILITATOR_TOKEN);
  open.push(f);
  await f.connect();
  return f;
}

/** `npm run serve` on a database, as a process: its exit code and what it wrote on stderr (at most 20 s). */
function serveProcess(db: string): Promise<{ code: number | null; stderr: string; listening: boolean }> {
  return new Promise((resolve) => {
    const proc = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/server/main.ts',
        '--no-build',
        '--host',
        '127.0.0.1',
        '--port',
        '0',
        '--db',
        db,
        '--facilitator-token',
        FACILITATOR_TOKEN,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    let listening = false;
    proc.stderr.on('data', (d) => (stderr += String(d)));
    proc.stdout.on('data', (d) => {
      if (String(d).includes('"listening"')) {
        listening = true;
        proc.kill('SIGTERM');
      }
    });
    const timer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, listening });
    });
  });
}

describe('hole 6: one bad session cannot stop the server', () => {
  it('resumes the others when one session has a null event row and another a row that is not JSON; those are kept read-only', async () => {
    const db = join(tmp.dir, 'bad-rows.db');
    let server = await serve(db);
    let f = await fac(server.url);
    const sids: string[] = [];
    for (const seed of [1, 2, 3]) {
      const c = await f.createSession({ scenario: 'tutorial', team: `T${seed}`, seed });
      sids.push(c.session.session);
      // Two events in each log (the sessions stay open: nobody has started them).
      await f.command(c.session.session, { do: 'set-timer', seconds: { planning: 600 } });
      await f.command(c.session.session, { do: 'set-timer', seconds: { sitrep: 300 } });
    }
    f.close();
    await stop(server);
    const raw = new Database(db);
    raw.prepare("UPDATE events SET body = 'null' WHERE session = ? AND seq = 1").run(sids[0]);
    raw.prepare('UPDATE events SET body = \'{"kind":\' WHERE session = ? AND seq = 2').run(sids[1]);
    raw.close();

    server = await serve(db);
    expect(server.resumed).toBe(1);
    expect(server.broken).toBe(2);
    f = await fac(server.url);
    const listed = await f.listSessions();
    for (const sid of sids.slice(0, 2))
      expect(listed.sessions.find((x) => x.session === sid)?.status).toMatchObject({
        ended: true,
        endReason: expect.stringContaining('unreadable'),
      });
    // The good one goes on; the broken ones refuse, and nothing crashes.
    await f.command(sids[2]!, { do: 'start' });
    await expect(f.command(sids[0]!, { do: 'start' })).rejects.toThrow(/session\/ended/);
    f.watch(sids[0]!);
    await until(() => f.views.has(sids[0]!), 'a view of the broken session');
    await stop(server);
  });

  it('a server process on a database with a broken session starts, and says how many could not be resumed', async () => {
    const db = join(tmp.dir, 'bad-rows.db');
    const r = await serveProcess(db);
    expect(r.listening).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a doctrine named after a property of every object, and a session row naming one plays by the default', async () => {
    const db = join(tmp.dir, 'doctrine.db');
    let server = await serve(db);
    let f = await fac(server.url);
    for (const doctrine of ['constructor', 'tostring', 'hasownproperty', 'valueof', '--proto--']) {
      await expect(f.createSession({ scenario: 'tutorial', team: 'Proto', seed: 1, doctrine })).rejects.toThrow(
        /doctrine\/unknown/,
      );
    }
    // A reinforcement named after a property of every object is refused as unknown, not an internal error.
    const other = await sessionWith(f, server.url, 8, ['srsg']);
    open.push(...other.clients);
    await f.command(other.sid, { do: 'start' });
    await expect(
      f.command(other.sid, {
        do: 'custom-inject',
        title: 'Proto',
        effects: [{ do: 'request-unit', unit: 'constructor' }],
        reason: 'attack',
      }),
    ).rejects.toThrow(/facilitator\/unknown-event/);
    const ok = await f.createSession({ scenario: 'tutorial', team: 'Tampered', seed: 9 });
    const sid = ok.session.session;
    f.close();
    await stop(server);
    const raw = new Database(db);
    raw.prepare("UPDATE sessions SET doctrine = 'constructor' WHERE id = ?").run(sid);
    raw.close();
    server = await serve(db);
    f = await fac(server.url);
    f.watch(sid);
    await f.command(sid, { do: 'start', autoplay: true });
    await until(
      () => (f.views.get(sid)?.role === 'facilitator' ? facilitatorView(f.views.get(sid)).state.turn >= 2 : false),
      'the bots to play',
    );
    expect(server.hub.sessions.get(sid)?.doctrine.name).toBe('report');
    await stop(server);
    // And the next start is fine too.
    server = await serve(db);
    expect(server.broken).toBe(0);
    await stop(server);
  });
});

describe('hole 7: a database the server cannot use', () => {
  it('refuses a read-only database at start, in one line', async () => {
    const db = join(tmp.dir, 'ro.db');
    const s = await serve(db);
    await stop(s);
    const files = [db, `${db}-wal`, `${db}-shm`].filter((f) => existsSync(f));
    for (const f of files) chmodSync(f, 0o400);
    // Root writes to a file whatever its mode: the file is made immutable instead (as a read-only mount would).
    const root = process.getuid?.() === 0;
    if (root) for (const f of files) execFileSync('chattr', ['+i', f]);
    let r: Awaited<ReturnType<typeof serveProcess>>;
    try {
      r = await serveProcess(db);
    } finally {
      if (root) for (const f of files) execFileSync('chattr', ['-i', f]);
    }
    expect(r.listening).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/database .*ro\.db cannot be used: .*read-?only/i);
  });

  it('refuses a file that is not a database, in one line', async () => {
    const db = join(tmp.dir, 'junk.db');
    writeFileSync(db, 'this is not a database, just some text that is long enough to have a header '.repeat(20));
    const r = await serveProcess(db);
    expect(r.listening).toBe(false);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/junk\.db cannot be (used|opened): .*not a database/i);
  });
});

describe('hole 8: the smaller ones', () => {
  it('keeps only the hash of the facilitator secret in the database, and the database and the secret readable by their owner only', async () => {
    const db = join(tmp.dir, 'secret.db');
    const s = await serve(db, null);
    const token = s.facilitatorToken;
    await stop(s);
    const raw = new Database(db, { readonly: true });
    const meta = raw.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
    raw.close();
    expect(meta.some((m) => m.value.includes(token))).toBe(false);
    expect(meta.find((m) => m.key === 'facilitator_token_hash')?.value).toBe(hashToken(token));
    expect(statSync(db).mode & 0o077).toBe(0);
    expect(statSync(facilitatorTokenFile(db)).mode & 0o077).toBe(0);
    // The same link works after a restart.
    const again = await serve(db, null);
    expect(again.facilitatorToken).toBe(token);
    const f = client(again.url, token);
    open.push(f);
    expect((await f.connect()).role).toBe('facilitator');
    await stop(again);
  });

  it('moves a secret kept in plain text by an older server out of the database', async () => {
    const db = join(tmp.dir, 'legacy.db');
    await stop(await serve(db, null));
    const raw = new Database(db);
    raw
      .prepare(
        "INSERT INTO meta (key, value) VALUES ('facilitator_token', 'legacy-token-0123456789abcdef') ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run();
    raw.prepare("DELETE FROM meta WHERE key = 'facilitator_token_hash'").run();
    raw.close();
    rmSync(facilitatorTokenFile(db));
    const s = await serve(db, null);
    expect(s.facilitatorToken).toBe('legacy-token-0123456789abcdef');
    await stop(s);
    const after = new Database(db, { readonly: true });
    expect(after.prepare("SELECT value FROM meta WHERE key = 'facilitator_token'").get()).toBeUndefined();
    after.close();
    expect(readFileSync(facilitatorTokenFile(db), 'utf8').trim()).toBe('legacy-token-0123456789abcdef');
  });

  it('names the request in a refusal of a message too large or not text', async () => {
    const s = await serve(join(tmp.dir, 'ids.db'));
    const r = await rawSocket(s.url);
    r.send({ type: 'hello', protocol: 1, id: 'h1' });
    await r.next((m) => m.type === 'welcome');
    r.send({ type: 'sync', id: 'big-one', pad: 'x'.repeat(20 * 1024) });
    expect(await r.next((m) => m.type === 'error')).toMatchObject({ code: 'message/too-large', id: 'big-one' });
    r.ws.send(Buffer.from(JSON.stringify({ type: 'sync', id: 'binary-one' })), { binary: true });
    expect(await r.next((m) => m.type === 'error')).toMatchObject({ code: 'message/not-json', id: 'binary-one' });
    r.ws.close();
    await stop(s);
  });

  it('queues sync() while the client reconnects, and sends it once welcomed again', async () => {
    const s = await serve(join(tmp.dir, 'client.db'));
    const f = await fac(s.url);
    const {
      sid,
      clients: [p],
    } = await sessionWith(f, s.url, 3, ['srsg']);
    p!.close();
    const tap: Tap = { frames: [], sent: [] };
    const token = p!.received.find((m) => m.type === 'seated');
    let thrown: unknown = null;
    let sockets = 0;
    let c: SessionClient | null = null;
    const make = tappedFactory(tap);
    c = new SessionClient({
      url: s.url,
      token: token?.type === 'seated' ? token.token : '',
      socket: (u) => {
        const sock = make(u);
        // The second socket: a sync asked for while it is still connecting.
        if (++sockets === 2)
          queueMicrotask(() => {
            try {
              c!.sync();
            } catch (e) {
              thrown = e;
            }
          });
        return sock;
      },
    });
    await c.connect();
    const before = tap.sent.length;
    c.drop();
    await until(
      () => sockets === 2 && c.role === 'chair' && tap.sent.slice(before).some((x) => x.includes('"sync"')),
      'the queued sync after the reconnection',
      10_000,
    );
    expect(thrown).toBeNull();
    const after = tap.sent.slice(before).map((x) => JSON.parse(x) as { type: string });
    expect(after.findIndex((m) => m.type === 'sync')).toBeGreaterThan(after.findIndex((m) => m.type === 'resume'));
    expect(sid).toMatch(/^s-/);
    c.close();
    await stop(s);
  });
});
