// Starts a Phaser game for a map scene in a box, sized to the box at the device's pixel ratio.
// The Canvas renderer, not WebGL: the map draws a frame only when something changes (turn-based; its loop sleeps
// between), and a frame is a texture of the ground, a few dozen small text canvases and shapes. WebGL tessellates every
// Graphics shape again on each render and uploads each changed text as a texture; Canvas 2D draws them as they are and
// starts without compiling shaders. Measured by bench:web (headless Chromium, software rendering): a redraw's render
// p50 fell from about 17 ms to 4 ms, and the table's first draw came sooner.
import type * as PhaserNS from 'phaser';

export interface MountedMap {
  /** Asks the map scene to draw again from the store. */
  redraw(): void;
  destroy(): void;
}

export function mountMap(Phaser: typeof PhaserNS, box: HTMLElement, scene: typeof PhaserNS.Scene): MountedMap {
  const dpr = () => Math.max(1, window.devicePixelRatio || 1);
  const size = () => ({ w: Math.max(200, box.clientWidth), h: Math.max(200, box.clientHeight) });
  const s0 = size();
  const game = new Phaser.Game({
    type: Phaser.CANVAS,
    parent: box,
    backgroundColor: '#f3eddf',
    banner: false,
    audio: { noAudio: true },
    antialias: true,
    scale: { mode: Phaser.Scale.NONE, width: s0.w * dpr(), height: s0.h * dpr() },
    fps: { limit: 30 },
    scene,
  });
  // The canvas holds the real pixel count; CSS keeps it at the box's size, so it stays crisp.
  // Only when the size changed: setting a canvas's width, even to the same number, throws its drawing buffer away
  // (and the box is observed for every change of the table's layout)
  let fitted = '';
  const fit = () => {
    // a hidden table (the hot seat's pass screen) keeps its canvas as it was: it comes back at the same size
    if (box.clientWidth === 0 || box.clientHeight === 0) return;
    const { w, h } = size();
    const r = dpr();
    const W = Math.round(w * r);
    const H = Math.round(h * r);
    const key = `${W}x${H}:${w}x${h}`;
    if (key === fitted) return;
    fitted = key;
    if (game.scale.width !== W || game.scale.height !== H) game.scale.resize(W, H);
    game.canvas.style.width = `${w}px`;
    game.canvas.style.height = `${h}px`;
  };
  game.events.once('ready', fit);
  const observer = new ResizeObserver(() => fit());
  observer.observe(box);
  return {
    redraw: () => {
      const s = game.scene.getScene('map') as unknown as { draw?: () => void } | null;
      s?.draw?.();
    },
    destroy: () => {
      observer.disconnect();
      game.destroy(true);
    },
  };
}

/**
 * Readies canvases with their 2D contexts in Phaser's pool, a few at a time while the page is idle (the title screen):
 * each text of the map draws into a canvas of its own, taken from that pool, and making a canvas's context is what
 * its creation costs. A map with more texts than this makes the rest as it goes. Stops early once `wanted` says no.
 */
export function warmTextCanvases(Phaser: typeof PhaserNS, count: number, wanted: () => boolean): Promise<void> {
  const pool = Phaser.Display.Canvas.CanvasPool;
  const owner = {};
  let made = 0;
  return new Promise((done) => {
    const some = () => {
      if (!wanted()) made = count;
      for (let i = 0; i < 20 && made < count; i++, made++) {
        pool.create(owner, 1, 1).getContext('2d', { willReadFrequently: true });
      }
      // held by `owner` until all are made (the pool hands a free one out again), then all given back at once
      if (made < count) later(some);
      else {
        pool.remove(owner);
        done();
      }
    };
    later(some);
  });
}

function later(f: () => void): void {
  const idle = (window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number })
    .requestIdleCallback;
  if (idle) idle(f, { timeout: 500 });
  else window.setTimeout(f, 0);
}
