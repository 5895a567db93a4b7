// A real group-session server process for the browser tests, serving this process's build, started once per test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { launchServer, type Launched } from '../../src/server/launch.js';
import { DIST, startHarness, type Harness } from './harness.js';

export const TOKEN = 'e2e-facilitator-token-0123456789';

export interface SessionServer {
  readonly h: Harness;
  /** The server's address, ending in `/`. */
  readonly base: string;
}

/** The server for a browser test, serving `dist`, as a process group of its own (src/server/launch.ts). */
export function spawnServe(db: string, dist: string, token: string, port: number): Launched {
  return launchServer({ db, dist, token, port, rate: { perSecond: 1000, burst: 1000 } }, 20_000);
}

/** Builds the site, starts the server on a free port before the file's tests and stops it after; call inside the file. */
export function useSessionServer(): () => SessionServer {
  let server: SessionServer | null = null;
  let proc: Launched | null = null;
  let h: Harness | null = null;
  const tmp = mkdtempSync(join(tmpdir(), 'mandate-e2e-'));
  beforeAll(async () => {
    h = await startHarness(); // builds the site into DIST
    const child = spawnServe(join(tmp, 's.db'), DIST, TOKEN, 0);
    proc = child;
    const port = await child.port;
    server = { h, base: `http://127.0.0.1:${port}/` };
  }, 120_000);
  afterAll(async () => {
    await proc?.stop('SIGTERM');
    await h?.close();
    rmSync(tmp, { recursive: true, force: true });
  });
  return () => {
    if (!server) throw new Error('the session server is not started yet');
    return server;
  };
}
