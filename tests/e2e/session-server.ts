// A real group-session server process for the browser tests, serving this process's build, started once per test file;
// a test may kill it and start it again on the same port and database (a crash in the middle of a workshop).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll } from 'vitest';
import { DIST, ROOT, startHarness, type Harness } from './harness.js';

export const TOKEN = 'e2e-facilitator-token-0123456789';

export interface SessionServer {
  readonly h: Harness;
  /** The server's address, ending in `/`. */
  readonly base: string;
  /** Kills the server's process group at once (SIGKILL: no goodbye to the clients) and waits until it is gone. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and database; resolves once it listens. */
  restart(): Promise<void>;
}

/** `npm run serve` for a browser test, as a process group of its own (a kill takes npx, tsx and node). */
function spawnServe(db: string, port: number): ChildProcess {
  return spawn(
    'npx',
    [
      'tsx',
      'src/server/main.ts',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--db',
      db,
      '--dist',
      DIST,
      '--facilitator-token',
      TOKEN,
      '--rate',
      '1000',
      '--burst',
      '1000',
    ],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** Starts the server; resolves with the process and the port it listens on (it says so in a JSON line). */
function serve(db: string, port: number): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawnServe(db, port);
  let err = '';
  proc.stderr!.on('data', (d) => (err += String(d)));
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const m = JSON.parse(line) as { event: string; port: number };
      if (m.event === 'listening') resolve({ proc, port: m.port });
    });
  });
}

/** Builds the site, starts the server on a free port before the file's tests and stops it after; call inside the file. */
export function useSessionServer(): () => SessionServer {
  let server: SessionServer | null = null;
  let proc: ChildProcess | null = null;
  let h: Harness | null = null;
  const tmp = mkdtempSync(join(tmpdir(), 'mandate-e2e-'));
  const db = join(tmp, 's.db');
  const kill = async () => {
    const p = proc;
    if (!p?.pid || p.exitCode !== null || p.signalCode !== null) return;
    const gone = new Promise<void>((r) => p.once('exit', () => r()));
    try {
      process.kill(-p.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    await gone;
    proc = null;
  };
  beforeAll(async () => {
    h = await startHarness(); // builds the site into DIST
    const first = await serve(db, 0);
    proc = first.proc;
    server = {
      h,
      base: `http://127.0.0.1:${first.port}/`,
      kill,
      restart: async () => {
        await kill();
        proc = (await serve(db, first.port)).proc;
      },
    };
  }, 120_000);
  afterAll(async () => {
    await kill();
    await h?.close();
    rmSync(tmp, { recursive: true, force: true });
  });
  return () => {
    if (!server) throw new Error('the session server is not started yet');
    return server;
  };
}
