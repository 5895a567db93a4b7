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

/** What a text shows and how: set on the Phaser object only when it changes (each setter re-renders its texture). */
export interface TextLook {
  text: string;
  px: number;
  color: string;
  bold?: boolean;
  spacing?: number;
}
const looks = new WeakMap<Text, TextLook>();
export function look(t: Text, l: TextLook): Text {
  const was = looks.get(t);
  if (!was || was.px !== l.px) t.setFontSize(l.px);
  if (!was || was.color !== l.color) t.setColor(l.color);
  if (l.bold !== undefined && was?.bold !== l.bold) t.setFontStyle(l.bold ? 'bold' : 'normal');
  if (l.spacing !== undefined && was?.spacing !== l.spacing) t.setLetterSpacing(l.spacing);
  if (!was || was.text !== l.text) t.setText(l.text);
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
