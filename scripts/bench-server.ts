// Load test of the group-session server on loopback: N sessions × M clients (a facilitator and chairs) play whole games.
//   npm run bench:server -- [--sessions 40] [--clients 5] [--scenario tutorial] [--doctrine report] [--think 0] [--time-limit 180]
// --think MS: each client waits this long before each action, like a person; 0 sends as fast as it can (saturation).
// The server runs as its own process on 127.0.0.1 (its memory is measured alone) with a temporary database and the
// rate limit lifted; every chair is played over the network by a doctrine. Prints throughput, intent→ack latency
// (p50/p99) and the server's memory. Stops by itself: when every game is over, or at the time limit.
// BENCH_SERVER_PROF=DIR writes a CPU profile of the server process there (node --cpu-prof).
// --probe: where the latency tail comes from. The server process is started with a probe (bench-server-probe.mjs) that keeps
// its event-loop delay, its GC pauses and the time spent in each of its main entry points (messages, publishing,
// sessions, the store), with the longest tasks; the clients' own event-loop delay is kept too (their stalls count in
// the latency measured). Printed at the end.
// --misbehave: one misbehaving client per session besides the others, each from its own loopback address (127.0.1.x),
// by turns: one that floods (syncs at 200/s, again after each time it is closed), one that holds a projector seat,
// asks for its view 15 times a second and never reads, one that guesses join codes over and over. The server runs
// with its default limits (20 messages/s, bursts of 40); the others' latency and the server's memory are printed,
// with what became of the misbehaving clients. Use it with --think (people's pace), e.g. --think 1000.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { SessionClient, type SocketLike } from '../src/net/client.js';
import { CODE_ALPHABET, CODE_LENGTH } from '../src/net/codes.js';
import { driveChair } from '../src/net/drive.js';
import { loadScenario } from '../src/scenario/load-node.js';
import type { Chair } from '../src/scenario/schema.js';
import { DOCTRINES } from '../src/sim/doctrines/index.js';
import { launchServer } from '../src/server/launch.js';

const TOKEN = 'bench-facilitator-token-000000000000';

function arg(v: string | undefined, fallback: number, min: number, max: number, name: string): number {
  const n = v === undefined ? fallback : Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

const { values } = parseArgs({
  options: {
    sessions: { type: 'string' },
    clients: { type: 'string' },
    scenario: { type: 'string' },
    doctrine: { type: 'string' },
    think: { type: 'string' },
    'time-limit': { type: 'string' },
    misbehave: { type: 'boolean' },
    probe: { type: 'boolean' },
  },
  strict: true,
});
const N = arg(values.sessions, 40, 1, 200, 'sessions');
const M = arg(values.clients, 5, 1, 5, 'clients');
const THINK = arg(values.think, 0, 0, 60_000, 'think');
const LIMIT_S = arg(values['time-limit'], 180, 5, 900, 'time-limit');
const MISBEHAVE = values.misbehave === true;
const PROBE = values.probe === true;
const scenarioId = values.scenario ?? 'tutorial';
const doctrine = DOCTRINES[values.doctrine ?? 'report'];
if (!doctrine) throw new Error(`no doctrine '${values.doctrine}'`);
const loaded = loadScenario(scenarioId);
if (!loaded.ok) throw new Error(`scenario '${scenarioId}' does not load`);
const scn = loaded.value;
const chairs = (Object.keys(scn.chairs) as Chair[]).slice(0, Math.max(0, M - 1));

const quantile = (xs: number[], q: number) =>
  xs.length === 0 ? NaN : xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

function rssOf(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(/\d+/.exec(status.split('\n').find((l) => l.startsWith(k)) ?? '')?.[0] ?? NaN);
    return { rss: kb('VmRSS:') / 1024, peak: kb('VmHWM:') / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

/** CPU seconds a process has used (user and system), from /proc: the server's cost, whatever else loads the machine. */
function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime and stime, in clock ticks (100 a second)
  } catch {
    return NaN;
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mandate-bench-'));
  const db = join(dir, 'bench.db');
  // node --import tsx: one process, so its memory is the server's alone.
  // With misbehaving clients the server keeps its default limits: they are what is being measured.
  const probeOut = join(dir, 'probe.json');
  const nodeArgs = [
    ...(process.env['BENCH_SERVER_PROF'] ? ['--cpu-prof', '--cpu-prof-dir', process.env['BENCH_SERVER_PROF']] : []),
    ...(PROBE ? ['--import', pathToFileURL(resolve(import.meta.dirname, 'bench-server-probe.mjs')).href] : []),
  ];
  const launched = launchServer({
    db,
    token: TOKEN,
    ...(MISBEHAVE ? {} : { rate: { perSecond: 100000, burst: 100000 } }),
    ...(nodeArgs.length > 0 ? { nodeArgs } : {}),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      ...(PROBE ? { BENCH_PROBE_OUT: probeOut, BENCH_PROBE_ROOT: resolve(import.meta.dirname, '..') } : {}),
    },
    stderr: 'inherit',
  });
  const server = launched.proc;
  const port = await launched.port;
  const url = `ws://127.0.0.1:${port}/ws`;
  const frames = new FrameSizes();
  const socket = (u: string) => {
    const ws = new WebSocket(u);
    ws.on('message', (d: Buffer) => frames.add(d));
    return ws as unknown as SocketLike;
  };
  const idle = rssOf(server.pid!);
  let peakSeen = idle.rss;
  const sampler = setInterval(() => (peakSeen = Math.max(peakSeen, rssOf(server.pid!).rss)), 250);

  process.stdout.write(
    `bench:server — ${N} sessions × ${M} clients (facilitator + ${chairs.length} chair${chairs.length === 1 ? '' : 's'} over the network, ${4 - chairs.length} bot chair(s)), scenario ${scenarioId}, doctrine ${doctrine!.name}, think ${THINK} ms${MISBEHAVE ? `, and ${N} misbehaving clients (one per session)` : ''}\n`,
  );
  const latencies: number[] = [];
  /** When each accepted intent was sent (ms from the start of play) and how long it took, for where the tail falls. */
  const timeline: { at: number; ms: number; type: string }[] = [];
  let playStart = NaN;
  let refused = 0;
  const clients: SessionClient[] = [];
  const games: { fac: SessionClient; sid: string; code: string; drivers: ReturnType<typeof driveChair>[] }[] = [];
  const setup0 = performance.now();
  for (let i = 0; i < N; i++) {
    const fac = new SessionClient({ url, socket, token: TOKEN, timeoutMs: 60_000 });
    clients.push(fac);
    await fac.connect();
    const created = await fac.createSession({
      scenario: scenarioId,
      team: `Team ${i + 1}`,
      seed: 1000 + i,
      doctrine: doctrine!.name,
    });
    const drivers: ReturnType<typeof driveChair>[] = [];
    for (const chair of chairs) {
      const c = new SessionClient({ url, socket, timeoutMs: 60_000 });
      clients.push(c);
      await c.connect();
      await c.join(created.session.code!, chair);
      await c.claimChair(chair);
      let n = 0;
      drivers.push(
        driveChair(c, {
          scenario: scn,
          doctrine: doctrine!,
          thinkMs: THINK,
          random: () =>
            ((Math.imul(i * 7919 + chairs.indexOf(chair) * 104729 + n++, 2654435761) >>> 0) % 1_000_000) / 1_000_000,
          onRoundTrip: (ms, ok, action) => {
            if (!ok) return void refused++;
            latencies.push(ms);
            timeline.push({ at: performance.now() - ms - playStart, ms, type: action.type });
          },
        }),
      );
    }
    games.push({ fac, sid: created.session.session, code: created.session.code!, drivers });
  }
  const setupMs = performance.now() - setup0;

  const t0 = performance.now();
  playStart = t0;
  const playEpoch = Date.now();
  const clientDelay = monitorEventLoopDelay({ resolution: 5 });
  if (PROBE) clientDelay.enable();
  const load0 = loadavg()[0]!;
  const serverCpu0 = cpuOf(server.pid!);
  const benchCpu0 = process.cpuUsage();
  const bad = MISBEHAVE
    ? new Misbehaving(
        url,
        games.map((g) => g.code),
      )
    : null;
  // games without drivers are played by bots alone: autoplay, or they would wait for people at the mandate
  await Promise.all(games.map((g) => g.fac.command(g.sid, { do: 'start', autoplay: true })));
  const finished = Promise.all(
    games.map((g) => (g.drivers.length > 0 ? Promise.all(g.drivers.map((d) => d.done)) : waitOver(g.fac, g.sid))),
  );
  const timedOut = await Promise.race([
    finished.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), LIMIT_S * 1000).unref()),
  ]);
  const wallS = (performance.now() - t0) / 1000;
  const serverCpu = cpuOf(server.pid!) - serverCpu0;
  const used = process.cpuUsage(benchCpu0);
  const benchCpu = (used.user + used.system) / 1e6;
  const load1 = loadavg()[0]!;
  clientDelay.disable();
  bad?.stop();

  // Every game's true length, from each facilitator's last view of the state (the whole views a sync brings are not counted).
  frames.stop();
  for (const g of games) g.fac.sync(g.sid);
  await new Promise((r) => setTimeout(r, 500));
  let actions = 0;
  let over = 0;
  for (const g of games) {
    const b = g.fac.views.get(g.sid);
    if (b?.role !== 'facilitator') continue;
    actions += b.state.log.length;
    if (b.state.phase === 'over') over++;
  }
  const end = rssOf(server.pid!);
  clearInterval(sampler);
  for (const c of clients) c.close();
  await launched.stop();
  const probe = PROBE && existsSync(probeOut) ? (JSON.parse(readFileSync(probeOut, 'utf8')) as ProbeReport) : null;
  rmSync(dir, { recursive: true, force: true });

  latencies.sort((a, b) => a - b);
  // The slowest 1 %, by the second of play they were sent in: a tail in one second is a burst, spread out it is pauses.
  const p99 = quantile(latencies, 0.99);
  const slow = timeline.filter((x) => x.ms >= p99);
  const bySecond = new Map<number, number>();
  for (const x of slow) bySecond.set(Math.floor(x.at / 1000), (bySecond.get(Math.floor(x.at / 1000)) ?? 0) + 1);
  const busiest = [...bySecond].sort((a, b) => b[1] - a[1]).slice(0, 5);
  // What the slow intents of a second were, and (with --probe) how long the server was busy in that second.
  const second = (sec: number) => {
    const kinds = new Map<string, number>();
    for (const x of slow) if (Math.floor(x.at / 1000) === sec) kinds.set(x.type, (kinds.get(x.type) ?? 0) + 1);
    const all = timeline.filter((x) => Math.floor(x.at / 1000) === sec).length;
    let busy = 0;
    const from = Math.floor((playEpoch + sec * 1000) / 100);
    for (let b = from; b < from + 10; b++) busy += probe?.busy[b] ?? 0;
    const what = [...kinds].map(([k, n]) => `${k} ${n}`).join(', ');
    return `second ${sec}: ${what} (of ${all} sent${probe ? `; server busy ${busy.toFixed(0)} ms` : ''})`;
  };
  const f = (x: number) => x.toFixed(1);
  process.stdout.write(
    [
      `  games finished      ${over}/${N}${timedOut ? ` (time limit of ${LIMIT_S} s reached)` : ''}`,
      `  setup               ${f(setupMs / 1000)} s (create ${N} sessions, ${N * chairs.length} joins and claims)`,
      `  wall time           ${f(wallS)} s`,
      `  game actions        ${actions} (${f(actions / wallS)} actions/s, bots' included)`,
      `  intents over ws     ${latencies.length} accepted (${f(latencies.length / wallS)}/s), ${refused} refused by the rules`,
      `  intent→ack latency  p50 ${f(quantile(latencies, 0.5))} ms, p99 ${f(quantile(latencies, 0.99))} ms, max ${f(latencies.at(-1) ?? NaN)} ms`,
      `  slowest 1%          ${slow.length} intents in ${bySecond.size} different seconds of play; the most in ${busiest.map(([sec, n]) => `second ${sec} (${n})`).join(', ')}`,
      `  server CPU          ${f(serverCpu)} s over the play (${f((serverCpu / wallS) * 100)}% of a core; ${f((serverCpu * 1000) / Math.max(1, actions))} ms an action); the clients' process ${f(benchCpu)} s`,
      `  machine load        ${load0.toFixed(1)} at the start, ${load1.toFixed(1)} at the end (1-minute average, ${cpus().length} cores): latency above includes waiting for a core`,
      `  server RSS          idle ${f(idle.rss)} MiB, peak ${f(Math.max(peakSeen, end.peak))} MiB, end ${f(end.rss)} MiB`,
      ...busiest.slice(0, 3).map(([sec]) => `                      ${second(sec)}`),
      ...(bad ? bad.lines() : []),
      ...frames.lines(),
      ...(PROBE ? probeLines(probe, clientDelay) : []),
      '',
    ].join('\n'),
  );
  process.exitCode = timedOut ? 1 : 0;
}

/** Bytes of the frames the clients received: all of them, and view frames by role (all turns, and the last turn played). */
class FrameSizes {
  private total = 0;
  private count = 0;
  private stopped = false;
  private readonly views = new Map<string, { turn: number; bytes: number }[]>();
  private readonly byType = new Map<string, { n: number; bytes: number }>();

  stop(): void {
    this.stopped = true;
  }

  add(d: Buffer): void {
    if (this.stopped) return;
    this.total += d.length;
    this.count++;
    // Only the head of a frame is looked at, so counting costs the clients little.
    const head = d.subarray(0, 120).toString('latin1');
    const type = /^\{"type":"([a-z-]+)"/.exec(head)?.[1] ?? '?';
    const t = this.byType.get(type) ?? { n: 0, bytes: 0 };
    this.byType.set(type, { n: t.n + 1, bytes: t.bytes + d.length });
    const role = /^\{"type":"view".*?"role":"([a-z]+)"/.exec(head)?.[1];
    if (!role) return;
    const turn = Number(/"turn":(\d+)/.exec(d.toString('latin1'))?.[1] ?? NaN);
    let list = this.views.get(role);
    if (!list) this.views.set(role, (list = []));
    list.push({ turn, bytes: d.length });
  }

  lines(): string[] {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const median = (xs: number[]) =>
      quantile(
        [...xs].sort((a, b) => a - b),
        0.5,
      );
    const out = [`  frames received     ${this.count} (${(this.total / 2 ** 20).toFixed(1)} MiB)`];
    const types = [...this.byType].sort((a, b) => b[1].bytes - a[1].bytes);
    out.push(
      `  by type             ${types.map(([k, v]) => `${k} ${v.n} (${(v.bytes / 2 ** 20).toFixed(1)} MiB)`).join(', ')}`,
    );
    for (const [role, list] of this.views) {
      const last = Math.max(...list.map((x) => x.turn).filter(Number.isFinite));
      const late = list.filter((x) => x.turn === last).map((x) => x.bytes);
      const all = list.map((x) => x.bytes);
      out.push(
        `  ${`${role} views`.padEnd(20)}${all.length}: mean ${kb(mean(all))}; last turn (${last}) median ${kb(median(late))}, mean ${kb(mean(late))}; max ${kb(Math.max(...all))}; total ${(all.reduce((a, b) => a + b, 0) / 2 ** 20).toFixed(1)} MiB`,
      );
    }
    return out;
  }
}

/**
 * One misbehaving client per session, by turns: a flood, a projector that never reads, a code guesser. Each runs
 * until stopped, from its own loopback address, and starts again when the server closes it (after half a second).
 */
class Misbehaving {
  private stopped = false;
  private readonly sockets = new Set<WebSocket>();
  private readonly timers = new Set<ReturnType<typeof setTimeout | typeof setInterval>>();
  readonly counts = {
    floodSent: 0,
    floodClosed: 0,
    silentSeated: 0,
    silentSyncs: 0,
    silentDropped: 0,
    guesses: 0,
    guessesChecked: 0,
    guessesThrottled: 0,
    guessersClosed: 0,
    refusedAtDoor: 0,
  };

  constructor(
    private readonly url: string,
    codes: readonly string[],
  ) {
    codes.forEach((code, i) => {
      const from = `127.0.1.${(i % 250) + 1}`;
      const kind = i % 3;
      if (kind === 0) this.flood(from);
      else if (kind === 1) this.silent(from, code);
      else this.guess(from);
    });
  }

  private open(from: string, onOpen: (ws: WebSocket) => void, onClose: () => void): void {
    if (this.stopped) return;
    const ws = new WebSocket(this.url, { localAddress: from });
    this.sockets.add(ws);
    ws.on('error', () => {});
    ws.on('open', () => onOpen(ws));
    ws.on('close', (code) => {
      this.sockets.delete(ws);
      if (this.stopped) return;
      if (code === 1013) this.counts.refusedAtDoor++;
      onClose();
      this.later(() => this.open(from, onOpen, onClose), 500);
    });
  }

  private later(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private every(ms: number, fn: () => void, ws: WebSocket): void {
    const t = setInterval(() => (ws.readyState === ws.OPEN ? fn() : (clearInterval(t), this.timers.delete(t))), ms);
    this.timers.add(t);
  }

  /** Syncs at 200 a second, ten times the limit, steadily. */
  private flood(from: string): void {
    this.open(
      from,
      (ws) => {
        ws.send(JSON.stringify({ type: 'hello', protocol: 1 }));
        this.every(
          10,
          () => {
            ws.send('{"type":"sync"}');
            ws.send('{"type":"sync"}');
            this.counts.floodSent += 2;
          },
          ws,
        );
      },
      () => this.counts.floodClosed++,
    );
  }

  /** A projector seat (it has the code) that asks for its view 15 times a second and never reads. */
  private silent(from: string, code: string): void {
    this.open(
      from,
      (ws) => {
        ws.send(JSON.stringify({ type: 'hello', protocol: 1 }));
        ws.send(JSON.stringify({ type: 'join', code, name: 'wall' }));
        ws.send(JSON.stringify({ type: 'claim-chair', seat: 'projector' }));
        ws.once('message', () => {
          this.counts.silentSeated++;
          (ws as unknown as { _socket: { pause(): void } })._socket.pause();
          this.every(
            66,
            () => {
              ws.send('{"type":"sync"}');
              this.counts.silentSyncs++;
            },
            ws,
          );
        });
      },
      () => this.counts.silentDropped++,
    );
  }

  /** Join codes as fast as the connection is answered, with a new connection whenever one is closed. */
  private guess(from: string): void {
    const alphabet = CODE_ALPHABET;
    const random = () =>
      Array.from({ length: CODE_LENGTH }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
    this.open(
      from,
      (ws) => {
        ws.on('message', (d: Buffer) => {
          const m = JSON.parse(String(d)) as { type: string; code?: string };
          if (m.type === 'error' && m.code === 'code/unknown') this.counts.guessesChecked++;
          if (m.type === 'error' && m.code === 'code/throttled') this.counts.guessesThrottled++;
          if (m.type === 'welcome' || m.type === 'error') {
            ws.send(JSON.stringify({ type: 'join', code: random(), name: 'guess' }));
            this.counts.guesses++;
          }
        });
        ws.send(JSON.stringify({ type: 'hello', protocol: 1 }));
      },
      () => this.counts.guessersClosed++,
    );
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    for (const ws of this.sockets) ws.terminate();
  }

  lines(): string[] {
    const c = this.counts;
    return [
      `  misbehaving         floods: ${c.floodSent} messages sent, closed ${c.floodClosed} times; ${c.refusedAtDoor} connections turned away at the door`,
      `                      silent projectors: seated ${c.silentSeated} times, ${c.silentSyncs} syncs, dropped ${c.silentDropped} times`,
      `                      guessers: ${c.guesses} codes sent, ${c.guessesChecked} checked, ${c.guessesThrottled} refused as too soon, closed ${c.guessersClosed} times`,
    ];
  }
}

interface Span {
  n: number;
  total: number;
  max: number;
  over10: number;
  over25: number;
  /** CPU time of the process (main thread, GC helpers) while it ran, when it ran at the top of a task. */
  cpu?: number;
  cpuMax?: number;
}
interface ProbeReport {
  delay: { p50: number; p99: number; p999: number; max: number; mean: number };
  gc: Span;
  gcKinds: Record<string, Span>;
  spans: Record<string, Span>;
  longest: { name: string; ms: number; cpu?: number; at: number }[];
  /** Milliseconds in top-level tasks per 100 ms of wall-clock time, by Date.now() / 100. */
  busy: Record<number, number>;
}

function probeLines(p: ProbeReport | null, client: ReturnType<typeof monitorEventLoopDelay>): string[] {
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  const out = [
    `  clients' event loop delay p50 ${ms(client.percentile(50))} ms, p99 ${ms(client.percentile(99))} ms, max ${ms(client.max)} ms`,
  ];
  if (!p) return [...out, '  probe: the server wrote no report'];
  const f = (x: number) => x.toFixed(1);
  const span = (name: string, s: Span) =>
    `    ${name.padEnd(30)}${String(s.n).padStart(7)} × mean ${(s.total / Math.max(1, s.n)).toFixed(2)} ms, max ${f(s.max)} ms, ${s.over10} over 10 ms, ${s.over25} over 25 ms (total ${f(s.total / 1000)} s${s.cpu !== undefined ? `; CPU ${f(s.cpu / 1000)} s, max ${f(s.cpuMax ?? 0)} ms` : ''})`;
  out.push(
    `  server event loop delay p50 ${f(p.delay.p50)} ms, p99 ${f(p.delay.p99)} ms, p99.9 ${f(p.delay.p999)} ms, max ${f(p.delay.max)} ms`,
    span('GC pauses', p.gc),
    ...Object.entries(p.gcKinds).map(([k, s]) => span(`  ${k}`, s)),
    '  server time in (inclusive; tasks run one at a time):',
    ...Object.entries(p.spans)
      .sort((a, b) => b[1].total - a[1].total)
      .map(([k, s]) => span(k, s)),
    '  longest tasks',
    ...p.longest.map((l) => `    ${f(l.ms)} ms (CPU ${f(l.cpu ?? NaN)}) at ${f(l.at / 1000)} s: ${l.name}`),
  );
  return out;
}

function waitOver(fac: SessionClient, sid: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const b = fac.views.get(sid);
      if (b?.role === 'facilitator' && b.state.phase === 'over') {
        off();
        resolve();
      }
    };
    const off = fac.on('view', check);
    check();
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:server: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
