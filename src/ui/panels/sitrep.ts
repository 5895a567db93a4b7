// The sitrep: this month's events with their choices for the deciding chair, analysis warnings, and the mandate review.
import { indexOf } from '../../engine/scenario-index.js';
import type { PanelContext } from '../context.js';
import { chairName, effectText, eventTitle, shownEffects, taskName } from '../describe.js';
import { h, newId } from '../dom.js';
import { loc, t } from '../i18n/index.js';

export function sitrepPanel(ctx: PanelContext): HTMLElement {
  const { scn, view: s, view } = ctx;
  const idx = indexOf(scn);
  const active = s.phase === 'sitrep';
  const section = h('section', { class: 'panel sitrep', 'aria-labelledby': 'sitrep-heading' }, h(active ? 'h2' : 'h3', { id: 'sitrep-heading' }, t('sitrep.events')));
  const fired = view.fired.filter((f) => f.turn === s.turn);
  if (fired.length === 0) section.append(h('p', { class: 'muted' }, t('sitrep.noEvents')));
  for (const f of fired) {
    const ev = idx.events.get(f.event);
    if (!ev) continue;
    const card = h('article', { class: 'event-card' }, h('h4', {}, loc(ev.title), ev.hypothetical ? h('span', { class: 'badge', 'data-hypothetical': ev.id }, t('sitrep.hypothetical')) : null), h('p', {}, loc(ev.text)));
    const effects = shownEffects(ev.effects);
    if (effects.length > 0) card.append(h('ul', { class: 'effects small' }, effects.map((e) => h('li', {}, effectText(scn, e)))));
    const pending = view.pendingChoices.includes(f.event);
    if (pending && ctx.isHuman(ev.decider) && ctx.viewer === ev.decider) {
      card.append(
        h(
          'div',
          { role: 'group', class: 'choices', 'aria-label': t('sitrep.decide', { chair: chairName(ev.decider) }) },
          ev.choices.map((c) => {
            const shown = shownEffects(c.effects);
            return h(
              'button',
              { type: 'button', 'data-key': `choice-${ev.id}-${c.id}`, onclick: () => ctx.dispatch({ type: 'event/choose', chair: ev.decider, event: ev.id, choice: c.id }) },
              h('span', { class: 'choice-label' }, loc(c.label)),
              shown.length > 0 ? h('span', { class: 'choice-effects' }, shown.map((e) => effectText(scn, e)).join(' · ')) : null,
            );
          }),
        ),
      );
    } else if (pending) {
      card.append(h('p', { class: 'muted' }, t('sitrep.waitDecider', { chair: chairName(ev.decider) })));
    } else if (f.choice) {
      const c = ev.choices.find((x) => x.id === f.choice);
      if (c) card.append(h('p', { class: 'decided' }, t('sitrep.chosen', { choice: loc(c.label) })));
    }
    section.append(card);
  }
  if (view.warnings.length > 0) {
    section.append(h('h4', {}, t('sitrep.warnings')), h('ul', { class: 'warnings' }, view.warnings.map((w) => h('li', {}, t('sitrep.warning', { title: eventTitle(scn, w) })))));
  }
  if (active && ctx.viewer === 'srsg' && ctx.isHuman('srsg')) {
    if (scn.mandate.reviewTurns.includes(s.turn)) {
      // An empty review is allowed exactly when the month's review is still open.
      if (ctx.whyNot({ type: 'mandate/review', chair: 'srsg', drop: [], add: [] }) === null) section.append(reviewForm(ctx));
      else section.append(h('p', { class: 'muted' }, t('sitrep.reviewed')));
    }
    const close = h('button', { type: 'button', class: 'primary', 'data-key': 'close-sitrep', onclick: () => ctx.dispatch({ type: 'sitrep/close', chair: 'srsg' }) }, t('sitrep.close'));
    if (ctx.whyNot({ type: 'sitrep/close', chair: 'srsg' }) !== null) close.disabled = true;
    section.append(close);
  }
  return section;
}

function reviewForm(ctx: PanelContext): HTMLElement {
  const { scn, view: s } = ctx;
  const drops: HTMLInputElement[] = [];
  const adds: HTMLInputElement[] = [];
  const box = (list: HTMLInputElement[], id: string, label: string, key: string) => {
    const bid = newId('review');
    const b = h('input', { type: 'checkbox', id: bid, value: id, 'data-key': key });
    list.push(b);
    return h('li', {}, b, h('label', { for: bid }, label));
  };
  const droppable = s.mandate.filter((x) => !scn.mandate.tasks.find((tk) => tk.id === x)?.required);
  const addable = scn.mandate.tasks.filter((x) => !s.mandate.includes(x.id));
  return h(
    'form',
    {
      class: 'review',
      onsubmit: (e: Event) => {
        e.preventDefault();
        ctx.dispatch({ type: 'mandate/review', chair: 'srsg', drop: drops.filter((b) => b.checked).map((b) => b.value), add: adds.filter((b) => b.checked).map((b) => b.value) });
      },
    },
    h('h3', {}, t('sitrep.review')),
    h('p', { class: 'hint' }, t('sitrep.reviewHint')),
    droppable.length > 0 ? h('fieldset', {}, h('legend', {}, t('sitrep.drop')), h('ul', { class: 'checklist' }, droppable.map((id) => box(drops, id, taskName(scn, id), `drop-${id}`)))) : null,
    addable.length > 0 ? h('fieldset', {}, h('legend', {}, t('sitrep.add')), h('ul', { class: 'checklist' }, addable.map((x) => box(adds, x.id, loc(x.name), `add-${x.id}`)))) : null,
    h('button', { type: 'submit', 'data-key': 'submit-review' }, t('sitrep.submitReview')),
  );
}
