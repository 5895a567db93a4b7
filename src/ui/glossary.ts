// The glossary: the scenario's acronyms and names, and the people who held its seats and led its actors, with their
// dates, in the player's language. A modal dialog opened from the month's report (issue #19).
import type { Leader, Scenario } from '../scenario/schema.js';
import { h } from './dom.js';
import { v, type VNode } from './vdom.js';
import { lang, loc } from './i18n/index.js';

const TEXT = {
  en: {
    open: 'Glossary',
    heading: 'Glossary: acronyms, names and people',
    terms: 'Acronyms and names',
    people: 'People',
    close: 'Close',
    since: 'from {d}',
    sinceMonth: 'from {d}',
    until: 'until {d}',
    untilMonth: 'until {d}',
    seats: 'Mission and mediation seats',
  },
  fr: {
    open: 'Glossaire',
    heading: 'Glossaire : sigles, noms et personnes',
    terms: 'Sigles et noms',
    people: 'Personnes',
    close: 'Fermer',
    since: 'à partir du {d}',
    sinceMonth: 'à partir de {d}',
    until: 'jusqu’au {d}',
    untilMonth: 'jusqu’en {d}',
    seats: 'Sièges de la mission et de la médiation',
  },
} as const;

const text = () => TEXT[lang()];

/** Whether the scenario has anything to show in a glossary. */
export function hasGlossary(scn: Scenario): boolean {
  return (
    scn.glossary.length > 0 ||
    scn.actors.some((a) => a.leaders.length > 0) ||
    Object.values(scn.chairs).some((c) => (c?.holders.length ?? 0) > 0)
  );
}

const MONTHS = {
  en: 'January February March April May June July August September October November December',
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
} as const;

/** A `YYYY-MM` or `YYYY-MM-DD` date in words, in the player's language: "17 May 2013", « 1er août 2014 ». */
export function dateInWords(d: string, l: 'en' | 'fr' = lang()): string {
  const [y, m, day] = d.split('-');
  const month = MONTHS[l].split(' ')[Number(m) - 1] ?? m;
  if (day === undefined) return `${month} ${y}`;
  const n = Number(day);
  return `${l === 'fr' && n === 1 ? '1er' : n} ${month} ${y}`;
}

/** When a person held the role, in words and in the player's language; empty when the data gives no dates. */
export function leaderDates(l: Leader): string {
  const x = text();
  if (l.from && l.to) return `${dateInWords(l.from)} – ${dateInWords(l.to)}`;
  const day = (d: string) => d.length > 7;
  if (l.from) return (day(l.from) ? x.since : x.sinceMonth).replace('{d}', dateInWords(l.from));
  if (l.to) return (day(l.to) ? x.until : x.untilMonth).replace('{d}', dateInWords(l.to));
  return '';
}

function person(l: Leader): HTMLElement {
  const d = leaderDates(l);
  // French typography: a narrow no-break space before the colon
  const colon = lang() === 'fr' ? '\u202f: ' : ': ';
  return h('li', {}, h('strong', {}, l.name), `${colon}${loc(l.role)}`, d ? ` (${d})` : '');
}

/** The glossary's content: terms, then the chairs' holders, then each actor's leaders. */
export function glossaryContent(scn: Scenario): HTMLElement {
  const x = text();
  const holders = Object.values(scn.chairs).flatMap((c) => c?.holders ?? []);
  const actors = scn.actors.filter((a) => a.leaders.length > 0);
  return h(
    'div',
    { class: 'glossary-content' },
    scn.glossary.length > 0
      ? [
          h('h3', {}, x.terms),
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
    holders.length + actors.length > 0 ? h('h3', {}, x.people) : null,
    holders.length > 0 ? [h('h4', {}, x.seats), h('ul', {}, holders.map(person))] : null,
    actors.flatMap((a) => [h('h4', {}, loc(a.name)), h('ul', {}, a.leaders.map(person))]),
  );
}

/** Opens the glossary as a modal dialog; it removes itself when closed. */
export function openGlossary(scn: Scenario): HTMLDialogElement {
  const x = text();
  const dialog = h('dialog', { class: 'glossary', 'aria-labelledby': 'glossary-heading' });
  const close = h('button', { type: 'button', onclick: () => dialog.close() }, x.close);
  dialog.append(h('h2', { id: 'glossary-heading' }, x.heading), glossaryContent(scn), close);
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
    text().open,
  );
}

/** The same button as a described node, for the panels that the table patches in place. */
export function glossaryButtonNode(scn: Scenario): VNode | null {
  if (!hasGlossary(scn)) return null;
  return v(
    'button',
    { type: 'button', class: 'glossary-open', 'data-key': 'glossary', onclick: () => void openGlossary(scn) },
    text().open,
  );
}
