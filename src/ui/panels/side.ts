// The panels beside the map for the phase on screen, and the header's status line: the same for the solo table and a session's player.
import { lastTurn } from '../../engine/length.js';
import type { PanelContext } from '../context.js';
import type { BoardContext } from '../fields.js';
import type { VNode } from '../vdom.js';
import { monthOf, strategyName, taskName } from '../describe.js';
import { t } from '../i18n/index.js';
import { coordinationPanel } from './coordination.js';
import { gameOverPanel } from './gameover.js';
import { guidePanel } from './guide.js';
import { handPanel } from './hand.js';
import { indicatorsPanel } from './indicators.js';
import { mandatePanel } from './mandate.js';
import { phasePanel } from './phase.js';
import { reportPanel } from './report.js';
import { sitrepPanel } from './sitrep.js';
import { strategyPanel } from './strategy.js';

export interface SideHandlers {
  /** Back to the title (the solo game only). */
  onQuit?(): void;
  /** Opens the debrief. */
  onDebrief?(): void;
}

export function sidePanels(ctx: BoardContext, handlers: SideHandlers): VNode[] {
  const s = ctx.view;
  const out: (VNode | null)[] = [];
  if (s.phase === 'over')
    return [
      gameOverPanel(ctx, handlers.onQuit, handlers.onDebrief),
      guidePanel(ctx),
      reportPanel(ctx),
      indicatorsPanel(ctx),
    ].filter((x): x is VNode => x !== null);
  out.push(phasePanel(ctx));
  const plan = s.plans[ctx.viewer];
  switch (s.phase) {
    case 'setup':
      out.push(mandatePanel(ctx));
      break;
    case 'sitrep':
      out.push(sitrepPanel(ctx));
      break;
    case 'strategy':
      out.push(strategyPanel(ctx), sitrepPanel(ctx));
      break;
    case 'planning':
      if (ctx.isHuman(ctx.viewer) && !plan?.committed) out.push(handPanel(ctx));
      out.push(sitrepPanel(ctx));
      break;
    case 'coordination':
      if (ctx.isHuman(ctx.viewer) && plan && !plan.committed) out.push(handPanel(ctx));
      out.push(coordinationPanel(ctx));
      break;
  }
  // the guide after the step it explains: the keyboard reaches the actions first
  out.push(guidePanel(ctx), reportPanel(ctx), indicatorsPanel(ctx));
  return out.filter((x): x is VNode => x !== null);
}

/** Strategy, mandate and agreement as the viewing chair knows them. */
export function statusLines(ctx: PanelContext): string[] {
  const { scn, view: s } = ctx;
  return [
    s.strategy ? t('table.strategyNow', { name: strategyName(scn, s.strategy) }) : t('table.strategyNone'),
    s.mandate.length > 0 ? t('table.mandateNow', { tasks: s.mandate.map((x) => taskName(scn, x)).join(', ') }) : null,
    t(`table.agreement.${s.agreement.status}`, { progress: s.agreement.progress }),
  ].filter((x): x is string => x !== null);
}

/** "Month 2 of 6 — 2030-04", or the line before the first month. */
export function monthLine(ctx: PanelContext): string {
  const { scn, view: s } = ctx;
  return s.turn === 0
    ? t('table.headingSetup')
    : `${t('table.heading', { turn: s.turn, turns: lastTurn(s, scn) })} — ${monthOf(scn, s.turn)}`;
}
