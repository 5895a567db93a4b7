// The chair's hand: action cards with cost, target and expected effects; unit moves; the plan with remove and commit.
import { planCost, MAX_NOTE, type PlanItem } from '../../engine/index.js';
import { capacityOf, indexOf } from '../../engine/scenario-index.js';
import type { Card } from '../../scenario/schema.js';
import type { PanelContext } from '../context.js';
import { chairName, effectText, planItemText, shownEffects, regionName, rejectionText, targetName, taskName, unitName } from '../describe.js';
import { h, newId } from '../dom.js';
import { loc, t } from '../i18n/index.js';
import { pickButton } from '../scenes/pick.js';

export function handPanel(ctx: PanelContext): HTMLElement {
  const { scn, view: s, viewer } = ctx;
  const items = s.plans[viewer]?.items ?? [];
  const cap = capacityOf(scn, viewer);
  const used = planCost(scn, items);
  const section = h(
    'section',
    { class: 'panel hand', 'aria-labelledby': 'hand-heading' },
    h('h2', { id: 'hand-heading' }, t('hand.heading', { chair: chairName(viewer) })),
    h('p', { class: 'capacity', 'data-testid': 'capacity' }, t('hand.capacity', { used, cap, left: cap - used })),
    h('meter', { min: 0, max: cap, value: used, 'aria-hidden': 'true' }),
  );
  section.append(planList(ctx));
  section.append(h('ul', { class: 'cards', 'aria-label': t('hand.heading', { chair: chairName(viewer) }) }, (indexOf(scn).cardsByChair.get(viewer) ?? []).map((c) => h('li', {}, cardView(ctx, c)))));
  if (viewer === 'force') section.append(movesView(ctx));
  return section;
}

function cardView(ctx: PanelContext, card: Card): HTMLElement {
  const { scn, viewer } = ctx;
  const targets = ctx.targets(card);
  const check = (target: string | undefined) => {
    const item: PlanItem = target === undefined ? { kind: 'card', card: card.id } : { kind: 'card', card: card.id, target };
    return ctx.whyNot({ type: 'plan/add', chair: viewer, item });
  };
  const allowedTargets = targets.filter((x) => check(x) === null);
  const why = card.target === 'none' ? check(undefined) : allowedTargets.length > 0 ? null : check(targets[0] ?? '');
  const headingId = newId('card');
  const article = h('article', { class: `card${why ? ' unavailable' : ''}`, 'aria-labelledby': headingId });
  article.append(
    h('header', {}, h('h3', { id: headingId }, loc(card.name)), h('span', { class: 'cost', 'aria-label': t('hand.cost', { n: card.cost }) }, t('hand.cost', { n: card.cost }))),
    h('p', {}, loc(card.text)),
  );
  const meta: string[] = [];
  if (card.task) meta.push(t('hand.task', { task: taskName(scn, card.task) }));
  if (card.needsUnit) meta.push(t('hand.needsUnit', { capability: t(`cap.${card.needsUnit}`) }));
  if (meta.length > 0) article.append(h('p', { class: 'muted small' }, meta.join(' · ')));
  const effects = shownEffects(card.effects);
  if (effects.length > 0) {
    article.append(h('p', { class: 'small label' }, t('hand.effects')), h('ul', { class: 'effects small' }, effects.map((e) => h('li', {}, effectText(scn, e)))));
  }
  let select: HTMLSelectElement | null = null;
  if (card.target !== 'none' && targets.length > 0) {
    const id = newId('target');
    select = h('select', { id, 'data-key': `target-${card.id}` }, targets.map((x) => h('option', { value: x }, targetName(scn, x))));
    if (allowedTargets[0] !== undefined) select.value = allowedTargets[0];
    article.append(h('div', { class: 'field' }, h('label', { for: id }, t('hand.target')), select, card.target === 'region' && !why ? pickButton(select, loc(card.name), 'card') : null));
  }
  if (why) article.append(h('p', { class: 'why small' }, t('hand.notNow', { reason: rejectionText(why.code) })));
  const add = h(
    'button',
    {
      type: 'button',
      'data-key': `add-${card.id}`,
      'aria-label': t('hand.addLabel', { card: loc(card.name) }),
      onclick: () => {
        const target = select ? select.value : undefined;
        ctx.dispatch({ type: 'plan/add', chair: viewer, item: target === undefined ? { kind: 'card', card: card.id } : { kind: 'card', card: card.id, target } });
      },
    },
    t('hand.add'),
  );
  if (why) add.disabled = true;
  article.append(add);
  return article;
}

function movesView(ctx: PanelContext): HTMLElement {
  const { scn, view: s } = ctx;
  const idx = indexOf(scn);
  const rows = Object.entries(s.units).flatMap(([unit, u]) => {
    const links = new Set(idx.regions.get(u.region)?.links ?? []);
    for (const r of scn.regions) if (r.links.includes(u.region)) links.add(r.id);
    const dest = [...links].filter((to) => ctx.whyNot({ type: 'plan/add', chair: 'force', item: { kind: 'move', unit, to } }) === null);
    if (dest.length === 0) return [];
    const id = newId('move');
    const select = h('select', { id, 'data-key': `move-to-${unit}` }, dest.map((to) => h('option', { value: to }, regionName(scn, to))));
    return [
      h(
        'li',
        { class: 'move' },
        h('label', { for: id }, t('hand.moveUnit', { unit: unitName(scn, unit), region: regionName(scn, u.region) })),
        select,
        pickButton(select, unitName(scn, unit), 'move'),
        h('button', { type: 'button', 'data-key': `move-${unit}`, 'aria-label': t('hand.orderLabel', { unit: unitName(scn, unit) }), onclick: () => ctx.dispatch({ type: 'plan/add', chair: 'force', item: { kind: 'move', unit, to: select.value } }) }, t('hand.order')),
      ),
    ];
  });
  if (rows.length === 0) return h('div');
  return h('section', { class: 'moves', 'aria-labelledby': 'moves-heading' }, h('h3', { id: 'moves-heading' }, t('hand.moves')), h('ul', {}, rows));
}

function planList(ctx: PanelContext): HTMLElement {
  const { scn, view: s, viewer } = ctx;
  const items = s.plans[viewer]?.items ?? [];
  const noteId = newId('note');
  const note = h('input', { type: 'text', id: noteId, maxlength: MAX_NOTE, 'data-key': 'plan-note', autocomplete: 'off' });
  return h(
    'section',
    { class: 'plan', 'aria-labelledby': 'plan-heading' },
    h('h3', { id: 'plan-heading' }, t('plan.heading', { chair: chairName(viewer) })),
    items.length === 0
      ? h('p', { class: 'muted' }, t('plan.empty'))
      : h(
          'ol',
          { class: 'plan-items' },
          items.map((it, i) => {
            const text = planItemText(scn, it);
            return h(
              'li',
              {},
              h('span', {}, text, ' ', h('span', { class: 'muted' }, t('plan.costOf', { n: planCost(scn, [it]) }))),
              h('button', { type: 'button', class: 'small-btn', 'data-key': `remove-${i}`, 'aria-label': t('plan.removeLabel', { item: text }), onclick: () => ctx.dispatch({ type: 'plan/remove', chair: viewer, index: i }) }, t('plan.remove')),
            );
          }),
        ),
    h(
      'form',
      {
        class: 'commit',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const text = note.value.trim();
          ctx.dispatch(text ? { type: 'plan/commit', chair: viewer, note: text } : { type: 'plan/commit', chair: viewer });
        },
      },
      h('div', { class: 'field' }, h('label', { for: noteId }, t('plan.note')), note),
      h('button', { type: 'submit', class: 'primary', 'data-key': 'commit' }, t('plan.commit')),
    ),
  );
}
