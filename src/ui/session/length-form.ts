// The game's length on the facilitator's page: a field in the form that creates a session, and a form in the console
// that sets (or shortens to stop at) a month while the game runs. The server and the engine check the value.
import { lastTurn, thresholdFor, type GameState } from '../../engine/index.js';
import type { Scenario } from '../../scenario/schema.js';
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import type { Send } from './facilitator-forms.js';

/** The create form's optional field: empty keeps the scenario's own length. */
export function monthsField(): { root: HTMLElement; months(): number | null } {
  const input = h('input', {
    id: 'fac-months',
    type: 'number',
    min: 1,
    max: 120,
    step: 1,
    inputmode: 'numeric',
    'aria-describedby': 'fac-months-hint',
  });
  return {
    root: h(
      'div',
      { class: 'field' },
      h('label', { for: 'fac-months' }, t('len.label')),
      input,
      h('p', { id: 'fac-months-hint', class: 'hint' }, t('len.hint')),
    ),
    months: () => {
      const n = Number(input.value);
      return input.value.trim() !== '' && Number.isInteger(n) && n >= 1 ? n : null;
    },
  };
}

/** The console's form: the length now and its pass mark, and a new length to set. */
export function lengthForm(
  scn: Scenario,
  send: Send,
  state: () => GameState | null,
): { root: HTMLElement; update(): void } {
  const input = h('input', { id: 'fac-length', type: 'number', min: 1, max: scn.turns, step: 1, inputmode: 'numeric' });
  const now = h('p', { class: 'small', 'data-testid': 'fac-length-now' });
  const root = h(
    'form',
    {
      class: 'panel',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const months = Number(input.value);
        if (!input.reportValidity() || !Number.isInteger(months)) return;
        void send({ do: 'set-length', months }, t('len.done', { months }));
      },
    },
    h('h2', {}, t('len.label')),
    now,
    h('div', { class: 'field' }, h('label', { for: 'fac-length' }, t('len.label')), input),
    h('button', { type: 'submit' }, t('len.set')),
  );
  return {
    root,
    update: () => {
      const s = state();
      const months = s ? lastTurn(s, scn) : scn.turns;
      now.textContent = t('len.now', { months, mark: thresholdFor(scn, months) });
      input.min = String(Math.max(1, s?.turn ?? 1));
    },
  };
}
