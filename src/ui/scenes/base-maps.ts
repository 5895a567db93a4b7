// Fetches a base map of assets/maps/ (hashed by Vite, cached by the service worker) when a scenario with geography
// opens the map: never before the title, never bundled into a script.
import type { BaseMap } from './geo.js';

const urls = import.meta.glob<string>('../../../assets/maps/*.json', { query: '?url', import: 'default', eager: true });
const cache = new Map<string, Promise<BaseMap>>();

export function loadBaseMap(id: string): Promise<BaseMap> {
  let p = cache.get(id);
  if (!p) {
    const url = urls[`../../../assets/maps/${id}.json`];
    p = url
      ? fetch(url).then((r) => {
          if (!r.ok) throw new Error(`base map ${id}: HTTP ${r.status}`);
          return r.json() as Promise<BaseMap>;
        })
      : Promise.reject(new Error(`no base map ${id}`));
    // a failed fetch may be tried again later (offline, then online)
    p.catch(() => cache.delete(id));
    cache.set(id, p);
  }
  return p;
}
