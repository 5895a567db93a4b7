// The probe bench-server.ts --probe loads into the server process (node --import). It registers tsx itself, so that it
// can wrap the server's classes before main.ts loads them (the same modules), and writes its report when the process
// exits: event-loop delay, GC pauses, time in each wrapped entry point, the longest tasks, and how busy the server was
// in each 100 ms of wall-clock time (busy: the tasks at the top of the stack, so the bench can say what the server was
// doing in a second where latency was worst).
/* global process */
import { monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const root = process.env.BENCH_PROBE_ROOT;
await import(pathToFileURL(root + '/node_modules/tsx/dist/loader.mjs').href);
const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const blank = () => ({ n: 0, total: 0, max: 0, over10: 0, over25: 0 });
const spans = {};
const gc = blank();
const longest = [];
const t0 = performance.now();
/** Milliseconds spent in top-level wrapped tasks, per 100 ms of wall-clock time (Date.now() / 100). */
const busy = {};
const gcKinds = {};
function add(s, d, cpu) {
  s.n++;
  s.total += d;
  if (d > s.max) s.max = d;
  if (d > 10) s.over10++;
  if (d > 25) s.over25++;
  if (cpu !== undefined) {
    s.cpu = (s.cpu ?? 0) + cpu;
    s.cpuMax = Math.max(s.cpuMax ?? 0, cpu);
  }
}
const KIND = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak callbacks' };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    add(gc, e.duration);
    add((gcKinds[KIND[e.detail?.kind] ?? String(e.detail?.kind)] ??= blank()), e.duration);
  }
}).observe({ entryTypes: ['gc'] });
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let depth = 0;
let inside = {};
function wrap(proto, method, name) {
  const fn = proto[method];
  if (typeof fn !== 'function') throw new Error('probe: no ' + name);
  proto[method] = function (...args) {
    const t = performance.now();
    const c = depth === 0 ? cpuNow() : 0;
    if (depth === 0) inside = {};
    depth++;
    try {
      return fn.apply(this, args);
    } finally {
      depth--;
      const d = performance.now() - t;
      const cpu = depth === 0 ? cpuNow() - c : undefined;
      add((spans[name] ??= blank()), d, cpu);
      if (depth > 0) inside[name] = (inside[name] ?? 0) + d;
      else {
        const b = Math.floor((Date.now() - d) / 100);
        busy[b] = (busy[b] ?? 0) + d;
      }
      if (depth === 0 && d > 5) {
        const what =
          name === 'Hub.receive'
            ? String(args[1])
                .slice(0, 300)
                .match(/"(?:type|do)":"[^"]+"/g)
                ?.join(' ')
            : undefined;
        const parts = Object.entries(inside)
          .filter(([, v]) => v > 1)
          .map(([k, v]) => k + ' ' + v.toFixed(1))
          .join(', ');
        longest.push({
          name: name + (what ? ' ' + what : '') + (parts ? ' [' + parts + ']' : ''),
          ms: d,
          cpu,
          at: t - t0,
        });
        longest.sort((a, b) => b.ms - a.ms);
        if (longest.length > 12) longest.pop();
      }
    }
  };
}
const mod = (p) => import(pathToFileURL(root + '/src/server/' + p).href);
const [{ Hub }, { Publisher }, { Session }, { SessionStore }, { LiveList }, { SessionViews }] = await Promise.all(
  ['hub.ts', 'publish.ts', 'session.ts', 'db.ts', 'live-list.ts', 'frames.ts'].map(mod),
);
for (const m of ['receive', 'publish']) wrap(Hub.prototype, m, 'Hub.' + m);
for (const m of ['publish', 'publishLobby', 'flush', 'recordText']) wrap(Publisher.prototype, m, 'Publisher.' + m);
for (const m of ['intent', 'command', 'commit', 'runBots', 'expire', 'act']) wrap(Session.prototype, m, 'Session.' + m);
for (const m of ['append', 'setMeta', 'setEnded', 'addSeat']) wrap(SessionStore.prototype, m, 'SessionStore.' + m);
for (const m of ['chair', 'facilitator', 'projectorFrame']) wrap(SessionViews.prototype, m, 'SessionViews.' + m);
const changed = LiveList.prototype.changed;
LiveList.prototype.changed = function (s) {
  if (!this.probed) {
    this.probed = true;
    const o = { send: this.deps.send };
    wrap(o, 'send', 'LiveList.send');
    this.deps = { ...this.deps, send: o.send };
  }
  return changed.call(this, s);
};
process.on('exit', () => {
  const ms = (ns) => ns / 1e6;
  writeFileSync(
    process.env.BENCH_PROBE_OUT,
    JSON.stringify({
      delay: {
        p50: ms(delay.percentile(50)),
        p99: ms(delay.percentile(99)),
        p999: ms(delay.percentile(99.9)),
        max: ms(delay.max),
        mean: ms(delay.mean),
      },
      gc,
      gcKinds,
      spans,
      longest,
      busy,
    }),
  );
});
