// The map's changes since last month as text, for the theatre panel: the same list the map marks with ▲/▼ and arrows.
import type { Scenario } from '../../scenario/schema.js';
import { actorName, regionName, unitName } from '../describe.js';
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import { ARMED } from '../panels/theatre.js';
import { changeMark, diffViews, type MapChange } from './changes.js';
import type { MapView } from './source.js';

const armed = new WeakMap<Scenario, ReadonlySet<string>>();

/** The changes the map marks: violence, units, and the strength of the armed groups it draws. */
export function mapChanges(scn: Scenario, before: MapView, after: MapView): MapChange[] {
  let ids = armed.get(scn);
  if (!ids) armed.set(scn, (ids = new Set(scn.actors.filter((a) => ARMED.includes(a.kind)).map((a) => a.id))));
  return diffViews(before, after, ids);
}

export function changeText(scn: Scenario, c: MapChange): string {
  switch (c.kind) {
    case 'violence':
      return t('mapchange.violence', {
        region: regionName(scn, c.region),
        from: c.from,
        to: c.to,
        mark: changeMark(c.from, c.to),
      });
    case 'move':
      return t('mapchange.move', {
        unit: unitName(scn, c.unit),
        from: regionName(scn, c.from),
        to: regionName(scn, c.to),
      });
    case 'arrive':
      return t('mapchange.arrive', { unit: unitName(scn, c.unit), region: regionName(scn, c.to) });
    case 'leave':
      return t('mapchange.leave', { unit: unitName(scn, c.unit), region: regionName(scn, c.from) });
    case 'strength':
      return t('mapchange.strength', {
        actor: actorName(scn, c.actor),
        from: c.from,
        to: c.to,
        mark: changeMark(c.from, c.to),
      });
  }
}

/** The list under the theatre table; nothing before there is a last month to compare with. */
export function changesSection(scn: Scenario, changes: readonly MapChange[] | null | undefined): HTMLElement | null {
  if (!changes) return null;
  return h(
    'section',
    { class: 'map-changes', 'aria-labelledby': 'map-changes-heading', 'data-testid': 'map-changes' },
    h('h3', { id: 'map-changes-heading' }, t('mapchange.heading')),
    changes.length === 0
      ? h('p', { class: 'muted small' }, t('mapchange.none'))
      : h(
          'ul',
          { class: 'small' },
          changes.map((c) => h('li', { 'data-change': c.kind }, changeText(scn, c))),
        ),
  );
}
