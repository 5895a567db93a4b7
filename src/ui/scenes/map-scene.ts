// The theatre map: regions from x/y (0–1000), links, violence as shade + number + shape, units and armed groups as tokens.
// Phaser is passed in (loaded by a dynamic import in table.ts), so this file only imports its types.
import type * as PhaserNS from 'phaser';
import { violenceLevel, type ViolenceLevel } from '../describe.js';
import { loc } from '../i18n/index.js';
import { ARMED } from '../panels/theatre.js';
import type { MapSource } from './source.js';

type PhaserModule = typeof PhaserNS;

/** Violence shades (one hue, light to dark: readable without colour vision) and a shape per level. */
const SHADE: Record<ViolenceLevel, number> = { low: 0xf6ead0, moderate: 0xe8b86b, high: 0xc8642c, severe: 0x7a2810 };
const INK: Record<ViolenceLevel, string> = { low: '#2a2318', moderate: '#2a2318', high: '#ffffff', severe: '#ffffff' };
const FONT = '"Source Sans 3", "Segoe UI", system-ui, sans-serif';

export interface MapDeps {
  readonly source: MapSource;
  readonly onReady: () => void;
}

export function createMapScene(Phaser: PhaserModule, deps: MapDeps) {
  return class MapScene extends Phaser.Scene {
    private layer: PhaserNS.GameObjects.Container | null = null;
    private alive = true;

    constructor() {
      super({ key: 'map' });
    }

    create(): void {
      this.layer = this.add.container(0, 0);
      this.draw();
      const unsubscribe = deps.source.subscribe(() => this.draw());
      const onResize = () => this.draw();
      this.scale.on(Phaser.Scale.Events.RESIZE, onResize);
      const stop = () => {
        this.alive = false;
        unsubscribe();
        this.scale?.off(Phaser.Scale.Events.RESIZE, onResize);
      };
      // a scene stops on SHUTDOWN; destroying the whole game emits DESTROY instead
      this.events.once(Phaser.Scenes.Events.SHUTDOWN, stop);
      this.events.once(Phaser.Scenes.Events.DESTROY, stop);
      deps.onReady();
    }

    /** Redraws everything: the map is small, and a turn-based game redraws only on change. */
    draw(): void {
      const layer = this.layer;
      const frame = deps.source.current();
      if (!layer || !frame || !this.alive || !this.sys.isActive()) return;
      layer.removeAll(true);
      const { scenario: scn, view } = frame;
      const dpr = Math.max(1, window.devicePixelRatio || 1);
      const W = this.scale.width;
      const H = this.scale.height;
      // fit the regions' bounding box, not the whole 0–1000 square, so small theatres fill the table
      const xs = scn.regions.map((r) => r.x);
      const ys = scn.regions.map((r) => r.y);
      const minX = Math.min(...xs);
      const minY = Math.min(...ys);
      const spanX = Math.max(100, Math.max(...xs) - minX);
      const spanY = Math.max(100, Math.max(...ys) - minY);
      const padX = 150 * dpr;
      const padY = 80 * dpr;
      const k = Math.min((W - 2 * padX) / spanX, (H - 2 * padY) / spanY);
      const ox = (W - spanX * k) / 2 - minX * k;
      const oy = (H - spanY * k) / 2 - minY * k;
      const at = (x: number, y: number) => ({ x: ox + x * k, y: oy + y * k });
      const unit = Math.max(0.6, Math.min(1.4, Math.min(W, H) / (560 * dpr))) * dpr;
      const text = (x: number, y: number, s: string, size: number, color: string, bold = false) =>
        this.add.text(x, y, s, { fontFamily: FONT, fontSize: `${Math.round(size * unit)}px`, color, fontStyle: bold ? 'bold' : 'normal', resolution: 1 });

      const g = this.add.graphics();
      layer.add(g);
      // paper and a faint survey grid
      g.fillStyle(0xf3eddf, 1).fillRect(0, 0, W, H);
      g.lineStyle(1 * dpr, 0xe2d8c3, 1);
      const step = 50 * dpr;
      for (let x = step; x < W; x += step) g.lineBetween(x, 0, x, H);
      for (let y = step; y < H; y += step) g.lineBetween(0, y, W, y);
      // links
      g.lineStyle(3 * unit, 0x9c8b6e, 0.9);
      const byId = new Map(scn.regions.map((r) => [r.id, r]));
      for (const r of scn.regions) {
        for (const l of r.links) {
          const o = byId.get(l);
          if (!o || o.id < r.id) continue;
          const a = at(r.x, r.y);
          const b = at(o.x, o.y);
          g.lineBetween(a.x, a.y, b.x, b.y);
        }
      }
      const radius = 34 * unit;
      for (const r of scn.regions) {
        const p = at(r.x, r.y);
        const v = view.violence[r.id] ?? { value: 0, spread: 0 };
        const level = violenceLevel(v.value);
        g.fillStyle(SHADE[level], 1);
        g.lineStyle(2.5 * unit, 0x3b2f1e, 1);
        if (level === 'severe') {
          // a diamond for the worst level, so it never depends on colour alone
          const d = radius * 1.15;
          g.beginPath();
          g.moveTo(p.x, p.y - d);
          g.lineTo(p.x + d, p.y);
          g.lineTo(p.x, p.y + d);
          g.lineTo(p.x - d, p.y);
          g.closePath();
          g.fillPath();
          g.strokePath();
        } else {
          g.fillCircle(p.x, p.y, radius);
          g.strokeCircle(p.x, p.y, radius);
          if (level === 'moderate') {
            g.lineStyle(2 * unit, 0x3b2f1e, 0.8);
            g.strokeCircle(p.x, p.y, radius - 6 * unit);
          }
          if (level === 'high') {
            g.lineStyle(2 * unit, 0xffffff, 0.9);
            g.strokeCircle(p.x, p.y, radius - 6 * unit);
            g.strokeCircle(p.x, p.y, radius - 11 * unit);
          }
        }
        const num = text(p.x, p.y, v.spread > 0 ? `${v.value}±${v.spread}` : String(v.value), v.spread > 0 ? 15 : 20, INK[level], true).setOrigin(0.5);
        layer.add(num);
        const name = text(p.x, p.y + radius + 6 * unit, loc(r.name), 15, '#2a2318', true).setOrigin(0.5, 0);
        name.setBackgroundColor('rgba(243,237,223,0.85)');
        layer.add(name);

        // mission units: blue squares to the left
        const units = Object.entries(view.units).filter(([, u]) => u.region === r.id);
        units.forEach(([id], i) => {
          const x = p.x - radius - 16 * unit;
          const y = p.y - radius + i * 22 * unit;
          g.fillStyle(0x1f5fa8, 1).fillRect(x - 8 * unit, y - 8 * unit, 16 * unit, 16 * unit);
          g.lineStyle(1.5 * unit, 0xffffff, 1).strokeRect(x - 8 * unit, y - 8 * unit, 16 * unit, 16 * unit);
          const def = scn.units.find((u) => u.id === id) ?? Object.values(scn.reinforcements).find((x) => x.unit.id === id)?.unit;
          const label = text(x - 12 * unit, y, def ? abbreviation(loc(def.name)) : id, 12, '#1f3f6a', true).setOrigin(1, 0.5);
          layer.add(label);
        });
        // armed groups and spoilers: dark triangles to the right, with their seen strength
        const groups = scn.actors.filter((a) => ARMED.includes(a.kind) && a.regions.includes(r.id));
        groups.forEach((a, i) => {
          const x = p.x + radius + 16 * unit;
          const y = p.y - radius + 4 * unit + i * 24 * unit;
          const s = 10 * unit;
          g.fillStyle(0x5a1a1a, 1).fillTriangle(x, y - s, x + s, y + s * 0.8, x - s, y + s * 0.8);
          const st = view.actors?.[a.id]?.strength;
          const label = text(x + 14 * unit, y, `${abbreviation(loc(a.name))}${st ? ` ${st.value}` : ''}`, 12, '#5a1a1a', true).setOrigin(0, 0.5);
          layer.add(label);
        });
      }
      layer.sendToBack(g);
      // a turn-based map needs no frame loop while nothing changes: render this frame, then idle
      const loop = this.game.loop;
      loop.wake();
      this.game.events.once(Phaser.Core.Events.POST_RENDER, () => loop.sleep());
    }
  };
}

/** "Highland Liberation Front" → "HLF"; short names stay as they are. */
function abbreviation(name: string): string {
  if (name.length <= 10) return name;
  const words = name.split(/\s+/).filter((w) => /^[\p{Lu}]/u.test(w));
  return words.length >= 2 ? words.map((w) => w[0]).join('') : name.slice(0, 10);
}
