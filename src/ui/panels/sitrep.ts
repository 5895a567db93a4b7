// The sitrep: this month's events with their choices for the deciding chair, analysis warnings, and the mandate review.
import { indexOf } from '../../engine/scenario-index.js';
import { chairName, effectText, eventTitle, shownEffects, taskName } from '../describe.js';
import { checkedOf, type BoardContext } from '../fields.js';
import { loc, t } from '../i18n/index.js';
import { v, type VNode } from '../vdom.js';

export function sitrepPanel(ctx: BoardContext): VNode {
  const { scn, view: s, view } = ctx;
  const idx = indexOf(scn);
  const active = s.phase === 'sitrep';
  const fired = view.fired.filter((f) => f.turn === s.turn);
  const cards = fired.map((f) => {
    const ev = idx.events.get(f.event);
    if (!ev) return null;
    const effects = shownEffects(ev.effects);
    const pending = view.pendingChoices.includes(f.event);
    let tail: VNode | null = null;
    if (pending && ctx.isHuman(ev.decider) && ctx.viewer === ev.decider) {
      tail = v(
        'div',
        { role: 'group', class: 'choices', 'aria-label': t('sitrep.decide', { chair: chairName(ev.decider) }) },
        ev.choices.map((c) => {
          const shown = shownEffects(c.effects);
          return v(
            'button',
            {
              key: c.id,
              type: 'button',
              'data-key': `choice-${ev.id}-${c.id}`,
              onclick: () => ctx.dispatch({ type: 'event/choose', chair: ev.decider, event: ev.id, choice: c.id }),
            },
            v('span', { class: 'choice-label' }, loc(c.label)),
            shown.length > 0
              ? v('span', { class: 'choice-effects' }, shown.map((e) => effectText(scn, e)).join(' · '))
              : null,
          );
        }),
      );
    } else if (pending) {
      tail = v('p', { class: 'muted' }, t('sitrep.waitDecider', { chair: chairName(ev.decider) }));
    } else if (f.choice) {
      const c = ev.choices.find((x) => x.id === f.choice);
      if (c) tail = v('p', { class: 'decided' }, t('sitrep.chosen', { choice: loc(c.label) }));
    }
    return v(
      'article',
      { key: ev.id, class: 'event-card' },
      v(
        'h4',
        {},
        loc(ev.title),
        ev.hypothetical ? v('span', { class: 'badge', 'data-hypothetical': ev.id }, t('sitrep.hypothetical')) : null,
      ),
      v('p', {}, loc(ev.text)),
      effects.length > 0
        ? v(
            'ul',
            { class: 'effects small' },
            effects.map((e) => v('li', {}, effectText(scn, e))),
          )
        : null,
      tail,
    );
  });
  let review: VNode | null = null;
  let close: VNode | null = null;
  if (active && ctx.viewer === 'srsg' && ctx.isHuman('srsg')) {
    if (scn.mandate.reviewTurns.includes(s.turn)) {
      // An empty review is allowed exactly when the month's review is still open.
      review =
        ctx.whyNot({ type: 'mandate/review', chair: 'srsg', drop: [], add: [] }) === null
          ? reviewForm(ctx)
          : v('p', { class: 'muted' }, t('sitrep.reviewed'));
    }
    close = v(
      'button',
      {
        type: 'button',
        class: 'primary',
        'data-key': 'close-sitrep',
        disabled: ctx.whyNot({ type: 'sitrep/close', chair: 'srsg' }) !== null,
        onclick: () => ctx.dispatch({ type: 'sitrep/close', chair: 'srsg' }),
      },
      t('sitrep.close'),
    );
  }
  return v(
    'section',
    { class: 'panel sitrep', 'aria-labelledby': 'sitrep-heading' },
    v(active ? 'h2' : 'h3', { id: 'sitrep-heading' }, t('sitrep.events')),
    fired.length === 0 ? v('p', { class: 'muted' }, t('sitrep.noEvents')) : null,
    cards,
    view.warnings.length > 0
      ? [
          v('h4', {}, t('sitrep.warnings')),
          v(
            'ul',
            { class: 'warnings' },
            view.warnings.map((w) => v('li', {}, t('sitrep.warning', { title: eventTitle(scn, w) }))),
          ),
        ]
      : null,
    review,
    close,
  );
}

function reviewForm(ctx: BoardContext): VNode {
  const { scn, view: s, fields } = ctx;
  const droppable = s.mandate.filter((x) => !scn.mandate.tasks.find((tk) => tk.id === x)?.required);
  const addable = scn.mandate.tasks.filter((x) => !s.mandate.includes(x.id));
  const box = (id: string, label: string, key: string) =>
    v(
      'li',
      { key },
      v('input', {
        type: 'checkbox',
        id: `review-${key}`,
        value: id,
        'data-key': key,
        checked: fields.flag(key, false),
        onchange: (e) => fields.set(key, checkedOf(e)),
      }),
      v('label', { for: `review-${key}` }, label),
    );
  return v(
    'form',
    {
      class: 'review',
      onsubmit: (e: Event) => {
        e.preventDefault();
        ctx.dispatch({
          type: 'mandate/review',
          chair: 'srsg',
          drop: droppable.filter((id) => fields.flag(`drop-${id}`, false)),
          add: addable.filter((x) => fields.flag(`add-${x.id}`, false)).map((x) => x.id),
        });
      },
    },
    v('h3', {}, t('sitrep.review')),
    v('p', { class: 'hint' }, t('sitrep.reviewHint')),
    scn.council
      ? v('p', { class: 'hint' }, t('sitrep.reviewNewYork', { penholder: loc(scn.council.penholder) }))
      : null,
    droppable.length > 0
      ? v(
          'fieldset',
          {},
          v('legend', {}, t('sitrep.drop')),
          v(
            'ul',
            { class: 'checklist' },
            droppable.map((id) =>
              box(
                id,
                scn.council?.backs.includes(id) ? `${taskName(scn, id)} (${t('mandate.backed')})` : taskName(scn, id),
                `drop-${id}`,
              ),
            ),
          ),
        )
      : null,
    addable.length > 0
      ? v(
          'fieldset',
          {},
          v('legend', {}, t('sitrep.add')),
          v(
            'ul',
            { class: 'checklist' },
            addable.map((x) => box(x.id, loc(x.name), `add-${x.id}`)),
          ),
        )
      : null,
    v('button', { type: 'submit', 'data-key': 'submit-review' }, t('sitrep.submitReview')),
  );
}
