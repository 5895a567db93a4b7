// E2E harness: one production build, Vite's preview server on a free port, Chrome or Chromium (Debian's on CI) through
// playwright-core.
import { afterAll, beforeAll } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { chromiumPath } from './browser-path.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OUTPUT = join(ROOT, 'tests/output');
// One build folder per test process: the files run in parallel, and one must not empty another's folder.
const OUT_DIR = join(OUTPUT, `e2e-dist-${process.pid}`);
/** The built site of this test process (for a server that serves it). */
export const DIST = OUT_DIR;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  readonly url: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

let built: Promise<void> | null = null;

/** Builds once per process, serves it, and starts the browser. */
export async function startHarness(): Promise<Harness> {
  mkdirSync(OUTPUT, { recursive: true });
  built ??= productionBuild();
  await built;
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(OUT_DIR, { recursive: true, force: true });
    },
  };
}

/** The build as it ships: vitest sets NODE_ENV=test, under which Vite would build with import.meta.env.PROD false. */
async function productionBuild(): Promise<void> {
  const env = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ root: ROOT, logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
  } finally {
    if (env === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = env;
  }
}

/** A page that records console errors, page errors and failed requests. */
export interface Watched {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly problems: string[];
}

export async function openPage(
  h: Harness,
  viewport = { width: 1400, height: 1000 },
  scale = 1,
  options: BrowserContextOptions = {},
): Promise<Watched> {
  const context = await h.browser.newContext({
    viewport,
    deviceScaleFactor: scale,
    acceptDownloads: true,
    reducedMotion: 'reduce',
    ...options,
  });
  const page = await context.newPage();
  return { page, context, problems: watch(page) };
}

/** Records a page's console errors, page errors, failed requests and HTTP errors in the list it returns. */
export function watch(page: Page, problems: string[] = []): string[] {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // A page that goes to another address abandons what it was still fetching (the title's idle prefetch of the map's
  // code, when the player joins quickly): Chromium aborts those requests, which is no failure. Requests are counted by
  // the main frame's navigations begun before them; an abort after a later navigation began is the page leaving.
  let navigations = 0;
  const issuedAfter = new WeakMap<object, number>();
  page.on('request', (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) navigations++;
    else issuedAfter.set(r, navigations);
  });
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText ?? '';
    if (error === 'net::ERR_ABORTED' && (issuedAfter.get(r) ?? navigations) < navigations) return;
    problems.push(`request failed: ${r.url()} ${error}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: false });
}

/** One harness for a test file: started before its tests, closed after them. */
export function useHarness(): () => Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });
  return () => {
    if (!h) throw new Error('the e2e harness has not started');
    return h;
  };
}
