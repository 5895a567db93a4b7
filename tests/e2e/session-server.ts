// A real group-session server process for the browser tests, serving this process's build, started once per test file;
// a test may kill it and start it again on the same port and database (a crash in the middle of a workshop).
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
  /** Kills the server's process group at once (SIGKILL: no goodbye to the clients) and waits until it is gone. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and database; resolves once it listens. */
  restart(): Promise<void>;
}

/** The server for a browser test, serving `dist`, as a process group of its own (src/server/launch.ts). */
function spawnServe(db: string, port: number): Launched {
  return launchServer({ db, dist: DIST, token: TOKEN, port, rate: { perSecond: 1000, burst: 1000 } }, 20_000);
}

/** Builds the site, starts the server on a free port before the file's tests and stops it after; call inside the file. */
export function useSessionServer(): () => SessionServer {
  let server: SessionServer | null = null;
  let proc: Launched | null = null;
  let h: Harness | null = null;
  const tmp = mkdtempSync(join(tmpdir(), 'mandate-e2e-'));
  const db = join(tmp, 's.db');
  const kill = async () => {
    const p = proc;
    proc = null;
    await p?.stop('SIGKILL');
  };
  beforeAll(async () => {
    h = await startHarness(); // builds the site into DIST
    proc = spawnServe(db, 0);
    const port = await proc.port;
    server = {
      h,
      base: `http://127.0.0.1:${port}/`,
      kill,
      restart: async () => {
        await kill();
        proc = spawnServe(db, port);
        await proc.port;
      },
    };
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
