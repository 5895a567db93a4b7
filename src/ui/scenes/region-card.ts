// A region's card, shown on hover, tap or focus: its violence and population, the armed groups and other actors there,
// what the mission has there, and what changed since last month. Built from the viewer's view only.
import type { Scenario } from '../../scenario/schema.js';
import { seenText, violenceText } from '../describe.js';
import { h } from '../dom.js';
import { loc, t } from '../i18n/index.js';
import { ARMED } from '../panels/theatre.js';
import type { MapChange } from './changes.js';
import { changeText } from './changes-text.js';
import type { MapView } from './source.js';

export function regionCard(
  scn: Scenario,
  view: MapView,
  changes: readonly MapChange[],
  id: string,
): HTMLElement | null {
  const r = scn.regions.find((x) => x.id === id);
  if (!r) return null;
  const v = view.violence[id] ?? { value: 0, spread: 0 };
  const unitDef = new Map(
    [...scn.units, ...Object.values(scn.reinforcements).map((x) => x.unit)].map((d) => [d.id, d]),
  );
  const here = Object.entries(view.units).filter(([, s]) => s.region === id);
  const groups = scn.actors.filter((a) => ARMED.includes(a.kind) && a.regions.includes(id));
  const others = scn.actors.filter((a) => !ARMED.includes(a.kind) && a.regions.includes(id));
  const groupIds = new Set(groups.map((g) => g.id));
  const seen = changes.filter(
    (c) =>
      (c.kind === 'violence' && c.region === id) ||
      (c.kind === 'move' && (c.to === id || c.from === id)) ||
      (c.kind === 'arrive' && c.to === id) ||
      (c.kind === 'leave' && c.from === id) ||
      (c.kind === 'strength' && groupIds.has(c.actor)),
  );
  const list = (items: string[]) =>
    items.length
      ? h(
          'ul',
          {},
          items.map((s) => h('li', {}, s)),
        )
      : h('p', {}, t('mapcard.none'));
  return h(
    'div',
    {},
    h('h4', {}, loc(r.name)),
    h('p', {}, t('mapcard.violence', { value: violenceText(v) })),
    h('p', {}, t('mapcard.population', { n: r.population })),
    h('h5', {}, t('mapcard.groups')),
    list(
      groups.map((a) => {
        const st = view.actors?.[a.id]?.strength;
        return st ? t('mapcard.strength', { name: loc(a.name), value: seenText(st) }) : loc(a.name);
      }),
    ),
    others.length ? h('h5', {}, t('mapcard.others')) : null,
    others.length ? list(others.map((a) => loc(a.name))) : null,
    h('h5', {}, t('mapcard.units')),
    list(
      here.map(([u]) => {
        const d = unitDef.get(u);
        return d ? `${loc(d.name)} (${t(`cap.${d.capability}`)})` : u;
      }),
    ),
    h('h5', {}, t('mapcard.changes')),
    seen.length
      ? h(
          'ul',
          {},
          seen.map((c) =>
            h(
              'li',
              { class: c.kind === 'violence' || c.kind === 'strength' ? (c.to > c.from ? 'worse' : 'better') : '' },
              changeText(scn, c),
            ),
          ),
        )
      : h('p', {}, t('mapcard.noChange')),
  );
}
