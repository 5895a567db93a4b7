// A closed card's reason in the player's terms: the month it opens, the event it waits for, the unit it needs, how many
// months until it can be played again. Built from the chair's view (src/engine/card-blockers.ts), never the true state.
import { cooldownBlocker, requiresBlockers, type Blocker } from '../../engine/card-blockers.js';
import type { Card } from '../../scenario/schema.js';
import type { PanelContext } from '../context.js';
import {
  actorName,
  cardName,
  eventTitle,
  regionName,
  rejectionText,
  strategyName,
  taskName,
  unitName,
} from '../describe.js';
import { loc, t } from '../i18n/index.js';

function levelName(ctx: PanelContext, b: Extract<Blocker, { kind: 'level' }>): string {
  const { scn } = ctx;
  switch (b.track) {
    case 'indicator':
      return loc(scn.indicators[b.id as keyof typeof scn.indicators].name);
    case 'violence':
      return t('track.violence', { name: regionName(scn, b.id) });
    case 'stance':
      return t('track.stance', { name: actorName(scn, b.id) });
    case 'strength':
      return t('track.strength', { name: actorName(scn, b.id) });
  }
}

export function blockerText(ctx: PanelContext, b: Blocker): string {
  const { scn } = ctx;
  switch (b.kind) {
    case 'opens':
      return t('why.opens', { turn: b.turn });
    case 'closed':
      return t('why.closed', { turn: b.turn });
    case 'cooldown':
      return b.months === null
        ? t('rej.card/cooldown')
        : b.months === 1
          ? t('why.cooldownOne')
          : t('why.cooldown', { n: b.months });
    case 'after-event':
      return b.from !== null && b.from > ctx.view.turn
        ? t('why.afterEventFrom', { event: eventTitle(scn, b.event), turn: b.from })
        : t('why.afterEvent', { event: eventTitle(scn, b.event) });
    case 'after-card':
      return t('why.afterCard', { card: cardName(scn, b.card) });
    case 'strategy':
      return t('why.strategy', { strategy: strategyName(scn, b.strategy) });
    case 'mandated':
      return t('why.mandated', { task: taskName(scn, b.task) });
    case 'agreement':
      return t(`why.agreement.${b.status}`);
    case 'unit':
      return t('why.unit', { unit: unitName(scn, b.unit) });
    case 'presence':
      return t('why.presence', { region: regionName(scn, b.region) });
    case 'level': {
      const name = levelName(ctx, b);
      if (b.gte !== undefined && b.lte !== undefined) return t('why.levelBetween', { name, lo: b.gte, hi: b.lte });
      return b.gte !== undefined
        ? t('why.levelAtLeast', { name, n: b.gte })
        : t('why.levelAtMost', { name, n: b.lte ?? 0 });
    }
    case 'done':
      return t('why.done');
    case 'unknown':
      return t('rej.card/requires');
  }
}

/** The reason shown under a closed card for the engine's (or server's) refusal `code`. */
export function cardReason(ctx: PanelContext, card: Card, code: string): string {
  switch (code) {
    case 'card/requires':
      return requiresBlockers(ctx.scn, ctx.view, card)
        .map((b) => blockerText(ctx, b))
        .join('; ');
    case 'card/cooldown':
      return blockerText(ctx, cooldownBlocker(ctx.view, card));
    case 'card/task-not-mandated':
      return card.task ? t('why.mandated', { task: taskName(ctx.scn, card.task) }) : rejectionText(code);
    case 'card/no-unit':
      return card.needsUnit ? t('why.noUnit', { unit: t(`capUnit.${card.needsUnit}`) }) : rejectionText(code);
    case 'generic': {
      // a session's chair: the server's list says no without a code; the view may still say why
      if (card.task && !ctx.view.mandate.includes(card.task))
        return t('why.mandated', { task: taskName(ctx.scn, card.task) });
      if (card.requires) {
        const bs = requiresBlockers(ctx.scn, ctx.view, card).filter((b) => b.kind !== 'unknown');
        if (bs.length > 0) return bs.map((b) => blockerText(ctx, b)).join('; ');
      }
      if (card.cooldown > 0 && cooldownBlocker(ctx.view, card).kind === 'cooldown') {
        const b = cooldownBlocker(ctx.view, card);
        if (b.kind === 'cooldown' && b.months !== null) return blockerText(ctx, b);
      }
      if (card.needsUnit) return t('why.noUnit', { unit: t(`capUnit.${card.needsUnit}`) });
      return rejectionText(code);
    }
    default:
      return rejectionText(code);
  }
}
