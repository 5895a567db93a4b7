// Service worker for the static build: precaches every built file, serves them cache-first, so the game runs offline
// after the first visit. Self-contained (no imports): scripts/sw-plugin.ts strips the types, fills in the two
// placeholders below with the build's file list and a content hash, and writes it to dist/sw.js.
// Updates: a new build has a new version; its worker installs beside the old one and takes over once every tab of
// the old version is closed (no skipWaiting, so a running game never loses the chunks it was built with).

declare const __PRECACHE_FILES__: string[];
declare const __PRECACHE_VERSION__: string;

const sw = self as unknown as ServiceWorkerGlobalScope;
const PREFIX = 'mandate-';
const CACHE = `${PREFIX}${__PRECACHE_VERSION__}`;
/** Relative to this worker's own URL, so the build works under any path of any static host. */
const FILES: readonly string[] = __PRECACHE_FILES__;
const INDEX = new URL('./index.html', sw.location.href).href;
const ROOT = new URL('./', sw.location.href).href;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(new URL(f, sw.location.href), { cache: 'reload' })))),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== sw.location.origin) return;
  // the page itself, whatever its query (?test) or hash: the precached index.html
  const bare = url.origin + url.pathname;
  const page = req.mode === 'navigate' && (bare === ROOT || bare === INDEX);
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // ignoreVary: a static host may answer with Vary: Origin, and module scripts ask with an Origin the precache lacked
      const hit = await cache.match(page ? INDEX : req, { ignoreVary: true });
      return hit ?? fetch(req);
    })(),
  );
});

export {};
