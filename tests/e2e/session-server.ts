// A real group-session server process for the browser tests, serving this process's build, started once per test file.
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
}

/** `npm run serve` for a browser test, as a process group of its own (a kill takes npx, tsx and node). */
export function spawnServe(db: string, dist: string, token: string, port: number): ChildProcess {
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
      dist,
      '--facilitator-token',
      token,
      '--rate',
      '1000',
      '--burst',
      '1000',
    ],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** Builds the site, starts the server on a free port before the file's tests and stops it after; call inside the file. */
export function useSessionServer(): () => SessionServer {
  let server: SessionServer | null = null;
  let proc: ChildProcess | null = null;
  let h: Harness | null = null;
  const tmp = mkdtempSync(join(tmpdir(), 'mandate-e2e-'));
  beforeAll(async () => {
    h = await startHarness(); // builds the site into DIST
    const child = spawnServe(join(tmp, 's.db'), DIST, TOKEN, 0);
    proc = child;
    let err = '';
    child.stderr!.on('data', (d) => (err += String(d)));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 20_000);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (!line.startsWith('{')) return;
        const m = JSON.parse(line) as { event: string; port: number };
        if (m.event === 'listening') {
          clearTimeout(timer);
          resolve(m.port);
        }
      });
    });
    server = { h, base: `http://127.0.0.1:${port}/` };
  }, 120_000);
  afterAll(async () => {
    try {
      if (proc?.pid) process.kill(-proc.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
    await h?.close();
    rmSync(tmp, { recursive: true, force: true });
  });
  return () => {
    if (!server) throw new Error('the session server is not started yet');
    return server;
  };
}
