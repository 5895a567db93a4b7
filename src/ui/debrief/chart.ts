// Line charts as SVG built with DOM APIs (crisp at any pixel density), each with its data table, and PNG export.
import { h } from '../dom.js';
import { downloadBlob } from '../download.js';
import { t } from '../i18n/index.js';
import { chartPoints, ticks } from './record.js';

const NS = 'http://www.w3.org/2000/svg';
type SvgAttrs = Record<string, string | number>;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: SvgAttrs = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export interface Series {
  readonly label: string;
  readonly values: readonly number[];
  /** Line style: the original game solid, a comparison dashed. */
  readonly dashed?: boolean;
}

export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly series: readonly Series[];
  readonly min: number;
  readonly max: number;
  /** Label of the x positions (index 0 = before the first month). */
  readonly xLabel: (i: number) => string;
}

const W = 320;
const H = 170;
const PAD = 28;
/** Room for the drawn title above the plot and the y axis's name at its left: a PNG carries both. */
const TOP = 22;
const LEFT = 12;
const LEGEND = 14;
const COLORS = ['#1f4e79', '#b5562b'];

/** A figure: the SVG chart (role img, named by its title) and a data table with the same numbers. */
export function lineChart(spec: ChartSpec): HTMLElement {
  const titleId = `${spec.id}-title`;
  const fullW = W + LEFT;
  const fullH = TOP + H + (spec.series.length > 1 ? LEGEND : 0);
  const root = svg('svg', {
    viewBox: `0 0 ${fullW} ${fullH}`,
    width: fullW,
    height: fullH,
    role: 'img',
    'aria-labelledby': titleId,
    class: 'chart-svg',
    xmlns: NS,
  });
  root.append(svg('title', { id: titleId }, spec.title));
  root.append(svg('rect', { x: 0, y: 0, width: fullW, height: fullH, fill: '#ffffff' }));
  const font = { 'font-family': 'sans-serif', fill: '#1b1b1b' };
  root.append(svg('text', { x: 4, y: 15, 'font-size': 11, 'font-weight': 'bold', ...font }, spec.title));
  const yName = t('debrief.axisY', { min: spec.min, max: spec.max });
  const cy = TOP + H / 2;
  root.append(
    svg(
      'text',
      { x: 9, y: cy, 'font-size': 9, 'text-anchor': 'middle', transform: `rotate(-90 9 ${cy})`, ...font },
      yName,
    ),
  );
  root.append(
    svg(
      'text',
      { x: LEFT + W / 2, y: TOP + H - 5, 'font-size': 9, 'text-anchor': 'middle', ...font },
      t('debrief.axisX'),
    ),
  );
  const plot = svg('g', { transform: `translate(${LEFT} ${TOP})` });
  root.append(plot);
  const box = { w: W, h: H, pad: PAD };
  const range = { min: spec.min, max: spec.max };
  for (const v of ticks(spec.min, spec.max, 4)) {
    const [p] = chartPoints([v], box, range);
    const y = p!.y;
    plot.append(svg('line', { x1: PAD, x2: W - PAD / 2, y1: y, y2: y, stroke: '#d9d4c7', 'stroke-width': 1 }));
    plot.append(
      svg(
        'text',
        { x: PAD - 4, y: y + 3, 'text-anchor': 'end', 'font-size': 9, fill: '#555', 'font-family': 'sans-serif' },
        String(v),
      ),
    );
  }
  const n = Math.max(...spec.series.map((s) => s.values.length), 1);
  const xs = chartPoints(
    Array.from({ length: n }, () => spec.min),
    box,
    range,
  );
  xs.forEach((p, i) =>
    plot.append(
      svg(
        'text',
        { x: p.x, y: H - PAD + 11, 'text-anchor': 'middle', 'font-size': 9, fill: '#555', 'font-family': 'sans-serif' },
        String(i),
      ),
    ),
  );
  spec.series.forEach((s, si) => {
    const pts = chartPoints(s.values, box, range);
    const color = COLORS[si % COLORS.length]!;
    plot.append(
      svg('polyline', {
        points: pts.map((p) => `${p.x},${p.y}`).join(' '),
        fill: 'none',
        stroke: color,
        'stroke-width': 2,
        'stroke-linejoin': 'round',
        ...(s.dashed ? { 'stroke-dasharray': '5 3' } : {}),
      }),
    );
    for (const p of pts) plot.append(svg('circle', { cx: p.x, cy: p.y, r: 2.5, fill: color }));
  });
  if (spec.series.length > 1) {
    let x = LEFT + PAD;
    spec.series.forEach((s, i) => {
      const color = COLORS[i % COLORS.length]!;
      const y = TOP + H + LEGEND - 4;
      root.append(
        svg('line', {
          x1: x,
          x2: x + 14,
          y1: y - 3,
          y2: y - 3,
          stroke: color,
          'stroke-width': 2,
          ...(s.dashed ? { 'stroke-dasharray': '4 2' } : {}),
        }),
      );
      root.append(svg('text', { x: x + 18, y, 'font-size': 9, ...font }, s.label));
      x += 24 + s.label.length * 5;
    });
  }
  const table = h(
    'table',
    { class: 'chart-data small' },
    h('caption', {}, t('debrief.chartData', { name: spec.title })),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('debrief.month')),
        spec.series.map((s) => h('th', { scope: 'col' }, s.label)),
      ),
    ),
    h(
      'tbody',
      {},
      Array.from({ length: n }, (_, i) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, spec.xLabel(i)),
          spec.series.map((s) =>
            h('td', { 'data-series': s.label }, s.values[i] === undefined ? '—' : String(s.values[i])),
          ),
        ),
      ),
    ),
  );
  const png = h(
    'button',
    {
      type: 'button',
      class: 'small no-print',
      'data-key': `png-${spec.id}`,
      onclick: () => void downloadPng(root, spec.id),
    },
    t('debrief.png', { name: spec.title }),
  );
  return h(
    'figure',
    { class: 'chart', id: spec.id, 'data-chart': spec.id },
    h('figcaption', {}, spec.title),
    root,
    spec.series.length > 1
      ? h(
          'p',
          { class: 'legend small' },
          spec.series.map((s, i) => h('span', { class: `key key-${i}` }, s.dashed ? '- - ' : '— ', s.label, ' ')),
        )
      : null,
    h('details', { class: 'chart-table' }, h('summary', {}, t('debrief.showData')), table),
    png,
  );
}

/** Draws the SVG onto a canvas at twice its size and returns PNG bytes as a blob. */
export async function svgToPng(el: SVGSVGElement, scale = 2): Promise<Blob> {
  const text = new XMLSerializer().serializeToString(el);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('svg image failed'));
      img.src = url;
    });
    const w = Number(el.getAttribute('width')) || img.width;
    const hh = Number(el.getAttribute('height')) || img.height;
    const canvas = document.createElement('canvas');
    canvas.width = w * scale;
    canvas.height = hh * scale;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2d context');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no png'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function downloadPng(el: SVGSVGElement, id: string): Promise<void> {
  try {
    downloadBlob(await svgToPng(el), `mandate-${id}.png`);
  } catch (e) {
    console.warn('png export failed', e);
  }
}
