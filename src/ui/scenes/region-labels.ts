// A region's label on the map: what it shows at each level of detail (violence badge, name, the mission's units as
// icons, the armed groups present, each once), measured; its paper and badge drawn; and the kept Phaser objects it is
// drawn with (one record per region, updated in place on each draw).
import type * as PhaserNS from 'phaser';
import type { Scenario } from '../../scenario/schema.js';
import type { ViolenceLevel } from '../describe.js';
import { loc } from '../i18n/index.js';
import { changeMark, type MapChange } from './changes.js';
import { CAPABILITY_ORDER } from './icons.js';
import { BETTER, BLUE, GROUP_INK, look, mapText, measure, SHADE, WORSE, wrap } from './map-style.js';
import type { Rect } from './placement.js';
import type { MapView } from './source.js';

type Graphics = PhaserNS.GameObjects.Graphics;
type Text = PhaserNS.GameObjects.Text;
type Image = PhaserNS.GameObjects.Image;
type Container = PhaserNS.GameObjects.Container;

/** How much detail a region's label carries: full name and icons; short name and icons; short name only. */
export type Lod = 0 | 1 | 2 | 3;

/** What a region's label shows, measured (canvas pixels, relative to the label's top left). */
export interface Block {
  readonly w: number;
  readonly h: number;
  readonly name: string;
  readonly nameX: number;
  readonly nameY: number;
  readonly fontPx: number;
  /** The violence badge: a pill of the level's shade with its shape (symbol) and the number. */
  readonly badge: { x: number; y: number; w: number; h: number; symX: number; numX: number; numPx: number };
  readonly mark: { text: string; x: number; y: number; worse: boolean } | null;
  readonly icons: { key: string; x: number; y: number; size: number; unit: string }[];
  readonly groups: { id: string; text: string; x: number; y: number; iconX: number; size: number; fontPx: number }[];
}

/** The objects of one region, kept from draw to draw. */
export interface RegionRec {
  readonly c: Container;
  readonly bg: Graphics;
  readonly flash: Graphics;
  readonly num: Text;
  readonly name: Text;
  /** The mark of change (▲/▼), made when a region first has one. */
  mark: Text | null;
  readonly icons: Image[];
  readonly groups: { icon: Image; text: Text }[];
  box: Rect;
  readonly badge: { x: number; y: number };
  /** What the paper and badge were last drawn for: drawn again only when it changes. */
  painted: string;
}

/** A region's name as the map's short label: the part before brackets, " and " or a comma ("Masisi and Sake": Masisi). */
export function shortName(name: string): string {
  const cut = name.split(/\s*\(|\s+(?:and|et)\s+|,\s*/u)[0]?.trim();
  return cut && cut.length >= 3 ? cut : name;
}

/** A short label for a token: the name if short, a short name given before brackets ("M23 (Mouvement du 23 mars)": M23), else the initials ("Highland Liberation Front": HLF). */
export function abbreviation(name: string): string {
  if (name.length <= 10) return name;
  const before = /^([^(]{1,10}?)\s*\(/u.exec(name)?.[1]?.trim();
  if (before) return before;
  const acronym = /^[\p{Lu}\d-]{2,10}(?=\s)/u.exec(name)?.[0];
  if (acronym) return acronym;
  const words = name.split(/\s+/).filter((w) => /^[\p{Lu}]/u.test(w));
  return words.length >= 2 ? words.map((w) => w[0]).join('') : name.slice(0, 10).trim();
}

/** Lays out one region's label at a level of detail: sizes and places of its parts. */
export function measureBlock(
  view: MapView,
  changes: readonly MapChange[],
  regionId: string,
  fullName: string,
  units: readonly string[],
  armed: Scenario['actors'],
  unitDef: ReadonlyMap<string, Scenario['units'][number]>,
  lod: Lod,
  u: number,
): Block {
  const pad = 4 * u;
  const v = view.violence[regionId] ?? { value: 0, spread: 0 };
  const numPx = Math.round((lod >= 2 ? 10.5 : 11.5) * u);
  // room for the widest number the counter may show on its way
  const numText = (v.spread > 0 ? `${v.value}±${v.spread}` : String(v.value)).replace(/\d+/g, (d) =>
    '8'.repeat(Math.max(2, d.length)),
  );
  const sym = 5 * u;
  const bh = Math.round((lod >= 2 ? 17 : 19) * u);
  const bw = Math.ceil(4 * u + 2 * sym + 3 * u + measure(numText, numPx, true) + 5 * u);
  const fontPx = Math.round((lod >= 3 ? 11.5 : 12.5) * u);
  const lineH = Math.round(fontPx * 1.2);
  const name = lod === 0 ? fullName : shortName(fullName);
  const lines = lod === 0 ? wrap(name, fontPx, 150 * u) : [name];
  const nameW = Math.max(...lines.map((l) => measure(l, fontPx, true)));
  const vc = changes.find(
    (c): c is Extract<MapChange, { kind: 'violence' }> => c.kind === 'violence' && c.region === regionId,
  );
  const markText = vc ? changeMark(vc.from, vc.to) : null;
  const markPx = Math.round(11.5 * u);
  const markW = markText ? measure(markText, markPx, true) + 4 * u : 0;
  const nameX = pad + bw + 5 * u;
  const row1H = Math.max(bh, lines.length * lineH);
  let w = nameX + nameW + markW + pad;
  // row 2: units as icons, then armed groups as icon + short name, flowing onto more lines if needed
  const icons: Block['icons'] = [];
  const groups: Block['groups'] = [];
  let y = pad + row1H + 3 * u;
  let h = pad + row1H + pad;
  const present = armed.filter((a) => a.regions.includes(regionId));
  const s = (lod >= 2 ? 13 : 16) * u;
  const gPx = Math.round((lod >= 2 ? 10.5 : 11.5) * u);
  const items: { w: number; kind: 'unit' | 'group'; id: string; text?: string }[] = [];
  if (lod < 3) {
    const sorted = [...units].sort(
      (a, b) =>
        CAPABILITY_ORDER.indexOf(unitDef.get(a)?.capability ?? 'infantry') -
        CAPABILITY_ORDER.indexOf(unitDef.get(b)?.capability ?? 'infantry'),
    );
    for (const id of sorted) {
      const def = unitDef.get(id);
      const short = def?.short ? loc(def.short) : null;
      items.push({
        w: s + (short ? measure(short, gPx, true) + 3 * u : 0),
        kind: 'unit',
        id,
        ...(short ? { text: short } : {}),
      });
    }
    for (const a of present) {
      const text = a.short ? loc(a.short) : abbreviation(loc(a.name));
      items.push({ w: s * 0.8 + 2 * u + measure(text, gPx, true), kind: 'group', id: a.id, text });
    }
  }
  if (items.length) {
    const maxW = Math.max(w - 2 * pad, 118 * u);
    let x = pad;
    let rowW = 0;
    for (const it of items) {
      if (x > pad && x + it.w > pad + maxW) {
        x = pad;
        y += s + 3 * u;
      }
      if (it.kind === 'unit') {
        const def = unitDef.get(it.id);
        icons.push({ key: `unit-${def?.capability ?? 'infantry'}`, x, y, size: s, unit: it.id });
        if (it.text)
          groups.push({
            id: `unit:${it.id}`,
            text: it.text,
            x: x + s + 2 * u,
            y: y + s / 2,
            iconX: x,
            size: 0,
            fontPx: gPx,
          });
      } else {
        groups.push({
          id: it.id,
          text: it.text ?? '',
          x: x + s * 0.8 + 2 * u,
          y: y + s / 2,
          iconX: x,
          size: s * 0.8,
          fontPx: gPx,
        });
      }
      x += it.w + 6 * u;
      rowW = Math.max(rowW, x - 6 * u - pad);
    }
    h = y + s + pad;
    w = Math.max(w, rowW + 2 * pad);
  }
  return {
    w: Math.ceil(w),
    h: Math.ceil(h),
    name: lines.join('\n'),
    nameX,
    nameY: pad + (row1H - lines.length * lineH) / 2,
    fontPx,
    badge: {
      x: pad,
      y: pad + (row1H - bh) / 2,
      w: bw,
      h: bh,
      symX: pad + 4 * u + sym,
      numX: pad + 4 * u + 2 * sym + 3 * u,
      numPx,
    },
    mark:
      markText && vc
        ? { text: markText, x: nameX + nameW + 4 * u, y: pad + (row1H - markPx * 1.2) / 2, worse: vc.to > vc.from }
        : null,
    icons,
    groups,
  };
}

/** The label's paper, its violence badge (shade and shape) and the ring of a region a click may choose. */
export function paintBlock(rec: RegionRec, b: Block, level: ViolenceLevel, pick: boolean, u: number): void {
  const sig = `${b.w}x${b.h}:${b.badge.x},${b.badge.y},${b.badge.w},${b.badge.h},${b.badge.symX}:${level}:${pick}:${u}`;
  if (sig === rec.painted) return;
  rec.painted = sig;
  const g = rec.bg;
  g.clear();
  g.fillStyle(0xfffdf8, 0.93).fillRoundedRect(0, 0, b.w, b.h, 4 * u);
  g.lineStyle(1.2 * u, 0x8a7a5c, 1).strokeRoundedRect(0, 0, b.w, b.h, 4 * u);
  if (pick) {
    g.lineStyle(2.5 * u, BLUE, 1).strokeRoundedRect(-3 * u, -3 * u, b.w + 6 * u, b.h + 6 * u, 6 * u);
  }
  drawBadge(g, b.badge, u, level);
}

/** A violence badge: a pill of the level's shade, outlined, with the level's shape before the number (never colour alone). */
function drawBadge(g: Graphics, b: Block['badge'], u: number, level: ViolenceLevel): void {
  g.fillStyle(SHADE[level], 1).fillRoundedRect(b.x, b.y, b.w, b.h, b.h / 2);
  g.lineStyle(1.4 * u, 0x3b2f1e, 1).strokeRoundedRect(b.x, b.y, b.w, b.h, b.h / 2);
  const ink = level === 'high' || level === 'severe' ? 0xffffff : 0x2a2318;
  const x = b.symX;
  const y = b.y + b.h / 2;
  const r = 4.5 * u;
  if (level === 'severe') {
    g.fillStyle(ink, 1)
      .fillTriangle(x, y - r * 1.2, x + r, y, x - r, y)
      .fillTriangle(x, y + r * 1.2, x + r, y, x - r, y);
  } else if (level === 'high') {
    g.fillStyle(ink, 1).fillCircle(x, y, r);
  } else if (level === 'moderate') {
    g.lineStyle(1.4 * u, ink, 1).strokeCircle(x, y, r);
    g.fillStyle(ink, 1).fillCircle(x, y, r * 0.4);
  } else {
    g.lineStyle(1.4 * u, ink, 1).strokeCircle(x, y, r);
  }
}

/** A region's kept objects, made once per scenario and added to `parent`. */
export function makeRegionRec(scene: PhaserNS.Scene, parent: Container): RegionRec {
  const add = scene.add;
  const c = add.container(0, 0);
  const bg = add.graphics();
  const flash = add.graphics();
  const num = mapText(scene, { bold: true, color: '#2a2318' }).setOrigin(0, 0.5);
  const name = mapText(scene, { bold: true, color: '#2a2318', lineSpacing: 0 });
  c.add([bg, flash, num, name]);
  parent.add(c);
  return {
    c,
    bg,
    flash,
    num,
    name,
    mark: null,
    icons: [],
    groups: [],
    box: { x: 0, y: 0, w: 0, h: 0 },
    badge: { x: 0, y: 0 },
    painted: '',
  };
}

/** Something whose opacity an animation frame sets. */
export interface Fading {
  setAlpha(a: number): unknown;
}

/** The objects an animation frame updates. */
export interface Live {
  counters: {
    obj: Text;
    from: number;
    to: number;
    shown: number;
    format: (n: number) => string;
    ink?: (n: number) => string;
  }[];
  fades: { obj: Fading; from: number; to: number }[];
  trails: { ax: number; ay: number; bx: number; by: number }[];
  flashes: Fading[];
}
export const noLive = (): Live => ({ counters: [], fades: [], trails: [], flashes: [] });

/** What changed since last month that a region's label marks while the month's changes animate. */
export interface Marked {
  /** The view the animation starts from, or null when nothing animates. */
  readonly from: MapView | null;
  readonly violence: ReadonlySet<string>;
  readonly strength: ReadonlySet<string>;
  /** Units that arrived or moved. */
  readonly arrived: ReadonlySet<string>;
}

/** Sets a region's kept objects to show `b` in `box` (nothing is made again but icons and group slots it lacks). */
export function updateRegion(
  scene: PhaserNS.Scene,
  rec: RegionRec,
  b: Block,
  box: Rect,
  at: { value: number; spread: number },
  level: ViolenceLevel,
  regionId: string,
  pick: boolean,
  marked: Marked,
  view: MapView,
  live: Live,
  u: number,
  ink: (n: number) => string,
): void {
  const { from } = marked;
  rec.c.setVisible(true);
  rec.c.setPosition(box.x, box.y);
  rec.box = box;
  rec.badge.x = box.x + b.badge.x + b.badge.w / 2;
  rec.badge.y = box.y + b.badge.y + b.badge.h / 2;
  const was = from?.violence[regionId];
  paintBlock(rec, b, level, pick, u);
  // the number: counts from last month's while animating
  const format = (n: number) => (at.spread > 0 ? `${n}±${at.spread}` : String(n));
  look(rec.num, { text: format(at.value), px: b.badge.numPx, color: ink(at.value) }).setPosition(
    b.badge.numX,
    b.badge.y + b.badge.h / 2,
  );
  if (was && was.value !== at.value)
    live.counters.push({ obj: rec.num, from: was.value, to: at.value, shown: at.value, format, ink });
  look(rec.name, { text: b.name, px: b.fontPx, color: '#2a2318' }).setPosition(b.nameX, b.nameY);
  if (b.mark) {
    if (!rec.mark) {
      rec.mark = mapText(scene, { bold: true });
      rec.c.add(rec.mark);
    }
    look(rec.mark.setVisible(true), {
      text: b.mark.text,
      px: Math.round(11.5 * u),
      color: b.mark.worse ? WORSE : BETTER,
    })
      .setPosition(b.mark.x, b.mark.y)
      .setAlpha(1);
    if (from && marked.violence.has(regionId)) live.fades.push({ obj: rec.mark, from: 0, to: 1 });
  } else rec.mark?.setVisible(false);
  // unit icons
  for (let i = 0; i < b.icons.length; i++) {
    const ic = b.icons[i]!;
    let img = rec.icons[i];
    if (!img) {
      img = scene.add.image(0, 0, ic.key).setOrigin(0, 0);
      rec.c.add(img);
      rec.icons.push(img);
    }
    if (img.texture.key !== ic.key) img.setTexture(ic.key);
    img.setVisible(true).setPosition(ic.x, ic.y).setDisplaySize(ic.size, ic.size).setAlpha(1);
    if (from && marked.arrived.has(ic.unit)) live.fades.push({ obj: img, from: 0.15, to: 1 });
  }
  for (let i = b.icons.length; i < rec.icons.length; i++) rec.icons[i]!.setVisible(false);
  // armed groups: icon and short name, once per region
  rec.flash.clear();
  let flashing = false;
  for (let i = 0; i < b.groups.length; i++) {
    const gr = b.groups[i]!;
    let slot = rec.groups[i];
    if (!slot) {
      const icon = scene.add.image(0, 0, 'armed').setOrigin(0, 0.5);
      const text = mapText(scene, { bold: true, color: GROUP_INK }).setOrigin(0, 0.5);
      rec.c.add([icon, text]);
      slot = { icon, text };
      rec.groups.push(slot);
    }
    // a unit's short label carries no triangle (size 0)
    slot.icon.setVisible(gr.size > 0).setPosition(gr.iconX, gr.y);
    if (gr.size > 0) slot.icon.setDisplaySize(gr.size, gr.size);
    look(slot.text.setVisible(true), { text: gr.text, px: gr.fontPx, color: GROUP_INK }).setPosition(gr.x, gr.y);
    if (
      from &&
      marked.strength.has(gr.id) &&
      from.actors?.[gr.id]?.strength.value !== view.actors?.[gr.id]?.strength.value
    ) {
      rec.flash.fillStyle(0xf2a900, 1).fillCircle(gr.iconX + gr.size / 2, gr.y, gr.size);
    }
    if (from && marked.strength.has(gr.id)) flashing = true;
  }
  for (let i = b.groups.length; i < rec.groups.length; i++) {
    rec.groups[i]!.icon.setVisible(false);
    rec.groups[i]!.text.setVisible(false);
  }
  rec.flash.setAlpha(0);
  if (flashing) live.flashes.push(rec.flash);
}
