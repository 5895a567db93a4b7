// The glossary: the scenario's acronyms and names, and the people who held its seats and led its actors, with their
// dates, in the player's language. A modal dialog opened from the month's report (issue #19).
import type { Leader, Scenario } from '../scenario/schema.js';
import { h } from './dom.js';
import { v, type VNode } from './vdom.js';
import { lang, loc, t, type Lang } from './i18n/index.js';

/** Whether the scenario has anything to show in a glossary. */
export function hasGlossary(scn: Scenario): boolean {
  return (
    scn.glossary.length > 0 ||
    scn.actors.some((a) => a.leaders.length > 0) ||
    Object.values(scn.chairs).some((c) => (c?.holders.length ?? 0) > 0)
  );
}

/** A `YYYY-MM` or `YYYY-MM-DD` date in words, in the player's language: "17 May 2013", « 1er août 2014 ». */
export function dateInWords(d: string, l: Lang = lang()): string {
  const [year = d, m, day] = d.split('-');
  const month = t('date.months', {}, l).split(' ')[Number(m) - 1] ?? m ?? '';
  if (day === undefined) return t('date.month', { month, year }, l);
  const n = Number(day);
  return n === 1 ? t('date.first', { month, year }, l) : t('date.day', { day: n, month, year }, l);
}

/** When a person held the role, in words and in the player's language; empty when the data gives no dates. */
export function leaderDates(l: Leader): string {
  if (l.from && l.to) return `${dateInWords(l.from)} – ${dateInWords(l.to)}`;
  const day = (d: string) => d.length > 7;
  if (l.from) return t(day(l.from) ? 'glossary.since' : 'glossary.sinceMonth', { d: dateInWords(l.from) });
  if (l.to) return t(day(l.to) ? 'glossary.until' : 'glossary.untilMonth', { d: dateInWords(l.to) });
  return '';
}

function person(l: Leader): HTMLElement {
  const d = leaderDates(l);
  return h('li', {}, h('strong', {}, l.name), t('glossary.role', { role: loc(l.role) }), d ? ` (${d})` : '');
}

/** The glossary's content: terms, then the chairs' holders, then each actor's leaders. */
export function glossaryContent(scn: Scenario): HTMLElement {
  const holders = Object.values(scn.chairs).flatMap((c) => c?.holders ?? []);
  const actors = scn.actors.filter((a) => a.leaders.length > 0);
  return h(
    'div',
    { class: 'glossary-content' },
    scn.glossary.length > 0
      ? [
          h('h3', {}, t('glossary.terms')),
          h(
            'dl',
            {},
            scn.glossary.flatMap((g) => [
              h('dt', {}, g.term),
              h('dd', {}, loc(g.name), g.text ? ` ${loc(g.text)}` : ''),
            ]),
          ),
        ]
      : null,
    holders.length + actors.length > 0 ? h('h3', {}, t('glossary.people')) : null,
    holders.length > 0 ? [h('h4', {}, t('glossary.seats')), h('ul', {}, holders.map(person))] : null,
    actors.flatMap((a) => [h('h4', {}, loc(a.name)), h('ul', {}, a.leaders.map(person))]),
  );
}

/** Opens the glossary as a modal dialog; it removes itself when closed. */
export function openGlossary(scn: Scenario): HTMLDialogElement {
  const dialog = h('dialog', { class: 'glossary', 'aria-labelledby': 'glossary-heading' });
  const close = h('button', { type: 'button', onclick: () => dialog.close() }, t('glossary.close'));
  dialog.append(h('h2', { id: 'glossary-heading' }, t('glossary.heading')), glossaryContent(scn), close);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  return dialog;
}

/** The button that opens the glossary, or null when the scenario has none. */
export function glossaryButton(scn: Scenario): HTMLButtonElement | null {
  if (!hasGlossary(scn)) return null;
  return h(
    'button',
    { type: 'button', class: 'glossary-open', 'data-key': 'glossary', onclick: () => openGlossary(scn) },
    t('glossary.open'),
  );
}

/** The same button as a described node, for the panels that the table patches in place. */
export function glossaryButtonNode(scn: Scenario): VNode | null {
  if (!hasGlossary(scn)) return null;
  return v(
    'button',
    { type: 'button', class: 'glossary-open', 'data-key': 'glossary', onclick: () => void openGlossary(scn) },
    t('glossary.open'),
  );
}
