// Loads Phaser on demand and starts the map scene in a box; the box says when the map is drawn (data-ready), or why not.
import { h } from './dom.js';
import { t } from './i18n/index.js';
import type { MountedMap } from './scenes/mount.js';
import type { MapDeps } from './scenes/map-scene.js';

/** Everything the scene takes but `onReady`, which this sets (and calls `onReady` here once, if given). */
export type LazyMapDeps = Omit<MapDeps, 'onReady'>;

export function lazyMap(box: HTMLElement, deps: LazyMapDeps, onReady?: () => void): MountedMap {
  let map: MountedMap | null = null;
  let destroyed = false;
  void (async () => {
    try {
      // Phaser is split out of the first load by these dynamic imports.
      const Phaser = await import('phaser');
      const { createMapScene } = await import('./scenes/map-scene.js');
      const { mountMap } = await import('./scenes/mount.js');
      if (destroyed) return;
      box.replaceChildren();
      const scene = createMapScene(Phaser, {
        ...deps,
        onReady: () => {
          if (box.dataset['ready'] === 'true') return;
          box.dataset['ready'] = 'true';
          onReady?.();
        },
      });
      map = mountMap(Phaser, box, scene);
    } catch (e) {
      console.warn('map unavailable', e);
      box.replaceChildren(h('p', { class: 'muted' }, t('table.mapFailed')));
      onReady?.();
    }
  })();
  return {
    redraw: () => map?.redraw(),
    destroy: () => {
      destroyed = true;
      map?.destroy();
    },
  };
}
