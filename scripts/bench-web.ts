// `npm run bench:web`: the browser build's budgets, measured in headless Debian Chromium on 127.0.0.1.
// Prints: build size per file (raw, gzip -9), JavaScript loaded before the title screen is interactive, time from
// navigation to `title-ready` and `table-ready` (cold and warm, median of RUNS), frame times on the map while
// the table redraws after actions (rAF deltas, long animation frames, event timing; map animations off), and frame
// times during the map's animation of each month's changes; MONUSCO's Start → table-ready after reading the title
// against a bare Phaser 4 page's first render (scripts/bench-phaser), and frames on MONUSCO's geographic map while
// actions redraw it and while it is zoomed and panned. Numbers for notes, no verdicts.
// Flags: --reuse (serve the existing dist/ instead of building), --runs N (default 5), --steps N (default 40),
// --months N (turn animations to measure, default 5), --only-map (MONUSCO's Start, the bare page and the map only).
// The debrief's doctrine comparison of a finished MONUSCO game: click → results, with the renderer's main-thread time
// (CDP) and the progress bar's updates. --only-compare (that part only), --compare-games N (per doctrine, default 100),
// --compare-runs N (default 1), --against DIR (another build, e.g. main's dist/, measured alternately in the same
// run as the yardstick of a loaded machine), --threads N (what navigator.hardwareConcurrency reports to the page).
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { loadScenario } from '../src/scenario/load-node.js';
import { STUDY_DOCTRINES } from '../src/sim/study.js';
import { chromiumPath } from '../tests/e2e/browser-path.js';
import { finishedGame, openComparison, reportCores } from '../tests/e2e/comparison.js';
import { CHROMIUM_ARGS, ROOT } from '../tests/e2e/harness.js';
import { playStep } from '../tests/e2e/play.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const REUSE = args.includes('--reuse');
const ONLY_MAP = args.includes('--only-map');
const ONLY_COMPARE = args.includes('--only-compare');
const COMPARE_GAMES = flag('--compare-games', 100);
const COMPARE_RUNS = flag('--compare-runs', 1);
const THREADS = flag('--threads', 0);
const AGAINST = args.includes('--against') ? resolve(args[args.indexOf('--against') + 1]!) : null;
const RUNS = flag('--runs', 5);
const STEPS = flag('--steps', 40);
const MONTHS = flag('--months', 5);
const DIST = join(ROOT, 'dist');
const VIEWPORT = { width: 1400, height: 1000 };

// ---------------------------------------------------------------------------------------------------------------
// build and serve

async function buildSite(): Promise<void> {
  if (REUSE && existsSync(join(DIST, 'index.html'))) return;
  process.env['NODE_ENV'] = 'production'; // import.meta.env.PROD as shipped, whatever the caller's environment
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: DIST, emptyOutDir: true } });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A static host as one would configure it: hashed assets immutable, the page and the worker revalidated. */
function serve(root = DIST): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/` });
    });
  });
}

interface FileSize {
  readonly name: string;
  readonly raw: number;
  readonly gzip: number;
}

function sizes(): Map<string, FileSize> {
  const out = new Map<string, FileSize>();
  for (const d of readdirSync(DIST, { withFileTypes: true, recursive: true })) {
    if (!d.isFile() || d.name.endsWith('.map')) continue;
    const path = join(d.parentPath, d.name);
    const name = relative(DIST, path).split(sep).join('/');
    const bytes = readFileSync(path);
    out.set(name, { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// measuring in the page

interface Load {
  readonly titleReady: number;
  readonly domContentLoaded: number;
  /** Files (relative to dist/) whose request started before title-ready. */
  readonly before: string[];
  readonly controlled: boolean;
}

async function waitTitle(page: Page, base: string): Promise<Load> {
  await page.waitForFunction(() => performance.getEntriesByName('title-ready').length > 0, undefined, {
    timeout: 30_000,
  });
  return page.evaluate((baseUrl) => {
    const title = performance.getEntriesByName('title-ready')[0]!.startTime;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const before = performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime < title && e.name.startsWith(baseUrl))
      .map((e) => new URL(e.name).pathname.slice(new URL(baseUrl).pathname.length));
    return {
      titleReady: title,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN,
      before,
      controlled: navigator.serviceWorker?.controller != null,
    };
  }, base);
}

/** Starts the tutorial from the title screen; returns ms from the click to table-ready. */
async function startTable(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Start the game' }).waitFor();
  await page.evaluate(() => {
    performance.mark('bench-start');
    document.querySelector<HTMLButtonElement>('button[data-key="start"]')!.click();
  });
  await page.waitForFunction(() => performance.getEntriesByName('table-ready').length > 0, undefined, {
    timeout: 30_000,
  });
  return page.evaluate(
    () =>
      performance.getEntriesByName('table-ready')[0]!.startTime -
      performance.getEntriesByName('bench-start')[0]!.startTime,
  );
}

/**
 * Starts `scenario` from the title screen after the player has read it: what choosing the scenario fetched has arrived
 * (the map's code, the scenario's data, its base map), the map's prefetch is done (its map-prefetched mark: icons drawn,
 * text canvases readied) and the page is idle; returns ms from the click to table-ready.
 */
async function startScenarioTable(page: Page, scenario: string, map: string): Promise<number> {
  await page.getByLabel('Scenario', { exact: true }).selectOption(scenario);
  await page.waitForFunction(
    (names) =>
      names.every((re) =>
        performance
          .getEntriesByType('resource')
          .some((e) => new RegExp(re).test(e.name) && (e as PerformanceResourceTiming).responseEnd > 0),
      ),
    [String.raw`/phaser[\w.-]*\.js$`, String.raw`/${scenario}-[\w]+\.json$`, String.raw`/${map}-[\w-]+\.json$`],
    { timeout: 30_000 },
  );
  await page.waitForFunction(() => performance.getEntriesByName('map-prefetched').length > 0, undefined, {
    timeout: 30_000,
  });
  await page.evaluate(() => new Promise<void>((r) => requestIdleCallback(() => r(), { timeout: 2000 })));
  await page.waitForTimeout(300);
  return startTable(page);
}

/** The yardstick, a bare Phaser 4 page (scripts/bench-phaser, the map's own game settings), built and served. */
async function bareSite(): Promise<{ server: Server; url: string }> {
  const out = join(ROOT, 'tests/output/bench-phaser');
  await build({
    root: join(ROOT, 'scripts/bench-phaser'),
    configFile: false,
    base: './',
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true, target: 'es2022' },
  });
  return serve(out);
}

/** Opens the bare page in a new profile, waits for its first render, then runs `then` on it. */
async function onBarePage<T>(browser: Browser, url: string, then: (page: Page) => Promise<T>): Promise<T> {
  const ctx = await newContext(browser);
  try {
    const page = await ctx.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('phaser-first-render').length > 0, undefined, {
      timeout: 30_000,
    });
    return await then(page);
  } finally {
    await ctx.close();
  }
}

/** The bare page, cold: navigation → its first render. */
const bareFirst = (browser: Browser, url: string) =>
  onBarePage(browser, url, (page) =>
    page.evaluate(() => performance.getEntriesByName('phaser-first-render')[0]!.startTime),
  );

/** The bare page's rAF deltas over two seconds while it redraws a shape each frame (the machine's floor). */
const bareFrames = (browser: Browser, url: string) =>
  onBarePage(browser, url, async (page) => {
    await page.evaluate('window.__name ??= (f) => f');
    return await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const deltas: number[] = [];
          let last = 0;
          const t0 = performance.now();
          const tick = (t: number) => {
            if (last > 0) deltas.push(t - last);
            last = t;
            if (t - t0 < 2000) requestAnimationFrame(tick);
            else resolve(deltas);
          };
          requestAnimationFrame(tick);
        }),
    );
  });

/** Zooms and pans the map with the wheel and the keyboard while recording frames (each step redraws the map). */
async function zoomFrames(page: Page): Promise<number[]> {
  await page.evaluate('window.__name ??= (f) => f'); // tsx keeps function names with a helper the page lacks
  await page.evaluate(() => {
    const b = { deltas: [] as number[], on: true };
    (window as unknown as { __zoom: typeof b }).__zoom = b;
    let last = 0;
    const tick = (t: number) => {
      if (last > 0) b.deltas.push(t - last);
      last = t;
      if (b.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const canvas = page.locator('#map canvas');
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, i < 6 ? -120 : 120);
    await page.waitForTimeout(40);
  }
  await page.locator('#map').focus();
  for (const key of ['+', 'ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown', '-', '0']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(200);
  return page.evaluate(() => {
    const b = (window as unknown as { __zoom: { deltas: number[]; on: boolean } }).__zoom;
    b.on = false;
    return b.deltas;
  });
}

/** Navigation to table-ready on a reload that resumes a saved game (#game=…): no click in the way. */
async function waitTableFromNavigation(page: Page): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('table-ready').length > 0, undefined, {
    timeout: 30_000,
  });
  return page.evaluate(() => performance.getEntriesByName('table-ready')[0]!.startTime);
}

async function waitController(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return false;
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => {
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
        setTimeout(resolve, 10_000);
      });
    }
    return navigator.serviceWorker.controller !== null;
  });
}

interface Loaf {
  start: number;
  duration: number;
  blocking: number;
  script: number;
  render: number;
}
interface EventTime {
  name: string;
  duration: number;
  processing: number;
}
/** What the page collects, on window.__bench. */
interface Collected {
  deltas: number[];
  loaf: Loaf[];
  events: EventTime[];
  on: boolean;
  t0: number;
}

interface Frames {
  readonly deltas: number[];
  /** Long animation frames during the actions. */
  readonly loaf: Loaf[];
  /** Long animation frames before them: the page load and the table's first paint (Phaser's boot). */
  readonly loafLoad: Loaf[];
  readonly events: EventTime[];
  readonly loafSupported: boolean;
  readonly actions: number;
  readonly seconds: number;
}

/** Plays STEPS actions on the table (each redraws the map and the panels) while recording frames. */
async function frames(page: Page): Promise<Frames> {
  await page.evaluate('window.__name ??= (f) => f'); // tsx keeps function names with a helper the page lacks
  await page.evaluate(() => {
    const b: Collected = { deltas: [], loaf: [], events: [], on: true, t0: performance.now() };
    (window as unknown as { __bench: Collected }).__bench = b;
    let last = 0;
    const tick = (t: number) => {
      if (last > 0) b.deltas.push(t - last);
      last = t;
      if (b.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      new PerformanceObserver((l) => {
        for (const e of l.getEntries() as (PerformanceEntry & {
          blockingDuration: number;
          renderStart: number;
          styleAndLayoutStart: number;
          scripts: { duration: number }[];
        })[]) {
          b.loaf.push({
            start: e.startTime,
            duration: e.duration,
            blocking: e.blockingDuration,
            script: e.scripts.reduce((a, s) => a + s.duration, 0),
            render: e.startTime + e.duration - (e.renderStart || e.startTime + e.duration),
          });
        }
      }).observe({ type: 'long-animation-frame', buffered: true });
    }
    new PerformanceObserver((l) => {
      for (const e of l.getEntries() as PerformanceEventTiming[])
        b.events.push({ name: e.name, duration: e.duration, processing: e.processingEnd - e.processingStart });
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  });
  let actions = 0;
  for (let i = 0; i < STEPS; i++) {
    const s = await playStep(page, 'mouse');
    if (s === null) {
      await page.waitForTimeout(50);
      if ((await playStep(page, 'mouse')) === null) break;
    }
    actions++;
    // let the redraw reach the screen before the next action, as a person would
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  await page.waitForTimeout(300);
  return page.evaluate((n) => {
    const b = (window as unknown as { __bench: Collected }).__bench;
    b.on = false;
    return {
      deltas: b.deltas,
      loaf: b.loaf.filter((x) => x.start >= b.t0),
      loafLoad: b.loaf.filter((x) => x.start < b.t0),
      events: b.events,
      actions: n,
      seconds: (performance.now() - b.t0) / 1000,
      loafSupported: PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'),
    };
  }, actions);
}

interface Animations {
  /** rAF deltas of the first frame of each animation: it waits for the click that resolved the month. */
  readonly first: number[];
  /** rAF deltas of the animations' other frames. */
  readonly rest: number[];
  /** Long animation frames overlapping an animation. */
  readonly loaf: Loaf[];
  /** How long each animation ran, from data-animating="true" to "false". */
  readonly durations: number[];
  readonly steps: number;
}
/** What the page collects for the animations, on window.__anim. */
interface AnimCollected {
  ticks: { t: number; d: number }[];
  loaf: Loaf[];
  windows: { start: number; end: number }[];
  open: number | null;
  on: boolean;
}

/**
 * Plays on with map animations on until `wanted` months have animated (or the game ends), waiting for each
 * animation to finish as a watching player would; the windows come from the map box's data-animating.
 */
async function animations(page: Page, wanted: number): Promise<Animations> {
  await page.evaluate('window.__name ??= (f) => f');
  await page.evaluate(() => {
    const b: AnimCollected = { ticks: [], loaf: [], windows: [], open: null, on: true };
    (window as unknown as { __anim: AnimCollected }).__anim = b;
    let last = 0;
    const tick = (t: number) => {
      if (last > 0) b.ticks.push({ t, d: t - last });
      last = t;
      if (b.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const box = document.getElementById('map')!;
    new MutationObserver(() => {
      const now = performance.now();
      const on = box.dataset['animating'] === 'true';
      if (on && b.open === null) b.open = now;
      if (!on && b.open !== null) {
        b.windows.push({ start: b.open, end: now });
        b.open = null;
      }
    }).observe(box, { attributes: true, attributeFilter: ['data-animating'] });
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      new PerformanceObserver((l) => {
        for (const e of l.getEntries() as (PerformanceEntry & {
          blockingDuration: number;
          renderStart: number;
          scripts: { duration: number }[];
        })[]) {
          b.loaf.push({
            start: e.startTime,
            duration: e.duration,
            blocking: e.blockingDuration,
            script: e.scripts.reduce((a, s) => a + s.duration, 0),
            render: e.startTime + e.duration - (e.renderStart || e.startTime + e.duration),
          });
        }
      }).observe({ type: 'long-animation-frame' });
    }
  });
  const map = page.locator('#map');
  let seen = 0;
  let steps = 0;
  while (seen < wanted && steps < 400) {
    let s = await playStep(page, 'mouse');
    if (s === null) {
      await page.waitForTimeout(50);
      s = await playStep(page, 'mouse');
      if (s === null) break;
    }
    steps++;
    if ((await map.getAttribute('data-animating')) === 'true') {
      await page.locator('#map[data-animating="false"]').waitFor({ timeout: 15_000 });
      seen++;
    }
  }
  await page.waitForTimeout(100);
  const r = await page.evaluate(() => {
    const b = (window as unknown as { __anim: AnimCollected }).__anim;
    b.on = false;
    const first: number[] = [];
    const rest: number[] = [];
    for (const w of b.windows) {
      // a frame belongs to the animation when it begins inside it; the first one also carries the click's work
      const inside = b.ticks.filter((x) => x.t > w.start && x.t <= w.end + 1);
      if (inside[0]) first.push(inside[0].d);
      rest.push(...inside.slice(1).map((x) => x.d));
    }
    const loaf = b.loaf.filter((l) => b.windows.some((w) => l.start < w.end && l.start + l.duration > w.start));
    return { first, rest, loaf, durations: b.windows.map((w) => w.end - w.start) };
  });
  return { ...r, steps };
}

interface MonuscoPart {
  /** Start click → table-ready after reading the title, cold. */
  readonly start: number[];
  readonly bare: { first: number[]; frames: number[] };
  readonly zoom: number[];
  readonly frames: Frames;
  /** The map's own cost per redraw during the actions (performance measures map-draw, map-render). */
  readonly draw: number[];
  readonly render: number[];
  /** Per frame the map drew: the redraws built for it and its render. */
  readonly cost: number[];
  /** The same while zooming and panning. */
  readonly zoomDraw: number[];
  readonly zoomRender: number[];
  readonly zoomCost: number[];
  /** How many times the ground (base map) was drawn during the actions. */
  readonly groundPaints: number;
}

const measures = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);

/** What each frame the map drew cost it: the redraws built since the previous frame, and this frame's render. */
const frameCosts = (page: Page) =>
  page.evaluate(() => {
    const draws = performance.getEntriesByName('map-draw');
    const out: number[] = [];
    let d = 0;
    for (const r of performance.getEntriesByName('map-render')) {
      let sum = r.duration;
      for (; d < draws.length && draws[d]!.startTime <= r.startTime; d++) sum += draws[d]!.duration;
      out.push(sum);
    }
    return out;
  });

/** MONUSCO: Start → table-ready, the bare Phaser page in the same run, and the map's frames on redraws, zoom and pan. */
async function monuscoPart(browser: Browser, url: string, page0: string): Promise<MonuscoPart> {
  const monusco = async () => {
    const c = await newContext(browser);
    try {
      const pg = await c.newPage();
      await pg.goto(page0, { waitUntil: 'commit' });
      await waitTitle(pg, url);
      return await startScenarioTable(pg, 'monusco-2013', 'kivu');
    } finally {
      await c.close();
    }
  };
  // in pairs, one right after the other and each first in turn, so a change of the machine's load falls on both
  const site = await bareSite();
  const start: number[] = [];
  const bare = { first: [] as number[], frames: [] as number[] };
  try {
    for (let i = 0; i < RUNS; i++) {
      if (i % 2 === 0) {
        bare.first.push(await bareFirst(browser, site.url));
        start.push(await monusco());
      } else {
        start.push(await monusco());
        bare.first.push(await bareFirst(browser, site.url));
      }
    }
    bare.frames = await bareFrames(browser, site.url);
  } finally {
    site.server.close();
  }
  // the map on MONUSCO: zoom and pan, then redraws after actions
  const mctx = await newContext(browser);
  const mpage = await mctx.newPage();
  await mpage.goto(page0, { waitUntil: 'commit' });
  await waitTitle(mpage, url);
  await mpage.evaluate(() => localStorage.setItem('mandate.motion', 'off'));
  await startScenarioTable(mpage, 'monusco-2013', 'kivu');
  await mpage.locator('#map[data-geo="true"]').waitFor();
  await mpage.evaluate(() => performance.clearMeasures());
  const zoom = await zoomFrames(mpage);
  const zoomDraw = await measures(mpage, 'map-draw');
  const zoomRender = await measures(mpage, 'map-render');
  const zoomCost = await frameCosts(mpage);
  await mpage.evaluate(() => performance.clearMeasures());
  const paints = async () => Number(await mpage.locator('#map').getAttribute('data-ground-paints'));
  const paintsBefore = await paints();
  const frames_ = await frames(mpage);
  const groundPaints = (await paints()) - paintsBefore;
  const draw = await measures(mpage, 'map-draw');
  const render = await measures(mpage, 'map-render');
  const cost = await frameCosts(mpage);
  await mctx.close();
  return { start, bare, zoom, frames: frames_, draw, render, cost, zoomDraw, zoomRender, zoomCost, groundPaints };
}

function printMonusco(m: MonuscoPart): void {
  const tw = [44, 10, 10, 10];
  const line = (label: string, xs: number[]) =>
    console.log(row([label, ms(median(xs)), ms(Math.min(...xs)), ms(Math.max(...xs))], tw));
  line('cold  MONUSCO Start click → table-ready', m.start);
  line('cold  bare Phaser 4 page: nav → first render', m.bare.first);
  const pairs = m.start.map((s, i) => s / m.bare.first[i]!);
  console.log(
    `  MONUSCO after reading the title (Phaser, scenario and base map fetched on choosing it) vs the bare page, medians: ${(median(m.start) / median(m.bare.first)).toFixed(2)}×; run by run (pairs measured back to back): median ${median(pairs).toFixed(2)}×, ${Math.min(...pairs).toFixed(2)}–${Math.max(...pairs).toFixed(2)}×`,
  );
  console.log('');
  const fw = [44, 10, 10, 10, 10];
  const q = (label: string, xs: number[]) =>
    console.log(
      row(
        [label, ms1(quantile(xs, 0.5)), ms1(quantile(xs, 0.95)), ms1(xs.length ? Math.max(...xs) : NaN), xs.length],
        fw,
      ),
    );
  console.log(`the map on MONUSCO (base map of Kivu): ${m.frames.actions} actions, and zoom/pan by wheel and keys`);
  console.log(row(['', 'p50', 'p95', 'max', 'count'], fw));
  q('bare Phaser page redrawing a shape: rAF delta', m.bare.frames);
  q('rAF delta, actions (map redraws)', m.frames.deltas);
  q('  map redraw: build (map-draw)', m.draw);
  q('  map redraw: render (map-render)', m.render);
  q('  map frame: builds + render', m.cost);
  console.log(`  the base map was drawn ${m.groundPaints} times during the actions (it is kept in a texture)`);
  q('rAF delta, zoom and pan', m.zoom);
  q('  zoom/pan: build (map-draw)', m.zoomDraw);
  q('  zoom/pan: render (map-render)', m.zoomRender);
  q('  zoom/pan frame: builds + render', m.zoomCost);
  const p95 = quantile(m.frames.deltas, 0.95);
  const bp95 = quantile(m.bare.frames, 0.95);
  console.log(
    `  p95 rAF delta while the map redraws vs the bare page's, same run: ${(p95 / bp95).toFixed(2)}× (${ms1(p95)} vs ${ms1(bp95)})`,
  );
  console.log('');
}

// ---------------------------------------------------------------------------------------------------------------
// statistics and printing

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = sorted(xs);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (i - lo);
}
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : '—');
const ms1 = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');
const row = (cells: (string | number)[], widths: number[]) =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');

// ---------------------------------------------------------------------------------------------------------------

/** One run of the debrief's doctrine comparison, from the click on Run to the results shown. */
interface Comparison {
  readonly ms: number;
  /** The renderer's main thread meanwhile (CDP Performance.getMetrics TaskDuration), ms. */
  readonly mainMs: number;
  /** How many times the progress bar's value changed. */
  readonly updates: number;
  readonly threads: number;
}

async function comparison(browser: Browser, url: string, save: string): Promise<Comparison> {
  const ctx = await newContext(browser);
  try {
    if (THREADS > 0) await reportCores(ctx, THREADS);
    const page = await ctx.newPage();
    await openComparison(page, url, save, COMPARE_GAMES);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable');
    const task = async () =>
      ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
    const task0 = await task();
    const r = await page.evaluate(
      () =>
        new Promise<{ ms: number; updates: number; threads: number }>((done) => {
          const bar = document.querySelector<HTMLProgressElement>('.doctrines progress')!;
          let updates = 0;
          new MutationObserver(() => updates++).observe(bar, { attributes: true, attributeFilter: ['value'] });
          const t0 = performance.now();
          new MutationObserver((_, obs) => {
            if (!document.querySelector('[data-testid="study-results"]')) return;
            obs.disconnect();
            done({ ms: performance.now() - t0, updates, threads: navigator.hardwareConcurrency });
          }).observe(document.querySelector('.doctrines')!, { childList: true, subtree: true });
          document.querySelector<HTMLButtonElement>('[data-key="study-run"]')!.click();
        }),
    );
    const mainMs = (await task()) - task0;
    return { ...r, mainMs };
  } finally {
    await ctx.close();
  }
}

/** The comparison on this build (and on --against's, alternately, so both see the same load); prints a table. */
async function comparisonPart(browser: Browser, url: string): Promise<void> {
  const scn = loadScenario('monusco-2013');
  if (!scn.ok) throw new Error('scenarios/monusco-2013.yaml does not load: run npm run scenario:check');
  const { save } = finishedGame(scn.value);
  const other = AGAINST ? await serve(AGAINST) : null;
  const sites = [{ name: 'this build', url }, ...(other ? [{ name: AGAINST!, url: other.url }] : [])];
  const results = new Map<string, Comparison[]>(sites.map((x) => [x.name, []]));
  try {
    for (let i = 0; i < COMPARE_RUNS; i++)
      for (const site of sites) results.get(site.name)!.push(await comparison(browser, site.url, save));
  } finally {
    other?.server.close();
  }
  console.log(
    `doctrine comparison: a finished MONUSCO game, ${COMPARE_GAMES} games × ${STUDY_DOCTRINES.length} doctrines, ${COMPARE_RUNS} run(s) each`,
  );
  const cw = [Math.max(28, ...sites.map((x) => x.name.length + 2)), 12, 12, 12, 16, 10];
  console.log(row(['', 'median', 'min', 'max', 'main thread', 'updates'], cw));
  const base = results.get(sites[sites.length - 1]!.name)!;
  for (const site of sites) {
    const xs = results.get(site.name)!;
    const t = xs.map((x) => x.ms);
    console.log(
      row(
        [
          `${site.name} (${xs[0]!.threads} cores)`,
          ms(median(t)),
          ms(Math.min(...t)),
          ms(Math.max(...t)),
          ms(median(xs.map((x) => x.mainMs))),
          median(xs.map((x) => x.updates)),
        ],
        cw,
      ),
    );
  }
  if (other)
    console.log(
      `  ratio this build / ${AGAINST}: ${(median(results.get('this build')!.map((x) => x.ms)) / median(base.map((x) => x.ms))).toFixed(2)}`,
    );
  console.log('');
}

async function newContext(
  browser: Browser,
  storageState?: Awaited<ReturnType<BrowserContext['storageState']>>,
): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, ...(storageState ? { storageState } : {}) });
}

async function main(): Promise<void> {
  const t0 = Date.now();
  await buildSite();
  const files = sizes();
  const { server, url } = await serve();
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  const version = browser.version();
  const page0 = `${url}?test`;
  try {
    if (ONLY_COMPARE) {
      console.log(`bench:web --only-compare  Chromium ${version} headless`);
      await comparisonPart(browser, url);
      console.log(`bench:web took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      return;
    }
    if (ONLY_MAP) {
      console.log(
        `bench:web --only-map  Chromium ${version} headless, ${VIEWPORT.width}x${VIEWPORT.height} @1x, ${RUNS} runs`,
      );
      printMonusco(await monuscoPart(browser, url, page0));
      console.log(`bench:web took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      return;
    }
    // cold: a new profile each run (no HTTP cache, no service worker)
    const cold: { load: Load; start: number }[] = [];
    let saved: Awaited<ReturnType<BrowserContext['storageState']>> | null = null;
    let gameHash = '';
    for (let i = 0; i < RUNS; i++) {
      const ctx = await newContext(browser);
      const page = await ctx.newPage();
      await page.goto(page0, { waitUntil: 'commit' });
      const load = await waitTitle(page, url);
      const start = await startTable(page);
      cold.push({ load, start });
      if (!saved) {
        saved = await ctx.storageState();
        gameHash = new URL(page.url()).hash;
      }
      await ctx.close();
    }
    // cold resume: a new profile holding the saved game; the page opens straight onto the table
    const coldResume: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await newContext(browser, saved ?? undefined);
      const page = await ctx.newPage();
      await page.goto(`${page0}${gameHash}`, { waitUntil: 'commit' });
      coldResume.push(await waitTableFromNavigation(page));
      await ctx.close();
    }

    // warm: one profile, after a first visit has installed the service worker
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto(page0);
    await waitTitle(page, url);
    const controlled = await waitController(page);
    const warm: { load: Load; start: number }[] = [];
    const warmResume: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(page0, { waitUntil: 'commit' });
      const load = await waitTitle(page, url);
      const start = await startTable(page);
      warm.push({ load, start });
      await page.reload({ waitUntil: 'commit' }); // #game=… is in the address bar now: resumes onto the table
      warmResume.push(await waitTableFromNavigation(page));
      await page.evaluate(() => history.replaceState(null, '', location.pathname + location.search));
    }

    const m = await monuscoPart(browser, url, page0);

    // frames: a new table, played action by action, with the map's animations off (the actions' own cost)
    await page.goto(page0, { waitUntil: 'commit' });
    await waitTitle(page, url);
    await page.evaluate(() => localStorage.setItem('mandate.motion', 'off'));
    await startTable(page);
    await page.locator('#map[data-ready="true"]').waitFor();
    const f = await frames(page);
    // turn animations: another new table, played month by month with animations on
    await page.goto(page0, { waitUntil: 'commit' });
    await waitTitle(page, url);
    await page.evaluate(() => localStorage.setItem('mandate.motion', 'on'));
    await startTable(page);
    await page.locator('#map[data-ready="true"]').waitFor();
    const anim = await animations(page, MONTHS);
    await ctx.close();
    // the debrief's doctrine comparison (printed at once: it is the longest part)
    await comparisonPart(browser, url);

    // ---- print
    console.log(
      `bench:web  Chromium ${version} headless (--disable-gpu: SwiftShader), ${VIEWPORT.width}x${VIEWPORT.height} @1x, 127.0.0.1, ${RUNS} runs each`,
    );
    console.log('');
    const before = new Set(cold[0]!.load.before);
    const all = [...files.values()].sort((a, b) => b.raw - a.raw);
    const w = [Math.max(28, ...all.map((x) => x.name.length)), 12, 12, 16];
    console.log('build (dist/)               gzip -9 per file');
    console.log(row(['file', 'raw', 'gzip', 'loaded'], w));
    for (const x of all) {
      const when =
        x.name === 'index.html'
          ? 'page'
          : before.has(x.name)
            ? 'before title'
            : x.name === 'sw.js'
              ? 'after load'
              : 'lazy';
      console.log(row([x.name, kib(x.raw), kib(x.gzip), when], w));
    }
    const sum = (xs: FileSize[]) => ({
      raw: xs.reduce((a, x) => a + x.raw, 0),
      gzip: xs.reduce((a, x) => a + x.gzip, 0),
    });
    const tot = sum(all);
    const js = sum(all.filter((x) => x.name.endsWith('.js')));
    console.log(row(['total', kib(tot.raw), kib(tot.gzip), `${all.length} files`], w));
    console.log(row(['  of which .js', kib(js.raw), kib(js.gzip), ''], w));
    console.log('');
    const jsBefore = sum(
      [...before]
        .filter((n) => n.endsWith('.js'))
        .map((n) => files.get(n))
        .filter((x): x is FileSize => x !== undefined),
    );
    const cssBefore = sum(
      [...before]
        .filter((n) => n.endsWith('.css'))
        .map((n) => files.get(n))
        .filter((x): x is FileSize => x !== undefined),
    );
    console.log(
      `JS before title-ready: ${kib(jsBefore.raw)} raw, ${kib(jsBefore.gzip)} gzip  (${[...before].filter((n) => n.endsWith('.js')).join(', ')})`,
    );
    console.log(
      `CSS before title-ready: ${kib(cssBefore.raw)} raw, ${kib(cssBefore.gzip)} gzip; Phaser before title: ${[...before].some((n) => n.includes('phaser')) ? 'YES' : 'no'}`,
    );
    console.log('');
    const tw = [44, 10, 10, 10];
    console.log(row([`timing (ms, ${RUNS} runs)`, 'median', 'min', 'max'], tw));
    const line = (label: string, xs: number[]) =>
      console.log(row([label, ms(median(xs)), ms(Math.min(...xs)), ms(Math.max(...xs))], tw));
    line(
      'cold  nav → DOMContentLoaded',
      cold.map((r) => r.load.domContentLoaded),
    );
    line(
      'cold  nav → title-ready',
      cold.map((r) => r.load.titleReady),
    );
    line(
      'cold  Start click → table-ready',
      cold.map((r) => r.start),
    );
    line('cold  nav → table-ready (resume)', coldResume);
    line(
      'warm  nav → title-ready',
      warm.map((r) => r.load.titleReady),
    );
    line(
      'warm  Start click → table-ready',
      warm.map((r) => r.start),
    );
    line('warm  nav → table-ready (resume)', warmResume);
    console.log(
      `  warm = same profile after a first visit; served by the service worker: ${controlled && warm.every((r) => r.load.controlled) ? 'yes' : 'NO'}`,
    );
    printMonusco(m);
    const d = f.deltas;
    const fw = [44, 10, 10, 10, 10];
    console.log(
      `frames on the table: ${f.actions} actions in ${f.seconds.toFixed(1)} s, ${d.length} frames, map animations off (headless rAF is vsync-capped at ~60 Hz)`,
    );
    console.log(row(['', 'p50', 'p95', 'max', 'count'], fw));
    console.log(row(['rAF delta', ms1(quantile(d, 0.5)), ms1(quantile(d, 0.95)), ms1(Math.max(...d)), d.length], fw));
    const lo = f.loaf;
    const lq = (xs: number[]) =>
      [ms1(quantile(xs, 0.5)), ms1(quantile(xs, 0.95)), ms1(xs.length ? Math.max(...xs) : NaN), xs.length] as const;
    console.log(
      row([`long animation frames${f.loafSupported ? '' : ' (UNSUPPORTED)'}`, ...lq(lo.map((x) => x.duration))], fw),
    );
    console.log(row(['  their blocking duration', ...lq(lo.map((x) => x.blocking))], fw));
    console.log(row(['  their script time', ...lq(lo.map((x) => x.script))], fw));
    console.log(row(['  their render (style/layout/paint)', ...lq(lo.map((x) => x.render))], fw));
    const ll = f.loafLoad;
    console.log(row(['LoAF before the actions (page+Phaser boot)', ...lq(ll.map((x) => x.duration))], fw));
    console.log(row(['  their script time', ...lq(ll.map((x) => x.script))], fw));
    console.log(row(['frames over 33 ms (rAF)', '', '', '', d.filter((x) => x > 33.4).length], fw));
    const ev = f.events.filter((e) => e.name === 'click' || e.name === 'pointerup' || e.name === 'keydown');
    const clicks = ev.filter((e) => e.name === 'click');
    console.log(row(['click → next paint (Event Timing)', ...lq(clicks.map((e) => e.duration))], fw));
    console.log(row(['  click handler time (store+DOM+map)', ...lq(clicks.map((e) => e.processing))], fw));
    console.log('');
    const animated = [...anim.first, ...anim.rest];
    console.log(
      `frames during turn animations: ${anim.durations.length} months animated in ${anim.steps} actions, each ${ms(median(anim.durations))} (median; planned 1300 ms), ${animated.length} frames; the map's Phaser loop is capped at 30 fps`,
    );
    console.log(row(['', 'p50', 'p95', 'max', 'count'], fw));
    console.log(
      row(
        [
          'rAF delta, all frames of the animations',
          ms1(quantile(animated, 0.5)),
          ms1(quantile(animated, 0.95)),
          ms1(animated.length ? Math.max(...animated) : NaN),
          animated.length,
        ],
        fw,
      ),
    );
    console.log(
      row(
        [
          '  after the first frame',
          ms1(quantile(anim.rest, 0.5)),
          ms1(quantile(anim.rest, 0.95)),
          ms1(anim.rest.length ? Math.max(...anim.rest) : NaN),
          anim.rest.length,
        ],
        fw,
      ),
    );
    console.log(
      row(
        [
          '  first frame (after the resolving click)',
          ms1(quantile(anim.first, 0.5)),
          ms1(quantile(anim.first, 0.95)),
          ms1(anim.first.length ? Math.max(...anim.first) : NaN),
          anim.first.length,
        ],
        fw,
      ),
    );
    console.log(
      row(
        [`long animation frames${f.loafSupported ? '' : ' (UNSUPPORTED)'}`, ...lq(anim.loaf.map((x) => x.duration))],
        fw,
      ),
    );
    console.log(row(['  their script time', ...lq(anim.loaf.map((x) => x.script))], fw));
    console.log(row(['frames over 33 ms (rAF)', '', '', '', animated.filter((x) => x > 33.4).length], fw));
    console.log('');
    console.log(`bench:web took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
