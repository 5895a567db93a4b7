// The facilitator's custom inject: a title, effects chosen row by row (kind, target, amount) and a reason, checked here in words before the server sees it.
import { CORE_INDICATORS } from '../../scenario/constants.js';
import type { Effect, Scenario } from '../../scenario/schema.js';
import { actorName, effectText, regionName, unitName } from '../describe.js';
import { h } from '../dom.js';
import { loc, t } from '../i18n/index.js';

/** The kinds of effect a facilitator may inject: the scenario format's effect vocabulary. */
export const FX_KINDS = [
  'indicator',
  'violence',
  'stance',
  'strength',
  'flag',
  'unflag',
  'implement',
  'sign-agreement',
  'request-unit',
  'expedite',
  'consult-contributors',
] as const satisfies readonly Effect['do'][];
export type FxKind = (typeof FX_KINDS)[number];

/** The protocol's limits: up to ten effects, a title of 200 characters, a reason of 280. */
export const MAX_EFFECTS = 10;
const MAX_TITLE = 200;
const MAX_REASON = 280;
const MAX_BY = 100;
const FLAG_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** One row as typed: `target` is the indicator, region, actor, reinforcement or flag name, `by` the change as text. */
export interface FxRow {
  kind: FxKind;
  target: string;
  by: string;
}

type TargetKind = 'indicator' | 'region' | 'actor' | 'unit' | 'flag' | null;

function targetKind(kind: FxKind): TargetKind {
  switch (kind) {
    case 'indicator':
      return 'indicator';
    case 'violence':
      return 'region';
    case 'stance':
    case 'strength':
      return 'actor';
    case 'request-unit':
      return 'unit';
    case 'flag':
    case 'unflag':
      return 'flag';
    default:
      return null;
  }
}

export function hasAmount(kind: FxKind): boolean {
  return (
    kind === 'indicator' || kind === 'violence' || kind === 'stance' || kind === 'strength' || kind === 'implement'
  );
}

/** The kinds this scenario can take: no actor rows without actors, no reinforcement rows without reinforcements. */
export function kindsFor(scn: Scenario): FxKind[] {
  return FX_KINDS.filter((k) => {
    const tk = targetKind(k);
    if (tk === 'actor') return scn.actors.length > 0;
    if (tk === 'unit') return Object.keys(scn.reinforcements).length > 0;
    if (tk === 'region') return scn.regions.length > 0;
    return true;
  });
}

/** What a row's target may be, by name, in the scenario's order. Flags are typed, so none are listed. */
export function targetsFor(scn: Scenario, kind: FxKind): { value: string; label: string }[] {
  switch (targetKind(kind)) {
    case 'indicator':
      return CORE_INDICATORS.map((k) => ({ value: k, label: loc(scn.indicators[k].name) }));
    case 'region':
      return scn.regions.map((r) => ({ value: r.id, label: regionName(scn, r.id) }));
    case 'actor':
      return scn.actors.map((a) => ({ value: a.id, label: actorName(scn, a.id) }));
    case 'unit':
      return Object.entries(scn.reinforcements).map(([id, r]) => ({ value: id, label: unitName(scn, r.unit.id) }));
    default:
      return [];
  }
}

/** The situation flags the scenario's own effects and conditions name, offered as suggestions. */
export function flagsOf(scn: Scenario): string[] {
  const out = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) for (const y of x) walk(y);
    else if (x !== null && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o['do'] === 'flag' && typeof o['set'] === 'string') out.add(o['set']);
      if ((o['do'] === 'unflag' || o['test'] === 'flag') && typeof o['flag'] === 'string') out.add(o['flag']);
      for (const v of Object.values(o)) walk(v);
    }
  };
  walk(scn);
  return [...out].sort();
}

/** A fresh row of a kind, with its first target chosen (a facilitator changes what they need). */
export function newRow(scn: Scenario, kind: FxKind = 'indicator'): FxRow {
  return { kind, target: targetsFor(scn, kind)[0]?.value ?? '', by: hasAmount(kind) ? '-5' : '' };
}

export interface Problem {
  /** The id of the field to fix (focused first, marked invalid). */
  readonly field: string;
  readonly text: string;
}

export const fieldId = (i: number, part: 'kind' | 'target' | 'by') => `fac-fx-${i}-${part}`;

const noControl = (s: string) => ![...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

/** The effect a row stands for, or what is wrong with it in words. */
function readRow(scn: Scenario, row: FxRow, i: number): { ok: true; effect: Effect } | { ok: false; problem: Problem } {
  const n = i + 1;
  const tk = targetKind(row.kind);
  const target = row.target.trim();
  if (tk === 'flag') {
    if (!FLAG_ID.test(target))
      return { ok: false, problem: { field: fieldId(i, 'target'), text: t('ws.fx.badFlag', { n }) } };
  } else if (tk !== null && !targetsFor(scn, row.kind).some((x) => x.value === target)) {
    return { ok: false, problem: { field: fieldId(i, 'target'), text: t('ws.fx.noTarget', { n }) } };
  }
  let by = 0;
  if (hasAmount(row.kind)) {
    const text = row.by.trim().replace('−', '-');
    by = Number(text);
    if (!/^[+-]?\d+$/.test(text) || Math.abs(by) > MAX_BY || by === 0)
      return { ok: false, problem: { field: fieldId(i, 'by'), text: t('ws.fx.badBy', { n, max: MAX_BY }) } };
  }
  switch (row.kind) {
    case 'indicator':
      return { ok: true, effect: { do: 'indicator', id: target as (typeof CORE_INDICATORS)[number], by } };
    case 'violence':
      return { ok: true, effect: { do: 'violence', region: target, by } };
    case 'stance':
    case 'strength':
      return { ok: true, effect: { do: row.kind, actor: target, by } };
    case 'implement':
      return { ok: true, effect: { do: 'implement', by } };
    case 'flag':
      return { ok: true, effect: { do: 'flag', set: target } };
    case 'unflag':
      return { ok: true, effect: { do: 'unflag', flag: target } };
    case 'request-unit':
      return { ok: true, effect: { do: 'request-unit', unit: target } };
    default:
      return { ok: true, effect: { do: row.kind } };
  }
}

export type ReadInject =
  { ok: true; title: string; reason: string; effects: Effect[] } | { ok: false; problems: Problem[] };

/** Checks the whole form as the server will, and says every problem at once, in words, with the field to fix. */
export function readInject(
  scn: Scenario,
  input: { title: string; reason: string; rows: readonly FxRow[] },
): ReadInject {
  const problems: Problem[] = [];
  const title = input.title.trim();
  const reason = input.reason.trim();
  if (title === '') problems.push({ field: 'fac-fx-title', text: t('ws.fx.noTitle') });
  else if (title.length > MAX_TITLE || !noControl(title))
    problems.push({ field: 'fac-fx-title', text: t('ws.fx.longTitle', { max: MAX_TITLE }) });
  const effects: Effect[] = [];
  if (input.rows.length === 0) problems.push({ field: 'fac-fx-add', text: t('ws.fx.noEffects') });
  if (input.rows.length > MAX_EFFECTS)
    problems.push({ field: 'fac-fx-add', text: t('ws.fx.tooMany', { max: MAX_EFFECTS }) });
  input.rows.forEach((row, i) => {
    const r = readRow(scn, row, i);
    if (r.ok) effects.push(r.effect);
    else problems.push(r.problem);
  });
  if (reason === '') problems.push({ field: 'fac-fx-reason', text: t('ws.fx.noReason') });
  else if (reason.length > MAX_REASON || !noControl(reason))
    problems.push({ field: 'fac-fx-reason', text: t('ws.fx.longReason', { max: MAX_REASON }) });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, title, reason, effects };
}

export interface InjectForm {
  readonly root: HTMLElement;
}

/**
 * The form: rows of effects that can be added and removed, a preview of what the inject will do in
 * words, problems listed in an alert with each bad field marked, and the server's refusal shown the same way.
 */
export function customInjectForm(
  scn: Scenario,
  send: (cmd: { title: string; effects: Effect[]; reason: string; note?: string }) => Promise<unknown>,
  refusal: (e: unknown) => string,
): InjectForm {
  const kinds = kindsFor(scn);
  const flags = flagsOf(scn);
  let rows: FxRow[] = [newRow(scn)];
  let problems: Problem[] = [];
  let outcome: { kind: 'ok' | 'refused'; text: string } | null = null;
  let busy = false;

  const title = h('input', {
    id: 'fac-fx-title',
    type: 'text',
    maxlength: MAX_TITLE,
    autocomplete: 'off',
    oninput: () => changed(),
  });
  const reason = h('input', {
    id: 'fac-fx-reason',
    type: 'text',
    maxlength: MAX_REASON,
    autocomplete: 'off',
    oninput: () => changed(),
  });
  // the facilitator's own note: kept by the server for this console, never sent to a player or the projector
  const note = h('input', { id: 'fac-fx-note', type: 'text', maxlength: MAX_REASON, autocomplete: 'off' });
  const rowsBox = h('div', { class: 'fx-rows' });
  const preview = h('div', { class: 'fx-preview', 'aria-live': 'polite' });
  const messages = h('div');
  const submit = h('button', { type: 'submit', class: 'primary' }, t('ws.fx.apply'));
  const flagList = h(
    'datalist',
    { id: 'fac-fx-flags' },
    flags.map((f) => h('option', { value: f })),
  );

  const form = h(
    'form',
    {
      class: 'panel fx-form',
      'aria-labelledby': 'fac-fx-heading',
      novalidate: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        void apply();
      },
    },
    h('h2', { id: 'fac-fx-heading' }, t('ws.fx.heading')),
    h('p', { class: 'hint' }, t('ws.fx.hint')),
    h('div', { class: 'field' }, h('label', { for: 'fac-fx-title' }, t('ws.fx.title')), title),
    rowsBox,
    flagList,
    h('div', { class: 'field' }, h('label', { for: 'fac-fx-reason' }, t('ws.publicReason')), reason),
    h('div', { class: 'field' }, h('label', { for: 'fac-fx-note' }, t('ws.noteLabel')), note),
    preview,
    messages,
    submit,
  );

  /** After any edit: problems already shown are checked again, so they disappear as they are fixed. */
  function changed(): void {
    outcome = null;
    if (problems.length > 0) {
      const r = readInject(scn, { title: title.value, reason: reason.value, rows });
      problems = r.ok ? [] : r.problems;
    }
    paintMessages();
    paintPreview();
  }

  function paintRows(focus?: string): void {
    rowsBox.replaceChildren(
      ...rows.map((row, i) => {
        const n = i + 1;
        const kind = h(
          'select',
          {
            id: fieldId(i, 'kind'),
            onchange: () => {
              rows[i] = {
                ...newRow(scn, kind.value as FxKind),
                by: hasAmount(kind.value as FxKind) ? row.by || '-5' : '',
              };
              paintRows(fieldId(i, 'kind'));
              changed();
            },
          },
          kinds.map((k) => h('option', { value: k }, t(`ws.fx.kind.${k}`))),
        );
        kind.value = row.kind;
        const parts: HTMLElement[] = [
          h('div', { class: 'field' }, h('label', { for: fieldId(i, 'kind') }, t('ws.fx.kind')), kind),
        ];
        const tk = targetKind(row.kind);
        if (tk === 'flag') {
          const input = h('input', {
            id: fieldId(i, 'target'),
            type: 'text',
            list: 'fac-fx-flags',
            value: row.target,
            autocomplete: 'off',
            spellcheck: 'false',
            'aria-describedby': `${fieldId(i, 'target')}-hint`,
            oninput: () => {
              row.target = input.value;
              changed();
            },
          });
          parts.push(
            h(
              'div',
              { class: 'field' },
              h('label', { for: fieldId(i, 'target') }, t('ws.fx.flag')),
              input,
              h('p', { id: `${fieldId(i, 'target')}-hint`, class: 'hint' }, t('ws.fx.flagHint')),
            ),
          );
        } else if (tk !== null) {
          const sel = h(
            'select',
            {
              id: fieldId(i, 'target'),
              onchange: () => {
                row.target = sel.value;
                changed();
              },
            },
            targetsFor(scn, row.kind).map((x) => h('option', { value: x.value }, x.label)),
          );
          sel.value = row.target;
          parts.push(
            h('div', { class: 'field' }, h('label', { for: fieldId(i, 'target') }, t(`ws.fx.target.${tk}`)), sel),
          );
        }
        if (hasAmount(row.kind)) {
          const by = h('input', {
            id: fieldId(i, 'by'),
            type: 'number',
            min: -MAX_BY,
            max: MAX_BY,
            step: 1,
            value: row.by,
            oninput: () => {
              row.by = by.value;
              changed();
            },
          });
          parts.push(h('div', { class: 'field fx-by' }, h('label', { for: fieldId(i, 'by') }, t('session.by')), by));
        }
        const remove = h(
          'button',
          {
            type: 'button',
            class: 'quiet small-btn',
            id: `fac-fx-${i}-remove`,
            disabled: rows.length === 1,
            onclick: () => {
              rows = rows.filter((_, j) => j !== i);
              paintRows(rows.length > i ? fieldId(i, 'kind') : 'fac-fx-add');
              changed();
            },
          },
          t('ws.fx.remove', { n }),
        );
        return h(
          'fieldset',
          { class: 'fx-row' },
          h('legend', {}, t('ws.fx.effect', { n })),
          h('div', { class: 'fx-fields' }, parts),
          remove,
        );
      }),
      h(
        'button',
        {
          type: 'button',
          id: 'fac-fx-add',
          disabled: rows.length >= MAX_EFFECTS,
          onclick: () => {
            rows = [...rows, newRow(scn)];
            paintRows(fieldId(rows.length - 1, 'kind'));
            changed();
          },
        },
        t('ws.fx.add'),
      ),
    );
    if (focus) rowsBox.querySelector<HTMLElement>(`#${CSS.escape(focus)}`)?.focus();
    markInvalid();
  }

  function markInvalid(): void {
    const bad = new Set(problems.map((p) => p.field));
    for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[id], select[id]')) {
      if (bad.has(el.id)) {
        el.setAttribute('aria-invalid', 'true');
        el.setAttribute('aria-errormessage', 'fac-fx-problems');
      } else {
        el.removeAttribute('aria-invalid');
        el.removeAttribute('aria-errormessage');
      }
    }
  }

  function paintMessages(): void {
    markInvalid();
    const parts: HTMLElement[] = [];
    if (problems.length > 0)
      parts.push(
        h(
          'div',
          { id: 'fac-fx-problems', class: 'notice error', role: 'alert' },
          h('p', {}, t('ws.fx.problems')),
          h(
            'ul',
            {},
            problems.map((p) => h('li', {}, p.text)),
          ),
        ),
      );
    if (outcome)
      parts.push(
        h(
          'p',
          {
            class: outcome.kind === 'ok' ? 'notice ok' : 'notice error',
            role: outcome.kind === 'ok' ? 'status' : 'alert',
          },
          outcome.text,
        ),
      );
    messages.replaceChildren(...parts);
    submit.disabled = busy;
  }

  function paintPreview(): void {
    const lines = rows.flatMap((row, i) => {
      const r = readRow(scn, row, i);
      return r.ok ? [effectText(scn, r.effect)] : [];
    });
    preview.replaceChildren(
      lines.length === 0
        ? ''
        : h(
            'p',
            { class: 'small', 'data-testid': 'fx-preview' },
            h('strong', {}, t('ws.fx.preview')),
            ' ',
            lines.join('; '),
          ),
    );
  }

  async function apply(): Promise<void> {
    const r = readInject(scn, { title: title.value, reason: reason.value, rows });
    outcome = null;
    if (!r.ok) {
      problems = r.problems;
      paintMessages();
      form.querySelector<HTMLElement>(`#${CSS.escape(r.problems[0]!.field)}`)?.focus();
      return;
    }
    problems = [];
    busy = true;
    paintMessages();
    try {
      const n = note.value.trim();
      await send({ title: r.title, effects: r.effects, reason: r.reason, ...(n ? { note: n } : {}) });
      outcome = { kind: 'ok', text: t('ws.fx.applied', { title: r.title }) };
      rows = [newRow(scn)];
      title.value = '';
      reason.value = '';
      note.value = '';
      paintRows();
      paintPreview();
    } catch (e) {
      outcome = { kind: 'refused', text: t('ws.fx.refused', { why: refusal(e) }) };
    } finally {
      busy = false;
      paintMessages();
    }
  }

  paintRows();
  paintPreview();
  paintMessages();
  return { root: form };
}
