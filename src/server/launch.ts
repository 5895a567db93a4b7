// The session server started as a process of its own, for programs that drive it (the server tests, the browser tests,
// the bench): one set of flags and one way to hear the port it listens on, so they all start the same server.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Launch {
  readonly db: string;
  readonly token: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** A built game to serve as it is; without, the server serves none and never builds (`--no-build`). */
  readonly dist?: string;
  /** Messages per second and burst per connection; without, the server's own defaults (its limits are measured). */
  readonly rate?: { readonly perSecond: number; readonly burst: number };
  /** Flags for node itself, before the server's (e.g. `--cpu-prof`). */
  readonly nodeArgs?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  /** Where the server's error output goes: kept for the error when it fails to start (default), or this process's. */
  readonly stderr?: 'pipe' | 'inherit';
}

/** The command-line flags of `src/server/main.ts` for a launch. */
export function serverArgs(o: Launch): string[] {
  return [
    ...(o.dist === undefined ? ['--no-build'] : ['--dist', o.dist]),
    '--host',
    o.host ?? '127.0.0.1',
    '--port',
    String(o.port ?? 0),
    '--db',
    o.db,
    '--facilitator-token',
    o.token,
    ...(o.rate ? ['--rate', String(o.rate.perSecond), '--burst', String(o.rate.burst)] : []),
  ];
}

export interface Launched {
  /** One node process (tsx loaded into it), leading a process group of its own: its memory is the server's alone. */
  readonly proc: ChildProcess;
  /** The port it listens on, once it says so; rejected if it exits first or says nothing within `startMs`. */
  readonly port: Promise<number>;
  /** Resolves when the process has exited. */
  readonly exited: Promise<number | null>;
  /** Sends a signal to the process group and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function launchServer(o: Launch, startMs = 30_000): Launched {
  const proc = spawn(
    process.execPath,
    [...(o.nodeArgs ?? []), '--import', 'tsx', 'src/server/main.ts', ...serverArgs(o)],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', o.stderr ?? 'pipe'],
      env: o.env ?? process.env,
    },
  );
  let stderr = '';
  proc.stderr?.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const port = new Promise<number>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start: ${stderr}`)), startMs);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code}): ${stderr}`));
    });
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const m = JSON.parse(line) as { event?: string; port?: number };
      if (m.event === 'listening' && typeof m.port === 'number') {
        clearTimeout(timer);
        ok(m.port);
      }
    });
  });
  // A caller that only waits for the exit must not hear of a failed start as an unhandled rejection.
  port.catch(() => {});
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (proc.exitCode === null && proc.signalCode === null) {
      try {
        process.kill(-proc.pid!, signal);
      } catch {
        /* gone already */
      }
    }
    await exited;
  };
  return { proc, port, exited, stop };
}
