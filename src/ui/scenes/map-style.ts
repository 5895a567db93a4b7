// The map's look shared by its modules: colours (a colour-blind-safe set: violence in one hue from light to dark,
// each level with its own shape; the mission in blue; change marked by ▲/▼ as well as colour), the font, and the
// text helpers (measuring with a cache, wrapping, setting a Phaser text only when it changes).
import type * as PhaserNS from 'phaser';
import type { ViolenceLevel } from '../describe.js';

type Text = PhaserNS.GameObjects.Text;

/** Violence shades (one hue, light to dark: readable without colour vision) and a shape per level. */
export const SHADE: Record<ViolenceLevel, number> = {
  low: 0xf6ead0,
  moderate: 0xe8b86b,
  high: 0xc8642c,
  severe: 0x7a2810,
};
export const INK: Record<ViolenceLevel, string> = {
  low: '#2a2318',
  moderate: '#2a2318',
  high: '#ffffff',
  severe: '#ffffff',
};
export const FONT = '"Source Sans 3", "Segoe UI", system-ui, sans-serif';
export const BLUE = 0x1f5fa8;
/** Marks of change: worse (violence up) in dark red, better in dark green; the ▲/▼ carries it without colour. */
export const WORSE = '#8c2410';
export const BETTER = '#2d6a2e';
export const GROUP_INK = '#6b1a12';
export const PAPER = 0xf3eddf;

/** What a text shows and how: set on the Phaser object only when it changes (each change re-renders its texture). */
export interface TextLook {
  text: string;
  px: number;
  color: string;
  bold?: boolean;
  spacing?: number;
}
const looks = new WeakMap<Text, TextLook>();
type Metrics = { ascent: number; descent: number; fontSize: number };
/**
 * Font metrics by CSS font. Phaser measures a font by drawing it into a canvas and scanning its pixels, on every
 * change of size: the map uses a handful of fonts, so each is measured once and handed over after.
 */
const metricsByFont = new Map<string, Metrics>();
const fontKey = (style: string, px: string, family: string) => `${style} ${px} ${family}`.trim();

/** A new text of the map (empty until `look` sets it): its first font measured once for every text that uses it. */
export function mapText(
  scene: PhaserNS.Scene,
  style: { bold?: boolean; color?: string; lineSpacing?: number } = {},
): Text {
  const fontStyle = style.bold ? 'bold' : '';
  const key = fontKey(fontStyle, '16px', FONT);
  const known = metricsByFont.get(key);
  const text = scene.add.text(0, 0, '', {
    fontFamily: FONT,
    fontStyle,
    fontSize: '16px',
    resolution: 1,
    ...(style.color ? { color: style.color } : {}),
    ...(style.lineSpacing !== undefined ? { lineSpacing: style.lineSpacing } : {}),
    ...(known ? { metrics: known } : {}),
  });
  if (!known) metricsByFont.set(key, text.style.getTextMetrics());
  return text;
}

/** Sets a text to `l`, changing only what differs, with one render of its texture at most. */
export function look(t: Text, l: TextLook): Text {
  const was = looks.get(t);
  const st = t.style;
  const restyle = !was || was.px !== l.px || was.color !== l.color || (l.bold !== undefined && was.bold !== l.bold);
  const respace = l.spacing !== undefined && was?.spacing !== l.spacing;
  const retext = !was || was.text !== l.text;
  if (restyle) {
    const fontStyle = l.bold === undefined ? st.fontStyle : l.bold ? 'bold' : '';
    const key = fontKey(fontStyle, `${l.px}px`, st.fontFamily);
    const known = metricsByFont.get(key);
    // without metrics and without an update, Phaser keeps the old ones: they are set from the cache, or measured now
    st.setStyle({ fontSize: `${l.px}px`, fontStyle, color: l.color, ...(known ? { metrics: known } : {}) }, false);
    if (!known) {
      st.update(true);
      metricsByFont.set(key, st.getTextMetrics());
    }
  }
  if (respace) t.letterSpacing = l.spacing!;
  if (retext) t.setText(l.text);
  else if (restyle || respace) t.updateText();
  if (was) {
    // kept in place: a redraw allocates nothing for a text that did not change
    was.text = l.text;
    was.px = l.px;
    was.color = l.color;
    if (l.bold !== undefined) was.bold = l.bold;
    if (l.spacing !== undefined) was.spacing = l.spacing;
  } else looks.set(t, { ...l });
  return t;
}

let measureCtx: CanvasRenderingContext2D | null = null;
/** Widths already measured, by font and text: a redraw measures the same labels again. */
const widths = new Map<string, number>();
export function measure(s: string, px: number, bold: boolean): number {
  const key = `${bold ? 'b' : 'n'}${px}|${s}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  measureCtx ??= document.createElement('canvas').getContext('2d');
  if (!measureCtx) return s.length * px * 0.55;
  measureCtx.font = `${bold ? 'bold ' : ''}${px}px ${FONT}`;
  const w = measureCtx.measureText(s).width;
  if (widths.size > 5000) widths.clear();
  widths.set(key, w);
  return w;
}

/** Lines of at most `width` pixels. */
export function wrap(s: string, px: number, width: number): string[] {
  const words = s.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && measure(next, px, true) > width) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
