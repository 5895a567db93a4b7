// The facilitator's tool forms for one session: phase clocks, an event from the scenario, an indicator adjusted with a
// reason. Each is built once per opened session and sends one command; the page shows the outcome (send's `done` text or
// the refusal) and a form clears its reason only once the server has accepted it.
import { TIMED_PHASES, type FacilitatorCommand, type TimedPhase } from '../../net/protocol.js';
import { CORE_INDICATORS, type IndicatorId } from '../../scenario/constants.js';
import type { Scenario } from '../../scenario/schema.js';
import { eventTitle } from '../describe.js';
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import { indName } from './common.js';

/** Sends a command for the opened session; `done` is the page's message once it is accepted. */
export type Send = (cmd: FacilitatorCommand, done?: string) => Promise<unknown>;

/** A clock per timed phase, in minutes (empty: no clock); the server counts down and acts for late chairs at zero. */
export function clocksForm(send: Send): HTMLElement {
  const inputs = TIMED_PHASES.map((p) =>
    h('input', {
      id: `fac-clock-${p}`,
      type: 'number',
      min: 0.5,
      max: 120,
      step: 0.5,
      inputmode: 'decimal',
      'data-phase': p,
      // typed by the facilitator: the clocks the server runs no longer overwrite it until it is sent
      oninput: (e: Event) => ((e.target as HTMLInputElement).dataset['edited'] = '1'),
    }),
  );
  const problem = h('p', { class: 'rejection', role: 'alert', hidden: true });
  return h(
    'form',
    {
      class: 'panel',
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        const seconds: Partial<Record<TimedPhase, number | null>> = {};
        for (const [i, p] of TIMED_PHASES.entries()) {
          const input = inputs[i]!;
          const v = input.value.trim();
          const min = Number(v.replace(',', '.'));
          if (v !== '' && !(min >= 0.5 && min <= 120)) {
            problem.textContent = t('ws.clockBad', { phase: t(`phase.${p}`) });
            problem.hidden = false;
            input.setAttribute('aria-invalid', 'true');
            input.focus();
            return;
          }
          input.removeAttribute('aria-invalid');
          seconds[p] = v === '' ? null : Math.round(min * 60);
        }
        problem.hidden = true;
        for (const input of inputs) delete input.dataset['edited'];
        const set = TIMED_PHASES.filter((p) => seconds[p] != null).map((p) =>
          t('ws.clockRow', { phase: t(`phase.${p}`), min: (seconds[p]! / 60).toString() }),
        );
        void send(
          { do: 'set-timer', seconds },
          set.length > 0 ? t('ws.clocksSet', { list: set.join(', ') }) : t('ws.clocksOff'),
        );
      },
    },
    h('h2', {}, t('ws.clocks')),
    h('p', { class: 'hint' }, t('ws.clocksHint')),
    h(
      'div',
      { class: 'fac-clocks' },
      TIMED_PHASES.map((p, i) =>
        h('div', { class: 'field' }, h('label', { for: `fac-clock-${p}` }, t(`phase.${p}`)), inputs[i]!),
      ),
    ),
    problem,
    h('button', { type: 'submit' }, t('ws.setClocks')),
  );
}

/** Shows the clocks the server runs (seconds per phase) in a clocks form, except in fields being edited. */
export function showClocks(form: HTMLElement, seconds: Readonly<Partial<Record<TimedPhase, number>>>): void {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[data-phase]')) {
    if (input.dataset['edited'] === '1' || input === document.activeElement) continue;
    const v = seconds[input.dataset['phase'] as TimedPhase];
    input.value = v === undefined ? '' : String(Math.round((v / 60) * 100) / 100);
  }
}

export function eventForm(send: Send, scn: Scenario | undefined): HTMLElement {
  const evSel = h(
    'select',
    { id: 'fac-event' },
    (scn?.events ?? []).map((e) => h('option', { value: e.id }, scn ? eventTitle(scn, e.id) : e.id)),
  );
  const evReason = h('input', { id: 'fac-event-reason', type: 'text', required: true, maxlength: 280 });
  const evNote = h('input', { id: 'fac-event-note', type: 'text', maxlength: 280 });
  return h(
    'form',
    {
      class: 'panel',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const title = evSel.selectedOptions[0]?.textContent ?? evSel.value;
        const note = evNote.value.trim();
        send(
          { do: 'inject', event: evSel.value, reason: evReason.value, ...(note ? { note } : {}) },
          t('ws.injected', { title }),
        ).then(
          () => ((evReason.value = ''), (evNote.value = '')),
          () => undefined,
        );
      },
    },
    h('h2', {}, t('session.inject')),
    h('div', { class: 'field' }, h('label', { for: 'fac-event' }, t('session.event')), evSel),
    h('div', { class: 'field' }, h('label', { for: 'fac-event-reason' }, t('ws.publicReason')), evReason),
    h('div', { class: 'field' }, h('label', { for: 'fac-event-note' }, t('ws.noteLabel')), evNote),
    h('button', { type: 'submit' }, t('session.injectButton')),
  );
}

export function indicatorForm(send: Send, scn: Scenario | undefined): HTMLElement {
  const indSel = h(
    'select',
    { id: 'fac-ind' },
    CORE_INDICATORS.map((k) => h('option', { value: k }, indName(scn, k))),
  );
  const indBy = h('input', {
    id: 'fac-ind-by',
    type: 'number',
    min: -50,
    max: 50,
    step: 1,
    value: '-5',
    required: true,
  });
  const indReason = h('input', { id: 'fac-ind-reason', type: 'text', required: true, maxlength: 280 });
  return h(
    'form',
    {
      class: 'panel',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const by = Number(indBy.value);
        if (!Number.isInteger(by) || by === 0 || Math.abs(by) > 50) {
          indBy.setCustomValidity(t('ws.adjustBad'));
          indBy.reportValidity();
          indBy.setCustomValidity('');
          return;
        }
        send({ do: 'adjust-indicator', indicator: indSel.value as IndicatorId, by, reason: indReason.value }).then(
          () => (indReason.value = ''),
          () => undefined,
        );
      },
    },
    h('h2', {}, t('session.adjust')),
    h('div', { class: 'field' }, h('label', { for: 'fac-ind' }, t('session.indicator')), indSel),
    h('div', { class: 'field' }, h('label', { for: 'fac-ind-by' }, t('session.by')), indBy),
    h('div', { class: 'field' }, h('label', { for: 'fac-ind-reason' }, t('session.reason')), indReason),
    h('button', { type: 'submit' }, t('session.adjustButton')),
  );
}
