// Loads Phaser on demand and starts the map scene in a box; the box says when the map is drawn (data-ready), or why not.
// Phaser is fetched while the player reads the title screen (once the page is idle), so Start opens the table at once;
// a scenario's base map is fetched when the player chooses that scenario on the title (or with the map), never before
// the title.
import { chunkLoader } from './chunk.js';
import { h } from './dom.js';
import { t } from './i18n/index.js';
import type * as PhaserNS from 'phaser';
import type { BaseMap } from './scenes/geo.js';
import type { IconCanvases } from './scenes/icon-images.js';
import type * as SceneModule from './scenes/map-scene.js';
import type { MapDeps } from './scenes/map-scene.js';
import type * as MountModule from './scenes/mount.js';
import type { MountedMap } from './scenes/mount.js';

/** Everything the scene takes but `onReady`, which this sets (and calls `onReady` here once, if given). */
export type LazyMapDeps = Omit<MapDeps, 'onReady' | 'baseMaps' | 'icons'>;

/** How many maps have started to mount on this page. */
let mapsStarted = 0;

let phaser: Promise<[typeof PhaserNS, typeof SceneModule, typeof MountModule]> | null = null;

// each chunk on its own: a failed one is fetched afresh on the next try (Chromium before 151 keeps a failed import())
const loadPhaser = chunkLoader(() => import('phaser'));
const loadScene = chunkLoader(() => import('./scenes/map-scene.js'));
const loadMount = chunkLoader(() => import('./scenes/mount.js'));
const loadGeo = chunkLoader(() => import('./scenes/geo.js'));
const loadIcons = chunkLoader(() => import('./scenes/icon-images.js'));
const loadBaseMaps = chunkLoader(() => import('./scenes/base-maps.js'));

/** The map's icons drawn at the size the map shows them; null when they cannot be had (the scene loads them itself). */
function icons(): Promise<IconCanvases | null> {
  return loadIcons()
    .then(({ iconCanvases, iconPixels }) => iconCanvases(iconPixels()))
    .catch(() => null);
}

/**
 * The map's code: Phaser and the scene, fetched once; then the icons drawn and the texts' canvases readied, and a mark
 * (map-prefetched) says all is here.
 */
function mapCode() {
  if (!phaser) {
    phaser = Promise.all([loadPhaser(), loadScene(), loadMount()]);
    void phaser
      .then(([Phaser, , { warmTextCanvases }]) => {
        // enough for a theatre's labels, towns and countries (MONUSCO's map has about seventy texts); not once a map
        // is being made (Start came first): then it would only compete with it
        return Promise.all([warmTextCanvases(Phaser, 100, () => mapsStarted === 0), icons()]);
      })
      .then(() => performance.mark('map-prefetched'))
      .catch(() => undefined);
  }
  // a failed fetch (offline before the first visit cached it) may be tried again
  phaser.catch(() => (phaser = null));
  return phaser;
}

/** Starts fetching the map's code when the page is idle (the title screen), so the table opens without waiting. */
export function prefetchMap(): void {
  if (typeof window === 'undefined') return;
  const go = () => void mapCode().catch(() => undefined);
  const idle = (window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number })
    .requestIdleCallback;
  // a moment after the title shows (a player reads it for longer), then when the page is idle
  window.setTimeout(() => (idle ? idle(go, { timeout: 2000 }) : go()), 1500);
}

/**
 * The player chose a scenario on the title: its data and, if it has geography, its base map are fetched now, with the
 * map's code, so Start waits for none of them. Called only once the title shows (a choice is made on it).
 */
export function prefetchScenario(entry: { summary: { map: string | null }; load(): Promise<unknown> }): void {
  if (typeof window === 'undefined' || !entry.summary.map) return;
  const mapId = entry.summary.map;
  void entry.load().catch(() => undefined);
  void loadBaseMaps()
    .then(({ loadBaseMap }) => loadBaseMap(mapId))
    .catch(() => undefined);
  void mapCode().catch(() => undefined);
}

// this module is part of the first load (the table imports it): the prefetch starts once the title screen is shown
// (its `title-ready` mark), so nothing of the map's competes with the title for the network
if (typeof window !== 'undefined' && typeof PerformanceObserver !== 'undefined') {
  if (performance.getEntriesByName('title-ready').length > 0) prefetchMap();
  else {
    const seen = new PerformanceObserver((list) => {
      if (!list.getEntries().some((e) => e.name === 'title-ready')) return;
      seen.disconnect();
      prefetchMap();
    });
    seen.observe({ type: 'mark', buffered: true });
  }
}

export function lazyMap(box: HTMLElement, deps: LazyMapDeps, onReady?: () => void): MountedMap {
  let map: MountedMap | null = null;
  let destroyed = false;
  const start = async () => {
    mapsStarted++;
    try {
      // the base map of the scenario on show comes with the code (both in parallel)
      const { baseMapFor } = await loadGeo();
      const mapId = baseMapFor(deps.source.current()?.scenario.regions ?? []);
      const baseMaps = new Map<string, BaseMap>();
      const fetchBase = mapId
        ? loadBaseMaps()
            .then(({ loadBaseMap }) => loadBaseMap(mapId))
            .then((m) => void baseMaps.set(mapId, m))
            .catch((e: unknown) => console.warn('base map unavailable', e))
        : Promise.resolve();
      const [[Phaser, { createMapScene }, { mountMap }], iconsDrawn] = await Promise.all([
        mapCode(),
        icons(),
        fetchBase,
      ]);
      if (destroyed) return;
      box.replaceChildren();
      const scene = createMapScene(Phaser, {
        ...deps,
        baseMaps,
        icons: iconsDrawn ?? undefined,
        onReady: () => {
          if (box.dataset['ready'] === 'true') return;
          box.dataset['ready'] = 'true';
          onReady?.();
        },
      });
      map = mountMap(Phaser, box, scene);
    } catch (e) {
      console.warn('map unavailable', e);
      // a download that failed can be tried again; a browser that cannot draw the map keeps the table below
      const download = /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(
        String(e instanceof Error ? e.message : e),
      );
      const note = h(
        'p',
        { class: 'muted', role: download ? 'alert' : null },
        t(download ? 'table.mapDownload' : 'table.mapFailed'),
      );
      box.replaceChildren(note);
      if (download)
        box.append(h('button', { type: 'button', class: 'small', onclick: () => void start() }, t('chunk.retry')));
      onReady?.();
    }
  };
  void start();
  return {
    redraw: () => map?.redraw(),
    destroy: () => {
      destroyed = true;
      map?.destroy();
    },
  };
}
