// The chair's hand: action cards with cost, target and expected effects; unit moves; the plan with remove and commit.
// Fields (targets, destinations, the note) live in the table's memory, so a redraw after Add leaves them as the person set them.
import { planCost, MAX_NOTE, MAX_PLAN_ITEMS, type PlanItem } from '../../engine/index.js';
import { capacityOf, indexOf } from '../../engine/scenario-index.js';
import type { Card } from '../../scenario/schema.js';
import {
  actorName,
  chairName,
  effectText,
  seenText,
  planItemText,
  shownEffects,
  regionName,
  targetName,
  taskName,
  unitName,
} from '../describe.js';
import { valueOf, type BoardContext } from '../fields.js';
import { loc, t } from '../i18n/index.js';
import { pickToggle } from '../pick-toggle.js';
import { v, type VNode } from '../vdom.js';
import { cardReason } from './card-reason.js';

export function handPanel(ctx: BoardContext): VNode {
  const { scn, view: s, viewer } = ctx;
  const items = s.plans[viewer]?.items ?? [];
  const cap = capacityOf(scn, viewer);
  const used = planCost(scn, items);
  const full = used >= cap || items.length >= MAX_PLAN_ITEMS;
  return v(
    'section',
    { class: 'panel hand', 'aria-labelledby': 'hand-heading' },
    v('h2', { id: 'hand-heading' }, t('hand.heading', { chair: chairName(viewer) })),
    v(
      'p',
      { class: 'capacity', 'data-testid': 'capacity' },
      t('hand.capacity', { used, cap, left: Math.max(0, cap - used) }),
      full ? v('strong', { class: 'full' }, ' ', t('hand.full')) : null,
    ),
    v('meter', { min: 0, max: cap, value: used, 'aria-hidden': 'true' }),
    talksLine(ctx),
    planList(ctx),
    v(
      'ul',
      { class: 'cards', 'aria-label': t('hand.heading', { chair: chairName(viewer) }) },
      (indexOf(scn).cardsByChair.get(viewer) ?? []).map((c) => v('li', { key: c.id }, cardView(ctx, c))),
    ),
    viewer === 'force' ? movesView(ctx, full) : null,
  );
}

/** The strategy's named track and whether talks are live, as the chair can know it (its view of the process). */
function talksLine(ctx: BoardContext): VNode {
  const { scn, view } = ctx;
  const st = view.strategy ? scn.strategies.find((x) => x.id === view.strategy) : undefined;
  if (!st) return v('p', { class: 'talks small', 'data-testid': 'talks' }, t('table.strategyNone'));
  if (st.track.length === 0)
    return v('p', { class: 'talks small', 'data-testid': 'talks' }, t('hand.noTrack', { name: loc(st.name) }));
  const n = scn.mechanics.liveProcess;
  const seen = view.indicators.process;
  const live =
    seen.spread === 0
      ? seen.value >= n
        ? t('hand.talksLive', { n })
        : t('hand.talksDead', { n })
      : t('hand.talksMaybe', { n, seen: seenText(seen) });
  return v(
    'div',
    { class: 'talks small', 'data-testid': 'talks' },
    v('p', {}, t('hand.trackLine', { name: loc(st.name), actors: st.track.map((a) => actorName(scn, a)).join(', ') })),
    v('p', {}, live),
  );
}

function cardView(ctx: BoardContext, card: Card): VNode {
  const { scn, viewer, fields } = ctx;
  const targets = ctx.targets(card);
  const check = (target: string | undefined) => {
    const item: PlanItem =
      target === undefined ? { kind: 'card', card: card.id } : { kind: 'card', card: card.id, target };
    return ctx.whyNot({ type: 'plan/add', chair: viewer, item });
  };
  // only the targets the card may be played on now are offered
  const allowedTargets = targets.filter((x) => check(x) === null);
  const why = card.target === 'none' ? check(undefined) : allowedTargets.length > 0 ? null : check(targets[0] ?? '');
  const key = `target-${card.id}`;
  const remembered = fields.text(key, '');
  const target = allowedTargets.includes(remembered) ? remembered : allowedTargets[0];
  const headingId = `card-${card.id}`;
  const meta: string[] = [];
  if (card.task) meta.push(t('hand.task', { task: taskName(scn, card.task) }));
  if (card.needsUnit) meta.push(t('hand.needsUnit', { unit: t(`capUnit.${card.needsUnit}`) }));
  const effects = shownEffects(card.effects);
  const reasonId = `why-${card.id}`;
  return v(
    'article',
    {
      class: `card${why ? ' unavailable' : ''}`,
      'aria-labelledby': headingId,
      tabindex: -1,
      'data-focus-home': card.id,
    },
    v(
      'header',
      {},
      v('h3', { id: headingId }, loc(card.name)),
      v('span', { class: 'cost' }, t('hand.cost', { n: card.cost })),
    ),
    v('p', {}, loc(card.text)),
    meta.length > 0 ? v('p', { class: 'muted small' }, meta.join(' · ')) : null,
    effects.length > 0
      ? [
          v('p', { class: 'small label' }, t('hand.effects')),
          v(
            'ul',
            { class: 'effects small' },
            effects.map((e) => v('li', {}, effectText(scn, e))),
          ),
        ]
      : null,
    card.target !== 'none' && allowedTargets.length > 0
      ? v(
          'div',
          { class: 'field' },
          v('label', { for: `sel-${key}` }, t('hand.target')),
          v(
            'select',
            {
              id: `sel-${key}`,
              'data-key': key,
              'data-pick': loc(card.name),
              value: target,
              onchange: (e) => fields.set(key, valueOf(e)),
            },
            allowedTargets.map((x) => v('option', { key: x, value: x }, targetName(scn, x))),
          ),
          card.target === 'region' ? pickToggle(key, loc(card.name), 'card') : null,
        )
      : null,
    why
      ? v(
          'p',
          { class: 'why small', id: reasonId, 'data-testid': 'card-reason' },
          t('hand.notNow', { reason: cardReason(ctx, card, why.code) }),
        )
      : null,
    v(
      'button',
      {
        type: 'button',
        'data-key': `add-${card.id}`,
        'aria-label': t('hand.addLabel', { card: loc(card.name) }),
        'aria-describedby': why ? reasonId : undefined,
        disabled: why !== null,
        onclick: () =>
          ctx.dispatch({
            type: 'plan/add',
            chair: viewer,
            item:
              target === undefined || card.target === 'none'
                ? { kind: 'card', card: card.id }
                : { kind: 'card', card: card.id, target },
          }),
      },
      t('hand.add'),
    ),
  );
}

function movesView(ctx: BoardContext, full: boolean): VNode {
  const { scn, view: s, fields } = ctx;
  const idx = indexOf(scn);
  const rows = Object.entries(s.units).flatMap(([unit, u]) => {
    const links = new Set(idx.regions.get(u.region)?.links ?? []);
    for (const r of scn.regions) if (r.links.includes(u.region)) links.add(r.id);
    const dest = [...links].filter(
      (to) => ctx.whyNot({ type: 'plan/add', chair: 'force', item: { kind: 'move', unit, to } }) === null,
    );
    if (dest.length === 0) return [];
    const key = `move-to-${unit}`;
    const remembered = fields.text(key, '');
    const to = dest.includes(remembered) ? remembered : dest[0]!;
    return [
      v(
        'li',
        { key: unit, class: 'move' },
        v(
          'label',
          { for: `sel-${key}` },
          t('hand.moveUnit', { unit: unitName(scn, unit), region: regionName(scn, u.region) }),
        ),
        v(
          'select',
          {
            id: `sel-${key}`,
            'data-key': key,
            'data-pick': unitName(scn, unit),
            value: to,
            onchange: (e) => fields.set(key, valueOf(e)),
          },
          dest.map((x) => v('option', { key: x, value: x }, regionName(scn, x))),
        ),
        pickToggle(key, unitName(scn, unit), 'move'),
        v(
          'button',
          {
            type: 'button',
            'data-key': `move-${unit}`,
            'aria-label': t('hand.orderLabel', { unit: unitName(scn, unit) }),
            onclick: () => ctx.dispatch({ type: 'plan/add', chair: 'force', item: { kind: 'move', unit, to } }),
          },
          t('hand.order'),
        ),
      ),
    ];
  });
  // the section stays and says why it is empty, rather than vanishing
  const empty = rows.length === 0 ? v('p', { class: 'muted' }, full ? t('hand.movesFull') : t('hand.movesNone')) : null;
  return v(
    'section',
    { class: 'moves', 'aria-labelledby': 'moves-heading' },
    v('h3', { id: 'moves-heading' }, t('hand.moves')),
    empty,
    rows.length > 0 ? v('ul', {}, rows) : null,
  );
}

function planList(ctx: BoardContext): VNode {
  const { scn, view: s, viewer, fields } = ctx;
  const items = s.plans[viewer]?.items ?? [];
  const note = fields.text('plan-note', '');
  return v(
    'section',
    { class: 'plan', 'aria-labelledby': 'plan-heading' },
    v('h3', { id: 'plan-heading' }, t('plan.heading', { chair: chairName(viewer) })),
    items.length === 0
      ? v('p', { key: 'empty', class: 'muted' }, t('plan.empty'))
      : v(
          'ol',
          { key: 'items', class: 'plan-items' },
          items.map((it, i) => {
            const text = planItemText(scn, it);
            return v(
              'li',
              { key: `${i}:${text}` },
              v('span', {}, text, ' ', v('span', { class: 'muted' }, t('plan.costOf', { n: planCost(scn, [it]) }))),
              v(
                'button',
                {
                  type: 'button',
                  class: 'small-btn',
                  'data-key': `remove-${i}`,
                  'aria-label': t('plan.removeLabel', { item: text }),
                  onclick: () => ctx.dispatch({ type: 'plan/remove', chair: viewer, index: i }),
                },
                t('plan.remove'),
              ),
            );
          }),
        ),
    v(
      'form',
      {
        key: 'commit',
        class: 'commit',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const text = note.trim();
          ctx.dispatch(
            text ? { type: 'plan/commit', chair: viewer, note: text } : { type: 'plan/commit', chair: viewer },
          );
        },
      },
      v(
        'div',
        { class: 'field' },
        v('label', { for: 'plan-note' }, t('plan.note')),
        v('input', {
          type: 'text',
          id: 'plan-note',
          maxlength: MAX_NOTE,
          'data-key': 'plan-note',
          autocomplete: 'off',
          value: note,
          oninput: (e) => fields.set('plan-note', valueOf(e)),
        }),
      ),
      v('button', { type: 'submit', class: 'primary', 'data-key': 'commit' }, t('plan.commit')),
    ),
  );
}
