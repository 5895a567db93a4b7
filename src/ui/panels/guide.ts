// The scenario's guide for new players: the step for this phase (of this turn, or of every turn).
import type { BoardContext } from '../fields.js';
import { v, type VNode } from '../vdom.js';
import { loc, t } from '../i18n/index.js';

const HIDDEN_KEY = 'mandate.guide.hidden';

function hidden(): boolean {
  try {
    return localStorage.getItem(HIDDEN_KEY) === '1';
  } catch {
    return false;
  }
}

/** Null when the scenario has no guide step for now. */
export function guidePanel(ctx: BoardContext): VNode | null {
  const { view: s, scn } = ctx;
  const step =
    scn.guide.find((g) => g.phase === s.phase && g.turn === s.turn) ??
    scn.guide.find((g) => g.phase === s.phase && g.turn === undefined);
  if (!step) return null;
  const toggle = () => {
    try {
      localStorage.setItem(HIDDEN_KEY, hidden() ? '0' : '1');
    } catch {
      // private mode: the guide simply stays as it is
    }
    ctx.redraw();
  };
  const off = hidden();
  return v(
    'aside',
    { class: 'panel guide-panel', 'aria-labelledby': 'guide-heading', 'data-testid': 'guide' },
    v('h2', { id: 'guide-heading' }, t('guide.heading')),
    off ? null : v('p', { role: 'note' }, loc(step.text)),
    v(
      'button',
      { type: 'button', class: 'link', 'data-key': 'guide-toggle', 'aria-expanded': String(!off), onclick: toggle },
      off ? t('guide.show') : t('guide.hide'),
    ),
  );
}
