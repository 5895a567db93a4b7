// The month review: the five biggest changes of the last month first — your chair, the other chairs, the world — each
// with its size (or only its direction where the chair's number is an estimate) and its lesson; the full log below.
import { trackKey, type SeenEntry } from '../../engine/index.js';
import type { PanelContext } from '../context.js';
import { causeText, changeTone, deltaText, trackName } from '../describe.js';
import { glossaryButtonNode } from '../glossary.js';
import { t } from '../i18n/index.js';
import { lessonName } from '../lesson-names.js';
import { v, type VNode } from '../vdom.js';

export const HEADLINES = 5;

/** The month whose results are on show: the last one resolved. */
export function reportTurn(ctx: PanelContext): number {
  return ctx.view.phase === 'over' ? ctx.view.turn : ctx.view.turn - 1;
}

export type Group = 'mine' | 'others' | 'world';

/** A change on one track from one source (a chair's action, or the world), summed over the month. */
export interface Headline {
  readonly group: Group;
  readonly entry: SeenEntry;
  /** The summed amount when every part is known exactly; null for an estimate. */
  readonly delta: number | null;
  readonly direction: 'up' | 'down';
  readonly lessons: readonly string[];
  /** For ranking: the exact size, or the number of estimated moves behind it. */
  readonly weight: number;
}

function groupOf(e: SeenEntry, viewer: string): Group {
  if (e.cause.kind === 'action') return e.cause.chair === viewer ? 'mine' : 'others';
  return 'world';
}

function causeKey(e: SeenEntry): string {
  const c = e.cause;
  return c.kind === 'action'
    ? `a:${c.chair}:${c.card}:${c.target ?? ''}`
    : c.kind === 'event'
      ? `e:${c.event}:${c.choice ?? ''}`
      : c.kind === 'rule'
        ? `r:${c.actor}:${c.rule}`
        : c.kind === 'mechanic'
          ? `m:${c.mechanic}:${c.subject ?? ''}`
          : 'f';
}

/** The month's changes summed per track and cause, biggest first: exact amounts by size, then estimates. */
export function headlines(entries: readonly SeenEntry[], viewer: string): Headline[] {
  const by = new Map<
    string,
    { first: SeenEntry; sum: number; exact: boolean; signs: number; n: number; lessons: Set<string> }
  >();
  for (const e of entries) {
    const key = `${trackKey(e.track)}|${causeKey(e)}`;
    const g = by.get(key) ?? { first: e, sum: 0, exact: true, signs: 0, n: 0, lessons: new Set<string>() };
    if (e.delta === null) g.exact = false;
    else g.sum += e.delta;
    g.signs += e.direction === 'up' ? 1 : -1;
    g.n += 1;
    for (const l of e.lessons) g.lessons.add(l);
    by.set(key, g);
  }
  const out: Headline[] = [];
  for (const g of by.values()) {
    if (g.exact && g.sum === 0) continue;
    if (!g.exact && g.signs === 0) continue;
    const direction = g.exact ? (g.sum > 0 ? 'up' : 'down') : g.signs > 0 ? 'up' : 'down';
    out.push({
      group: groupOf(g.first, viewer),
      entry: g.first,
      delta: g.exact ? Math.round(g.sum * 10) / 10 : null,
      direction,
      lessons: [...g.lessons],
      weight: g.exact ? Math.abs(g.sum) : Math.abs(g.signs),
    });
  }
  return out.sort((a, b) => Number(b.delta !== null) - Number(a.delta !== null) || b.weight - a.weight);
}

function lessonLine(ids: readonly string[]): string | null {
  const names = ids.map(lessonName).filter((x): x is string => x !== null);
  return names.length === 0
    ? null
    : t(names.length === 1 ? 'review.lesson' : 'review.lessons', { name: names.join(', ') });
}

function row(
  ctx: PanelContext,
  h: { entry: SeenEntry; delta: number | null; direction: 'up' | 'down'; lessons: readonly string[] },
  key: string,
): VNode {
  const { scn } = ctx;
  const lessons = lessonLine(h.lessons);
  return v(
    'li',
    { key, class: `tone-${changeTone(scn, h.entry.track, h.direction)}` },
    v('span', { class: 'arrow', 'aria-hidden': 'true' }, h.direction === 'up' ? '▲' : '▼'),
    ' ',
    t('report.row', {
      track: trackName(scn, h.entry.track),
      delta: deltaText(h.delta, h.direction),
      cause: causeText(scn, h.entry.cause),
    }),
    lessons ? v('span', { class: 'lessons muted' }, ' · ', lessons) : null,
  );
}

export function reportPanel(ctx: PanelContext): VNode {
  const { view, viewer } = ctx;
  const turn = reportTurn(ctx);
  const heading = v('h2', { id: 'report-heading' }, t('report.heading', { turn: Math.max(1, turn) }));
  const glossary = glossaryButtonNode(ctx.scn);
  const box = (...body: (VNode | VNode[] | null)[]) =>
    v(
      'section',
      { class: 'panel report', 'aria-labelledby': 'report-heading', 'data-testid': 'month-review' },
      heading,
      glossary,
      ...body,
    );
  if (turn < 1) return box(v('p', { class: 'muted' }, t('report.none')));
  const entries = view.ledger.filter((e) => e.turn === turn);
  if (entries.length === 0) return box(v('p', { class: 'muted' }, t('report.noChanges')));
  const top = headlines(entries, viewer).slice(0, HEADLINES);
  const groups: Group[] = ['mine', 'others', 'world'];
  const titles: Record<Group, string> = {
    mine: t('review.mine'),
    others: t('review.others'),
    world: t('review.world'),
  };
  return box(
    v('h3', {}, t('review.top')),
    v(
      'div',
      { class: 'headlines', 'data-testid': 'headlines' },
      groups.flatMap((g) => {
        const rows = top.filter((x) => x.group === g);
        if (rows.length === 0) return [];
        return [
          v('h4', { key: `h-${g}` }, titles[g]),
          v(
            'ul',
            { key: `l-${g}`, class: 'ledger headline-list' },
            rows.map((x, i) => row(ctx, x, `${g}-${i}`)),
          ),
        ];
      }),
    ),
    v(
      'details',
      { class: 'full-log' },
      v('summary', {}, t('review.full', { n: entries.length })),
      v(
        'ul',
        { class: 'ledger' },
        entries.map((e, i) =>
          row(ctx, { entry: e, delta: e.delta, direction: e.direction, lessons: e.lessons }, String(i)),
        ),
      ),
    ),
  );
}
