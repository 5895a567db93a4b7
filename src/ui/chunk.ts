// Code loaded on demand (the debrief) that may fail to download: offline before it was cached, a network error.
// Chromium before 151 keeps a failed dynamic import() in its module map, so importing the same address again fails
// again without asking the network: a retry imports the chunk's address with a fresh query, which is a new module.
import { h } from './dom.js';
import { t } from './i18n/index.js';

let attempt = 0;

/** The chunk's address named in a failed import's error (Chromium: "Failed to fetch dynamically imported module: URL"). */
export function failedChunkUrl(e: unknown): string | null {
  const m = /(https?:\/\/[^\s'"]+?\.js)(\?[^\s'"]*)?/.exec(String(e instanceof Error ? e.message : e));
  return m ? m[1]! : null;
}

/**
 * Imports by `load`; after a failure, the next call imports the failed chunk's address afresh. Rejects when the
 * chunk cannot be had, for the caller to say so and offer a retry.
 */
export function chunkLoader<T>(load: () => Promise<T>): () => Promise<T> {
  let failed: string | null = null;
  return async () => {
    try {
      const m = failed ? ((await import(/* @vite-ignore */ `${failed}?retry=${++attempt}`)) as T) : await load();
      failed = null;
      return m;
    } catch (e) {
      failed = failedChunkUrl(e) ?? failed;
      throw e;
    }
  };
}

/** What the player reads when a part of the game could not be downloaded, with a button that tries again. */
export function chunkFailure(onRetry: () => void): HTMLElement {
  const box = h(
    'div',
    { class: 'notice chunk-failure', role: 'alert' },
    h('p', {}, t('chunk.failed')),
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          box.remove();
          onRetry();
        },
      },
      t('chunk.retry'),
    ),
  );
  return box;
}
